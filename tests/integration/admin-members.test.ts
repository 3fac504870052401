import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, sessions, users } from '@/db/schema';
import { listMembers } from '@/lib/admin/queries';
import { setMemberRole } from '@/lib/admin/mutations';
import { setBanned } from '@/lib/auth/sessions';
import { getViewerForSession } from '@/lib/auth/viewer';
import {
  confirmedViewer,
  createMember,
  createSessionToken,
  signedInViewer,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure } from '../support/errors';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

/** An admin with a passkey who confirmed it in this session. */
const confirmedAdmin = async () => (await confirmedViewer('admin')).viewer;

describe('members administration', () => {
  it('lists members for a confirmed admin only', async () => {
    const target = await createMember({ displayName: 'Findable Fern' });
    const { viewer: member } = await signedInViewer();
    const { viewer: unconfirmedAdmin } = await signedInViewer({ role: 'admin' });

    expect((await failure(listMembers(null, ''))).code).toBe('unauthorized');
    expect((await failure(listMembers(member, ''))).code).toBe('forbidden');
    expect((await failure(listMembers(unconfirmedAdmin, ''))).code).toBe('second_factor');

    const admin = await confirmedAdmin();
    const found = await listMembers(admin, 'findable');
    expect(found.map((m) => m.id)).toEqual([target.id]);
    expect(await listMembers(admin, '%')).toEqual([]);
  });

  it('bans a member: their sessions end at once and the old cookie no longer works', async () => {
    const admin = await confirmedAdmin();
    const { member, token } = await signedInViewer();
    const second = await createSessionToken(member.id);

    await setBanned(admin, member.id, true);

    expect(await getViewerForSession(getDb(), token)).toBeNull();
    expect(await getViewerForSession(getDb(), second)).toBeNull();
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, member.id))).toEqual([]);
    const log = await getDb()
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.subjectUserId, member.id));
    expect(log).toEqual([{ action: 'user.banned', actorId: admin.userId }]);

    // A session created after the ban (by any path) still yields no viewer.
    const later = await createSessionToken(member.id);
    expect(await getViewerForSession(getDb(), later)).toBeNull();

    await setBanned(admin, member.id, false);
    const afterLift = await createSessionToken(member.id);
    expect(await getViewerForSession(getDb(), afterLift)).not.toBeNull();
  });

  it('refuses bans by non-admins, of oneself, and of unknown members', async () => {
    const admin = await confirmedAdmin();
    const { viewer: moderator } = await signedInViewer({ role: 'moderator' });
    const target = await createMember();
    expect((await failure(setBanned(moderator, target.id, true))).code).toBe('forbidden');
    expect((await failure(setBanned(admin, admin.userId, true))).code).toBe('forbidden');
    expect((await failure(setBanned(admin, crypto.randomUUID(), true))).code).toBe('not_found');
    const [row] = await getDb()
      .select({ bannedAt: users.bannedAt })
      .from(users)
      .where(eq(users.id, target.id));
    expect(row?.bannedAt).toBeNull();
  });

  it('sets roles with an audit entry, never on oneself or on a therapist account', async () => {
    const admin = await confirmedAdmin();
    const target = await createMember();
    const therapist = await createMember({ role: 'therapist' });

    await setMemberRole(admin, target.id, 'moderator');
    const [row] = await getDb()
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, target.id));
    expect(row?.role).toBe('moderator');
    const [entry] = await getDb()
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.subjectUserId, target.id));
    expect(entry).toEqual({
      action: 'user.role_set',
      detail: { role: 'moderator', previousRole: 'member' },
    });

    expect((await failure(setMemberRole(admin, admin.userId, 'member'))).code).toBe('forbidden');
    expect((await failure(setMemberRole(admin, therapist.id, 'member'))).code).toBe('forbidden');
    const { viewer: member } = await signedInViewer();
    expect((await failure(setMemberRole(member, target.id, 'admin'))).code).toBe('forbidden');
  });
});
