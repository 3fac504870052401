import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, selectRows, type Database } from '@/db';
import { errorMessage, log } from '@/lib/log';
import { JOB_HANDLERS, JOB_SWEEPS } from './handlers';
import { PermanentJobError, type ClaimedJob, type JobHandler } from './types';
import { sleep } from '@/lib/sleep';

export { PermanentJobError, type ClaimedJob, type JobHandler } from './types';

const BASE_BACKOFF_SECONDS = 30;
/** The longest wait between two tries of a job. */
export const MAX_JOB_BACKOFF_SECONDS = 6 * 3600;
/** How long a claimed job stays with its worker before another may take it. */
export const DEFAULT_JOB_LEASE_SECONDS = 300;
/** A handler running longer than this counts as failed (well inside the lease). */
export const DEFAULT_JOB_TIMEOUT_MS = 120_000;
const DEFAULT_LIMIT = 10;

export interface RunJobsResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

const registered = new Map<string, JobHandler>();

/**
 * Adds (or replaces) the handler for a kind of job in this process, next to the built-in ones
 * (lib/jobs/handlers.ts). Returns a function that removes it again.
 */
export function registerJobHandler(kind: string, handler: JobHandler): () => void {
  registered.set(kind, handler);
  return () => {
    if (registered.get(kind) === handler) registered.delete(kind);
  };
}

function handlerFor(kind: string): JobHandler | undefined {
  return registered.get(kind) ?? JOB_HANDLERS[kind];
}

/** Seconds to wait before the next try after `attempts` tries (30 s doubling, capped at 6 h). */
export function jobBackoffSeconds(attempts: number): number {
  return Math.min(MAX_JOB_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts));
}

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
const EMAIL_ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * What is kept of an error in `last_error`: its message only, without credentials in URLs or
 * email addresses (SMTP servers quote the recipient), at most 1000 characters.
 */
