import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { getDb, selectRows, type Database, type Executor } from '@/db';
import { searchOutbox } from '@/db/schema';
import { errorMessage, log } from '@/lib/log';
import { allSearchDocuments, countSearchableTherapists, loadSearchDocuments } from './documents';
import { searchEngines } from './index';
import { createPostgresEngine } from './postgres-engine';
import type { SearchEngine } from './types';
import { sleep } from '@/lib/sleep';

/** Attempts before an outbox row is set aside as failed (it stays visible). */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_SECONDS = 2;
const MAX_BACKOFF_SECONDS = 600;
/** How long a claimed row stays with its worker before another may take it. */
const DEFAULT_LEASE_SECONDS = 120;
/** Processed rows are kept this long for inspection, then deleted. */
const KEEP_PROCESSED_DAYS = 7;

export interface DrainResult {
  claimed: number;
  applied: number;
  retried: number;
  failed: number;
}

/** Seconds to wait before the next try after `attempts` failed ones (exponential, capped). */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** Engines other than the Postgres one that must receive every change (Meilisearch, when configured). */
function externalEngines(): SearchEngine[] {
  const { primary } = searchEngines();
  return primary.name === 'postgres' ? [] : [primary];
}

/**
 * Claims a batch of ready outbox rows with a lease (rows other workers hold are skipped), rebuilds
 * the affected documents from current rows, applies them to every engine, and only then marks
 * the rows done. No transaction stays open while an engine works: a worker that dies leaves its
 * rows to be claimed again once the lease runs out. On failure the rows are retried with backoff.
 */
export async function drainOutbox(
  options: {
    batchSize?: number;
    db?: Database;
    engines?: SearchEngine[];
    leaseSeconds?: number;
  } = {},
): Promise<DrainResult> {
  const db = options.db ?? getDb();
  const external = options.engines ?? externalEngines();
  const batchSize = options.batchSize ?? 200;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const rows = await selectRows<{ id: number; therapist_id: number; claimed_at: string }>(
    db,
    sql`with ready as (
          select id from search_outbox
          where processed_at is null and failed_at is null and available_at <= now()
          order by id limit ${batchSize}::int
          for update skip locked
        )
        update search_outbox o set available_at = now() + make_interval(secs => ${leaseSeconds}::float8)
        from ready where o.id = ready.id
        returning o.id, o.therapist_id, now()::text as claimed_at`,
  );
  if (rows.length === 0) return { claimed: 0, applied: 0, retried: 0, failed: 0 };
  const ids = rows.map((r) => r.id);
  const therapistIds = [...new Set(rows.map((r) => r.therapist_id))];

  try {
    const { documents, absent } = await loadSearchDocuments(db, therapistIds);
    const postgres = createPostgresEngine(() => db);
    await postgres.upsert(documents);
    await postgres.remove(absent);
    for (const engine of external) {
      await engine.upsert(documents);
      await engine.remove(absent);
    }
    await db
      .update(searchOutbox)
      .set({ processedAt: sql`now()`, lastError: null })
      .where(inArray(searchOutbox.id, ids));
    await requeueOvertaken(db, therapistIds, ids, rows[0]!.claimed_at);
    return { claimed: rows.length, applied: rows.length, retried: 0, failed: 0 };
  } catch (error) {
    const message = errorMessage(error).slice(0, 1000);
    log.warn('search outbox batch failed; will retry', { rows: rows.length, error: message });
    const failing = await db
      .update(searchOutbox)
      .set({
        attempts: sql`${searchOutbox.attempts} + 1`,
        lastError: message,
        availableAt: sql`now() + make_interval(secs => least(${MAX_BACKOFF_SECONDS}::float8,
          ${BASE_BACKOFF_SECONDS}::float8 * power(2, ${searchOutbox.attempts})))`,
        failedAt: sql`case when ${searchOutbox.attempts} + 1 >= ${MAX_ATTEMPTS}::int then now() end`,
      })
      .where(inArray(searchOutbox.id, ids))
      .returning({ failedAt: searchOutbox.failedAt });
    const failed = failing.filter((r) => r.failedAt !== null).length;
    return { claimed: rows.length, applied: 0, retried: rows.length - failed, failed };
  }
}

