import 'server-only';
import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { jobs } from '@/db/schema';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** One job per key: enqueuing the same key again does nothing. */
  dedupeKey?: string;
  runAt?: Date;
}

/**
 * Adds jobs in the caller's transaction, so they exist exactly when the change that asked for
 * them was committed. Returns how many were new.
 */
export async function enqueueJobs(executor: Executor, list: NewJob[]): Promise<number> {
  if (list.length === 0) return 0;
  const inserted = await executor
    .insert(jobs)
    .values(
      list.map((job) => ({
        kind: job.kind,
        payload: job.payload ?? {},
        dedupeKey: job.dedupeKey ?? null,
        runAt: job.runAt ?? new Date(),
      })),
    )
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return inserted.length;
}

/**
 * Puts failed jobs back in the queue to run now, with their attempts counted afresh (the last
 * error stays until the next try). `ids` limits it to those jobs; without them, every failed
 * job. Returns the ids requeued.
 */
export async function requeueFailedJobs(
  executor: Executor,
  ids?: readonly number[],
): Promise<number[]> {
  if (ids && ids.length === 0) return [];
  const requeued = await executor
    .update(jobs)
    .set({ failedAt: null, attempts: 0, runAt: sql`now()`, lockedUntil: null })
    .where(and(isNotNull(jobs.failedAt), ids ? inArray(jobs.id, [...ids]) : undefined))
    .returning({ id: jobs.id });
  return requeued.map((row) => row.id).sort((a, b) => a - b);
}
