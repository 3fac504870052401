import 'server-only';
import type { Executor } from '@/db';
import { FOLLOW_UP_WEEKS } from '@/db/aggregates';
import { enqueueJobs } from '@/lib/jobs/queue';

export const FOLLOW_UP_JOB = 'review-follow-up';

const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * How long a follow-up "week" lasts, in seconds: a real week, unless FOLLOW_UP_WEEK_SECONDS
 * shortens it (for the browser test and demonstrations only: with 1, the "2 weeks" email goes
 * out about 2 seconds after the review).
 */
export function followUpWeekSeconds(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const configured = Number(env.FOLLOW_UP_WEEK_SECONDS ?? WEEK_SECONDS);
  return Number.isInteger(configured) && configured >= 1 ? configured : WEEK_SECONDS;
}

/**
 * Schedules the "Still better?" emails about 2, 6 and 12 weeks after a review, in the review's
 * own transaction. Idempotent: a review has at most one job per follow-up.
 */
export async function scheduleFollowUps(
  executor: Executor,
  reviewId: number,
  reviewedAt: Date,
): Promise<void> {
  const weekMs = followUpWeekSeconds() * 1000;
  await enqueueJobs(
    executor,
    FOLLOW_UP_WEEKS.map((weeks) => ({
      kind: FOLLOW_UP_JOB,
      payload: { reviewId, weeks },
      dedupeKey: `${FOLLOW_UP_JOB}:${reviewId}:${weeks}`,
      runAt: new Date(reviewedAt.getTime() + weeks * weekMs),
    })),
  );
}