/**
 * Another worker may have applied a newer change of the same therapist while this one worked,
 * and this one's older document may have landed last. When that can have happened, the
 * therapist is queued once more, so the last write is rebuilt from current rows.
 */
async function requeueOvertaken(
  db: Database,
  therapistIds: readonly number[],
  ownIds: readonly number[],
  claimedAt: string,
): Promise<void> {
  await db.execute(sql`
    insert into search_outbox (therapist_id, reason)
    select distinct o.therapist_id, 'applied out of order'
    from search_outbox o
    where o.therapist_id in (${sql.join(
      therapistIds.map((id) => sql`${id}::int`),
      sql`, `,
    )})
      and o.created_at > ${claimedAt}::timestamptz
      and o.id not in (${sql.join(
        ownIds.map((id) => sql`${id}::bigint`),
        sql`, `,
      )})
      and (o.processed_at is not null or o.available_at > now())`);
}

/** Drains until nothing is ready. */
export async function drainAll(
  options: Parameters<typeof drainOutbox>[0] = {},
): Promise<DrainResult> {
  const total: DrainResult = { claimed: 0, applied: 0, retried: 0, failed: 0 };
  for (;;) {
    const r = await drainOutbox(options);
    total.claimed += r.claimed;
    total.applied += r.applied;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.claimed === 0 || r.applied === 0) return total;
  }
}

export async function deleteProcessedOutboxRows(executor: Executor = getDb()): Promise<void> {
  await executor.execute(
    sql`delete from search_outbox where processed_at < now() - make_interval(days => ${KEEP_PROCESSED_DAYS}::int)`,
  );
}

/**
 * Keeps draining until `signal` aborts: the worker loop, in the app process in development and
 * as `npm run search:worker` in production (several may run at once).
 */
export async function runOutboxWorker(options: {
  signal: AbortSignal;
  idleMs?: number;
  batchSize?: number;
}) {
  const idleMs = options.idleMs ?? 1000;
  let lastCleanup = 0;
  while (!options.signal.aborted) {
    let worked = false;
    try {
      const r = await drainOutbox({ batchSize: options.batchSize });
      worked = r.applied > 0;
      if (r.claimed > 0) log.info('search outbox drained', { ...r });
      if (Date.now() - lastCleanup > 3_600_000) {
        await deleteProcessedOutboxRows();
        lastCleanup = Date.now();
      }
    } catch (error) {
      log.error('search outbox worker error', { error: errorMessage(error) });
    }
    if (!worked) await sleep(idleMs, options.signal);
  }
}

/**
 * Rebuilds every engine's index from Postgres into a fresh index and swaps it in. Changes that
 * workers apply to the old index while a fresh one is being built would be lost at the swap, so
 * the outbox rows processed meanwhile are put back to be applied again (applying a document
 * twice is harmless).
 */
export async function reindexAll(
  onProgress?: (engine: string, indexed: number, total: number) => void,
): Promise<{ engine: string; documents: number; ms: number }[]> {
  const db = getDb();
  const total = await countSearchableTherapists(db);
  const engines = [createPostgresEngine(), ...externalEngines()];
  const report: { engine: string; documents: number; ms: number }[] = [];
  for (const engine of engines) {
    const [start] = await selectRows<{ at: string }>(db, sql`select now()::text as at`);
    const started = performance.now();
    let documents = 0;
    await engine.reindex(
      (executor) => allSearchDocuments(executor),
      (indexed) => {
        documents = indexed;
        onProgress?.(engine.name, indexed, total);
      },
    );
    await db.execute(
      sql`update search_outbox set processed_at = null, available_at = now()
          where processed_at >= ${start!.at}::timestamptz`,
    );
    report.push({ engine: engine.name, documents, ms: Math.round(performance.now() - started) });
  }
  return report;
}
