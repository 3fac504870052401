import 'server-only';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, sessions, users, type UserRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { suggestDisplayName } from './display-name';
import { normalizeEmail } from './email';
import { requireRole, requireSignedIn, type Viewer } from './viewer';

/** A session as its owner sees it on the account page. */
export interface AccountSession {
  id: string;
  method: string;
  device: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export async function listSessions(viewer: Viewer | null): Promise<AccountSession[]> {
  const me = requireSignedIn(viewer);
  const rows = await getDb()
    .select({
      id: sessions.id,
      method: sessions.method,
      device: sessions.device,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, me.userId), gt(sessions.expires, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((row) => ({ ...row, current: row.id === me.sessionId }));
}

/** Ends one of the viewer's own sessions (another user's session id changes nothing). */
export async function endSession(viewer: Viewer | null, sessionId: string): Promise<boolean> {
  const me = requireSignedIn(viewer);
  const ended = await getDb()
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, me.userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of the viewer, this one included. Returns how many ended. */
export async function endAllSessions(viewer: Viewer | null): Promise<number> {
  const me = requireSignedIn(viewer);
  const ended = await getDb()
    .delete(sessions)
    .where(eq(sessions.userId, me.userId))
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * Bans (or unbans) a member: every session ends at once and sign-in is refused from then on.
 * Admins only; audit-logged.
 */
export async function setBanned(
  viewer: Viewer | null,
  userId: string,
  banned: boolean,
): Promise<void> {
  const admin = requireRole(viewer, 'admin');
  if (admin.userId === userId) throw new AppError('forbidden', 'You cannot ban yourself.');
  await getDb().transaction(async (executor) => {
    const changed = await executor
      .update(users)
      .set({ bannedAt: banned ? sql`now()` : null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (changed.length === 0) throw new AppError('not_found', 'There is no such member.');
    if (banned) await executor.delete(sessions).where(eq(sessions.userId, userId));
    await executor.insert(auditLog).values({
      actorId: admin.userId,
      action: banned ? 'user.banned' : 'user.unbanned',
      subjectUserId: userId,
    });
  });
}

/**
 * Gives the account with this email a role, creating the account when there is none yet (so
 * the first admin can then sign in by email). For the command line: the operator is the actor.
 */
export async function assignRoleByEmail(
  rawEmail: string,
  role: UserRole,
): Promise<{ userId: string; email: string; created: boolean; previousRole: UserRole | null }> {
  const email = normalizeEmail(rawEmail);
  return getDb().transaction(async (executor) => {
    const [existing] = await executor
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    let userId: string;
    if (existing) {
      await executor.update(users).set({ role }).where(eq(users.id, existing.id));
      userId = existing.id;
    } else {
      const [created] = await executor
        .insert(users)
        .values({ email, role, displayName: suggestDisplayName() })
        .returning({ id: users.id });
      if (!created) throw new Error('user not created');
      userId = created.id;
    }
    await executor.insert(auditLog).values({
      actorId: null,
      action: 'user.role_set',
      subjectUserId: userId,
      detail: { role, previousRole: existing?.role ?? null, via: 'command line' },
    });
    return { userId, email, created: !existing, previousRole: existing?.role ?? null };
  });
}
