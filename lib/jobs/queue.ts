import 'server-only';
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
