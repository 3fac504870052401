import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { reviewVotes, reviews, therapists } from '@/db/schema';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';

/** A review's helpful votes after a vote, as the voter sees them. */
export interface HelpfulVoteResult {
  reviewId: number;
  /** The voter now counts this review helpful. */
  voted: boolean;
  /** Helpful votes on the review. */
  count: number;
  /** The profile the review is on, to refresh it. */
  therapistSlug: string;
}

/** The review a vote is about, if a member may vote on it; throws otherwise. */
async function requireVotableReview(
  tx: Executor,
  viewer: Viewer,
  reviewId: number,
): Promise<{ therapistSlug: string }> {
  const [review] = await tx
    .select({
      status: reviews.status,
      authorId: reviews.authorId,
      therapistSlug: therapists.slug,
      therapistStatus: therapists.status,
      ownerId: therapists.claimedByUserId,
    })
    .from(reviews)
    .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
    .where(eq(reviews.id, reviewId))
    .limit(1);
  // Pending, not recommended and removed reviews are not for votes (and need not be revealed).
  if (!review || review.status !== 'published' || review.therapistStatus !== 'published') {
    throw new AppError('not_found', 'This review is not open for votes.');
  }
  if (review.authorId === viewer.userId) {
    throw new AppError('forbidden', 'You cannot vote on your own review.');
  }
  if (review.ownerId === viewer.userId) {
    throw new AppError('forbidden', 'You cannot vote on reviews of your own profile.');
  }
  return { therapistSlug: review.therapistSlug };
}

async function votesOn(tx: Executor, viewer: Viewer, reviewId: number) {
  const [row] = await tx
    .select({
      count: count(),
      voted: sql<boolean>`coalesce(bool_or(${reviewVotes.userId} = ${viewer.userId}), false)`,
    })
    .from(reviewVotes)
    .where(eq(reviewVotes.reviewId, reviewId));
  return { count: Number(row?.count ?? 0), voted: Boolean(row?.voted) };
}

/**
 * Records whether the viewer finds a review helpful: one vote per member and review, never on
 * their own review (nor, for an owner, on reviews of their profile), only on published reviews.
 * Saying the same twice changes nothing, so a resent form is harmless.
 */
export async function setHelpfulVote(
  viewer: Viewer | null,
  reviewId: number,
  helpful: boolean,
): Promise<HelpfulVoteResult> {
  const member = requireSignedIn(viewer);
  return getDb().transaction(async (tx) => {
    const { therapistSlug } = await requireVotableReview(tx, member, reviewId);
    if (helpful) {
      await tx
        .insert(reviewVotes)
        .values({ reviewId, userId: member.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(reviewVotes)
        .where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, member.userId)));
    }
    return { reviewId, therapistSlug, ...(await votesOn(tx, member, reviewId)) };
  });
}

/** Turns the viewer's helpful vote on a review on or off; returns the new state and count. */
export async function toggleHelpfulVote(
  viewer: Viewer | null,
  reviewId: number,
): Promise<HelpfulVoteResult> {
  const member = requireSignedIn(viewer);
  return getDb().transaction(async (tx) => {
    const { therapistSlug } = await requireVotableReview(tx, member, reviewId);
    const removed = await tx
      .delete(reviewVotes)
      .where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, member.userId)))
      .returning({ reviewId: reviewVotes.reviewId });
    if (removed.length === 0) {
      await tx
        .insert(reviewVotes)
        .values({ reviewId, userId: member.userId })
        .onConflictDoNothing();
    }
    return { reviewId, therapistSlug, ...(await votesOn(tx, member, reviewId)) };
  });
}
