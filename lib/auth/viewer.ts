import 'server-only';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb, type Executor } from '@/db';
import { passkeys, sessions, users, type UserRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { SECOND_FACTOR_HOURS, sessionCookieName } from './settings';

/** Who is asking: what guards and pages need, never the session token. */
export interface Viewer {
  userId: string;
  sessionId: string;
  role: UserRole;
  displayName: string;
  email: string;
  /** When a passkey last confirmed this session, if it did. */
  secondFactorAt: Date | null;
  hasPasskey: boolean;
}

const TOUCH_AFTER_MS = 5 * 60_000;

/** The viewer for a session token, or null when it is unknown, expired or its user is banned. */
export async function getViewerForSession(
  executor: Executor,
  sessionToken: string,
): Promise<Viewer | null> {
  const [row] = await executor
    .select({
      userId: users.id,
      sessionId: sessions.id,
      role: users.role,
      displayName: users.displayName,
      email: users.email,
      secondFactorAt: sessions.secondFactorAt,
      lastSeenAt: sessions.lastSeenAt,
      hasPasskey: sql<boolean>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.sessionToken, sessionToken),
        gt(sessions.expires, sql`now()`),
        isNull(users.bannedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await executor
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(
        and(
          eq(sessions.sessionToken, sessionToken),
          lt(sessions.lastSeenAt, sql`now() - interval '5 minutes'`),
        ),
      );
  }
  const { lastSeenAt: _seen, ...viewer } = row;
  return { ...viewer, hasPasskey: Boolean(viewer.hasPasskey) };
}

/** The session token from the request's cookies (only the name this deployment issues). */
export async function readSessionToken(): Promise<string | null> {
  return (await cookies()).get(sessionCookieName())?.value ?? null;
}

/** The signed-in viewer of this request, or null. Looked up once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await readSessionToken();
  return token ? getViewerForSession(getDb(), token) : null;
});

/** Throws `unauthorized` unless someone is signed in. */
export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthorized', 'Sign in to continue.');
  return viewer;
}

/** The signed-in viewer of this request; throws `unauthorized` otherwise. */
export async function requireUser(): Promise<Viewer> {
  return requireSignedIn(await getViewer());
}

/** Roles whose powers need a passkey confirmed in the session. */
const PRIVILEGED: ReadonlySet<UserRole> = new Set(['therapist', 'moderator', 'admin']);

export function roleNeedsPasskey(role: UserRole): boolean {
  return PRIVILEGED.has(role);
}

export function hasFreshSecondFactor(viewer: Viewer, now = Date.now()): boolean {
  return (
    viewer.secondFactorAt !== null &&
    now - viewer.secondFactorAt.getTime() < SECOND_FACTOR_HOURS * 3_600_000
  );
}

/**
 * Throws unless the viewer holds one of `roles` (an admin holds every role). Therapist,
 * moderator and admin powers also need a passkey: one registered, and confirmed in this
 * session within the last hours.
 */
export function requireRole(viewer: Viewer | null, ...roles: UserRole[]): Viewer {
  const signedIn = requireSignedIn(viewer);
  if (signedIn.role !== 'admin' && !roles.includes(signedIn.role)) {
    throw new AppError('forbidden', 'Your account cannot do this.');
  }
  if (roleNeedsPasskey(signedIn.role) && roles.some(roleNeedsPasskey)) {
    if (!signedIn.hasPasskey) {
      throw new AppError(
        'second_factor',
        'Add a passkey to your account before using these tools.',
      );
    }
    if (!hasFreshSecondFactor(signedIn)) {
      throw new AppError('second_factor', 'Confirm it is you with your passkey to continue.');
    }
  }
  return signedIn;
}
