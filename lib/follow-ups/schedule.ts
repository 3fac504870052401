import 'server-only';
import type { Executor } from '@/db';
import { FOLLOW_UP_WEEKS } from '@/db/aggregates';
import { enqueueJobs } from '@/lib/jobs/queue';

export const FOLLOW_UP_JOB = 'review-follow-up';

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * Schedules the "Still better?" emails about 2, 6 and 12 weeks after a review, in the review's
 * own transaction. Idempotent: a review has at most one job per follow-up.
 */
export async function scheduleFollowUps(
  executor: Executor,
  reviewId: number,
  reviewedAt: Date,
): Promise<void> {
  await enqueueJobs(
    executor,
    FOLLOW_UP_WEEKS.map((weeks) => ({
      kind: FOLLOW_UP_JOB,
      payload: { reviewId, weeks },
      dedupeKey: `${FOLLOW_UP_JOB}:${reviewId}:${weeks}`,
      runAt: new Date(reviewedAt.getTime() + weeks * WEEK_MS),
    })),
  );
}
