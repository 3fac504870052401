import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { reviews, therapists, users, type UserRole } from '@/db/schema';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';

/** What the account page shows about the signed-in member: never a token. */
export interface AccountOverview {
  displayName: string;
  email: string;
  role: UserRole;
  /** ISO timestamp of when the account was created. */
  memberSince: string;
  hasPasskey: boolean;
  reviews: {
    total: number;
    published: number;
    pending: number;
    notRecommended: number;
    removed: number;
  };
  /** Listings this account has claimed (released when the account is deleted). */
  claimedListings: number;
}

export async function getAccountOverview(viewer: Viewer | null): Promise<AccountOverview> {
  const me = requireSignedIn(viewer);
  const db = getDb();
  const [user] = await db
    .select({
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, me.userId))
    .limit(1);
  if (!user) throw new AppError('unauthorized', 'Sign in to continue.');

  const [counts] = await db
    .select({
      total: count(),
      published: sql<number>`count(*) filter (where ${reviews.status} = 'published')::int`,
      pending: sql<number>`count(*) filter (where ${reviews.status} = 'pending')::int`,
      notRecommended: sql<number>`count(*) filter (where ${reviews.status} = 'not_recommended')::int`,
      removed: sql<number>`count(*) filter (where ${reviews.status} = 'removed')::int`,
    })
    .from(reviews)
    .where(eq(reviews.authorId, me.userId));
  const [claimed] = await db
    .select({ total: count() })
    .from(therapists)
    .where(eq(therapists.claimedByUserId, me.userId));

  return {
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    memberSince: user.createdAt.toISOString(),
    hasPasskey: me.hasPasskey,
    reviews: {
      total: counts?.total ?? 0,
      published: Number(counts?.published ?? 0),
      pending: Number(counts?.pending ?? 0),
      notRecommended: Number(counts?.notRecommended ?? 0),
      removed: Number(counts?.removed ?? 0),
    },
    claimedListings: claimed?.total ?? 0,
  };
}
