import { runDueJobs } from '@/lib/jobs/worker';

/**
 * Runs every due job (at `now` when given), round after round as workers would, until none is
 * left; returns how many were done. Jobs that keep coming fail the test.
 */
export async function runAllDueJobs(now?: Date): Promise<number> {
  let done = 0;
  for (let round = 0; round < 20; round++) {
    const result = await runDueJobs({ limit: 50, ...(now ? { now } : {}) });
    done += result.done;
    if (result.claimed === 0) return done;
  }
  throw new Error('jobs kept coming');
}
