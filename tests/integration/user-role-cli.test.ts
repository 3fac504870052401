/**
 * `npm run user:role -- <email> <role>`: how the first admin comes to be. The function against
 * the test database, then the command itself in a process of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, openDatabase } from '@/db';
import { auditLog, users } from '@/db/schema';
import { assignRoleByEmail } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { createMember } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

async function userByEmail(email: string) {
  const [row] = await getDb()
    .select({
      id: users.id,
      role: users.role,
      displayName: users.displayName,
      emailVerified: users.emailVerified,
    })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

async function auditFor(userId: string) {
  return getDb()
    .select({
      actorId: auditLog.actorId,
      action: auditLog.action,
      subjectUserId: auditLog.subjectUserId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(eq(auditLog.subjectUserId, userId))
    .orderBy(desc(auditLog.id));
}

describe('assignRoleByEmail', () => {
  it('creates the account when there is none, with the role and a pseudonymous name', async () => {
    const result = await assignRoleByEmail('  First.Admin@Example.ORG ', 'admin');
    expect(result.created).toBe(true);
    expect(result.previousRole).toBeNull();
    const user = await userByEmail('first.admin@example.org');
    expect(user).not.toBeNull();
    expect(user?.id).toBe(result.userId);
    expect(user?.role).toBe('admin');
    expect(user?.displayName).not.toMatch(/first|admin|example/i);
    // Not verified until it signs in with a link.
    expect(user?.emailVerified).toBeNull();
    expect(await auditFor(result.userId)).toEqual([
      {
        actorId: null,
        action: 'user.role_set',
        subjectUserId: result.userId,
        detail: { role: 'admin', previousRole: null, via: 'command line' },
      },
    ]);
  });

  it('changes the role of an existing account and says what it was', async () => {
    const member = await createMember({ email: 'future.moderator@example.org' });
    const result = await assignRoleByEmail('Future.Moderator@example.org', 'moderator');
    expect(result).toEqual({
      userId: member.id,
      email: member.email,
      created: false,
      previousRole: 'member',
    });
    expect((await userByEmail(member.email))?.role).toBe('moderator');
    expect((await userByEmail(member.email))?.displayName).toBe(member.displayName);

    const back = await assignRoleByEmail(member.email, 'member');
    expect(back.previousRole).toBe('moderator');
    const entries = await auditFor(member.id);
    expect(entries.map((e) => e.detail)).toEqual([
      { role: 'member', previousRole: 'moderator', via: 'command line' },
      { role: 'moderator', previousRole: 'member', via: 'command line' },
    ]);
  });

  it.each([
    ['"a@evil.test"@example.org', 'quotation marks'],
    ['admin＠example.org', 'plain @ sign'],
    ['\u0430dmin@example.org', 'Cyrillic'],
    ['not-an-address', 'needs an @ sign'],
  ])('refuses %j and changes nothing', async (email, message) => {
    const before = await getDb().select({ id: users.id }).from(users);
    let thrown: unknown;
    try {
      await assignRoleByEmail(email, 'admin');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('validation');
    expect((thrown as AppError).message).toContain(message);
    expect(await getDb().select({ id: users.id }).from(users)).toHaveLength(before.length);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The command                                                                                  */
/* ------------------------------------------------------------------------------------------ */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'lib', 'auth', 'cli', 'user-role.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], dataDir: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', CLI, ...args],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run user:role', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'unknot-user-role-'));
    dataDir = path.join(dir, 'pglite');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('explains its usage, and refuses an unknown role, with exit code 2', async () => {
    const usage = await runCli([], dataDir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run user:role -- <email> <member|');
    const unknown = await runCli(['someone@example.org', 'superuser'], dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown role "superuser"');
  }, 60_000);

  it('creates the first admin, then refuses a bad address with exit code 1', async () => {
    const created = await runCli(['Owner@Example.org', 'admin'], dataDir);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(
      'Created an account for owner@example.org with the role admin',
    );
    expect(created.stdout).toContain('passkey');

    const refused = await runCli(['owner＠example.org', 'admin'], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Use the plain @ sign from your keyboard');

    const handle = openDatabase({ dataDir });
    try {
      const rows = await handle.db
        .select({ email: users.email, role: users.role })
        .from(users)
        .orderBy(users.email);
      expect(rows).toEqual([{ email: 'owner@example.org', role: 'admin' }]);
      const audit = await handle.db.select({ action: auditLog.action }).from(auditLog);
      expect(audit).toEqual([{ action: 'user.role_set' }]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