export function jobErrorMessage(error: unknown): string {
  const message = errorMessage(error)
    .replace(URL_CREDENTIALS, '$1***@')
    .replace(EMAIL_ADDRESS, '<email address>');
  return (message || 'The job failed without a message.').slice(0, 1000);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `The job took longer than ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}.`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface ClaimedRow extends Record<string, unknown> {
  id: number | string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  /** The lease this claim set: finishing the job only counts while it is still ours. */
  lease: string;
}

/**
 * Runs the jobs that are due: claims up to `limit` of them (`run_at` reached, neither done nor
 * failed, no live lease held by another worker) in one short statement with `FOR UPDATE SKIP
 * LOCKED`, setting a lease and counting the try; then runs each handler with no transaction
 * open, and marks the job done, or records the error and schedules the next try with backoff, or
 * sets it aside as failed after its last try (it stays in the table, visible). A worker that dies
 * leaves its jobs to whoever claims them after the lease runs out; a try cut short that way
 * counts too, so a job that kills its worker every time still ends up failed.
 *
 * `now` replaces the clock (tests); otherwise the database's clock decides.
 */
export async function runDueJobs(
  options: {
    limit?: number;
    now?: Date;
    leaseSeconds?: number;
    timeoutMs?: number;
    db?: Database;
  } = {},
): Promise<RunJobsResult> {
  const db = options.db ?? getDb();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_JOB_LEASE_SECONDS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const at: SQL = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const result: RunJobsResult = { claimed: 0, done: 0, retried: 0, failed: 0 };

  // Jobs whose last try was cut short by a dead worker: nothing is left to try.
  const abandoned = await selectRows<{ id: number | string }>(
    db,
    sql`update jobs set failed_at = ${at}, locked_until = null,
          last_error = 'The worker stopped during the last try (its lease ran out).'
        where done_at is null and failed_at is null and attempts >= max_attempts
          and locked_until is not null and locked_until <= ${at}
        returning id`,
  );
  if (abandoned.length > 0) {
    log.warn('jobs failed: worker stopped during their last try', { jobs: abandoned.length });
  }

  const rows = await selectRows<ClaimedRow>(
    db,
    sql`with due as (
          select id from jobs
          where done_at is null and failed_at is null and run_at <= ${at}
            and attempts < max_attempts
            and (locked_until is null or locked_until <= ${at})
          order by run_at, id
          limit ${limit}::int
          for update skip locked
        )
        update jobs j
        set locked_until = ${at} + make_interval(secs => ${leaseSeconds}::float8),
            attempts = j.attempts + 1
        from due where j.id = due.id
        returning j.id, j.kind, j.payload, j.attempts, j.max_attempts, j.locked_until::text as lease`,
  );
  result.claimed = rows.length;
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  const now = options.now ?? new Date();

  for (const row of rows) {
    const job: ClaimedJob = {
      id: Number(row.id),
      kind: row.kind,
      payload: parsePayload(row.payload),
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
      now,
    };
    const ours = sql`id = ${job.id} and locked_until = ${row.lease}::timestamptz`;
    try {
      const handler = handlerFor(job.kind);
      if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}".`);
      await withTimeout(handler(job), timeoutMs);
      const marked = await selectRows<{ id: number }>(
        db,
        sql`update jobs set done_at = ${at}, locked_until = null, last_error = null
            where ${ours} returning id`,
      );
      if (marked.length === 0) {
        log.warn('job finished after its lease ran out', { job: job.id, kind: job.kind });
      }
      result.done += 1;
    } catch (error) {
      const message = jobErrorMessage(error);
      const final = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      const backoff = jobBackoffSeconds(job.attempts);
      await db.execute(
        sql`update jobs set last_error = ${message}, locked_until = null,
              run_at = ${final ? sql`run_at` : sql`${at} + make_interval(secs => ${backoff}::float8)`},
              failed_at = ${final ? at : sql`null`}
            where ${ours}`,
      );
      const context = { job: job.id, kind: job.kind, attempts: job.attempts, error: message };
      if (final) {
        log.error('job failed for good', context);
        result.failed += 1;
      } else {
        log.warn('job failed; will retry', { ...context, retryInSeconds: backoff });
        result.retried += 1;
      }
    }
  }
  return result;
}

function parsePayload(value: unknown): Record<string, unknown> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** How often a worker runs the housekeeping sweeps. */
export const SWEEP_INTERVAL_MS = 3_600_000;

/** Runs every housekeeping sweep once; one failing does not stop the others. */
export async function runJobSweeps(
  options: { now?: Date; db?: Database } = {},
): Promise<Record<string, number>> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const counts: Record<string, number> = {};
  for (const [name, sweep] of Object.entries(JOB_SWEEPS)) {
    try {
      counts[name] = await sweep(db, now);
    } catch (error) {
      log.error('jobs sweep failed', { sweep: name, error: jobErrorMessage(error) });
    }
  }
  return counts;
}

/**
 * Keeps running due jobs until `signal` aborts: the worker loop, in the app process (unless
 * JOBS_WORKER=external) and as `npm run jobs:worker` (several may run at once).
 */
export async function runJobsWorker(options: {
  signal: AbortSignal;
  idleMs?: number;
  limit?: number;
}): Promise<void> {
  const idleMs = options.idleMs ?? 5000;
  let lastSweep = 0;
  while (!options.signal.aborted) {
    if (Date.now() - lastSweep >= SWEEP_INTERVAL_MS) {
      lastSweep = Date.now();
      await runJobSweeps();
    }
    let worked = false;
    try {
      const r = await runDueJobs({ limit: options.limit });
      worked = r.claimed > 0;
      if (r.claimed > 0) log.info('jobs run', { ...r });
    } catch (error) {
      log.error('jobs worker error', { error: jobErrorMessage(error) });
    }
    if (!worked) await sleep(idleMs, options.signal);
  }
}
