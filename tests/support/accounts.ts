/**
 * Members and sessions for tests, written straight into the test database the way sign-in
 * leaves them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { sessions, users, type SignInMethod, type UserRole } from '@/db/schema';
import { getViewerForSession, type Viewer } from '@/lib/auth/viewer';

export interface TestMember {
  id: string;
  email: string;
  displayName: string;
}

let counter = 0;

export async function createMember(
  overrides: Partial<{ email: string; role: UserRole; displayName: string; bannedAt: Date }> = {},
): Promise<TestMember> {
  counter += 1;
  const email = overrides.email ?? `member-${counter}-${randomUUID().slice(0, 8)}@example.org`;
  const [row] = await getDb()
    .insert(users)
    .values({
      email,
      role: overrides.role ?? 'member',
      displayName: overrides.displayName ?? `Tester ${counter}`,
      emailVerified: new Date(),
      bannedAt: overrides.bannedAt ?? null,
    })
    .returning({ id: users.id, email: users.email, displayName: users.displayName });
  if (!row) throw new Error('member not created');
  return row;
}

/** Opens a session for a member; returns its cookie value (the session token). */
export async function createSessionToken(
  userId: string,
  options: { method?: SignInMethod; secondFactor?: boolean; expiresInSeconds?: number } = {},
): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await getDb()
    .insert(sessions)
    .values({
      sessionToken: token,
      userId,
      expires: new Date(Date.now() + (options.expiresInSeconds ?? 3600) * 1000),
      method: options.method ?? 'email',
      secondFactorAt: options.secondFactor ? sql`now()` : null,
    });
  return token;
}

/** A member with a session, as the guards see them. */
export async function signedInViewer(
  overrides: Parameters<typeof createMember>[0] = {},
  options: Parameters<typeof createSessionToken>[1] = {},
): Promise<{ member: TestMember; token: string; viewer: Viewer }> {
  const member = await createMember(overrides);
  const token = await createSessionToken(member.id, options);
  const viewer = await getViewerForSession(getDb(), token);
  if (!viewer) throw new Error('session not readable');
  return { member, token, viewer };
}
