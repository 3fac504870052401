import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from '@/db';

export interface JobStats {
  /** Jobs whose time has come and that no worker holds yet. */
  due: number;
  /** Jobs a worker holds right now. */
  running: number;
  /** Jobs set aside after their last try (they stay in the table until someone looks). */
  failed: number;
  /** How long the oldest due job has waited, in seconds (null when none is due). */
  oldestDueSeconds: number | null;
}

/** The backlog of the jobs table, for the health check. */
export async function jobStats(executor: Executor = getDb()): Promise<JobStats> {
  const [row] = await selectRows<{
    due: number;
    running: number;
    failed: number;
    oldest: number | null;
  }>(
    executor,
    sql`select
      (select count(*) from jobs where done_at is null and failed_at is null and run_at <= now()
        and (locked_until is null or locked_until <= now()))::int as due,
      (select count(*) from jobs where done_at is null and failed_at is null
        and locked_until > now())::int as running,
      (select count(*) from jobs where failed_at is not null)::int as failed,
      (select extract(epoch from now() - min(run_at)) from jobs
        where done_at is null and failed_at is null and run_at <= now()
          and (locked_until is null or locked_until <= now()))::float8 as oldest`,
  );
  return {
    due: row?.due ?? 0,
    running: row?.running ?? 0,
    failed: row?.failed ?? 0,
    oldestDueSeconds:
      row?.oldest === null || row?.oldest === undefined ? null : Math.round(Number(row.oldest)),
  };
}
