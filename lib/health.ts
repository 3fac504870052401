import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { jobStats, type JobStats } from '@/lib/jobs/stats';
import { errorMessage, log } from '@/lib/log';
import { pendingBacklog } from '@/lib/moderation/queue';
import { searchHealth, type SearchHealth } from '@/lib/search';

export type Health =
  | {
      status: 'ok';
      database: { ok: true };
      search: SearchHealth;
      jobs: JobStats;
      moderation: { pending: number; oldestPendingHours: number | null };
    }
  | { status: 'unavailable'; database: { ok: false; detail: string } };

/**
 * Liveness of the database and search: which engine serves, fallbacks so far, outbox backlog;
 * the jobs backlog (due, running, failed, how long the oldest due job has waited); and the reviews
 * waiting for a moderator (how many, how long the oldest has waited).
 */
export async function checkHealth(): Promise<Health> {
  try {
    await getDb().execute(sql`select 1`);
  } catch (error) {
    // The reason goes to the log, not to whoever asks.
    log.error('health check: database unavailable', { error: errorMessage(error) });
    return { status: 'unavailable', database: { ok: false, detail: 'unavailable' } };
  }
  const search = await searchHealth();
  for (const [name, engine] of Object.entries(search.engines)) {
    if (!engine.ok) {
      log.warn('health check: search engine unavailable', { engine: name, detail: engine.detail });
      search.engines[name] = { ...engine, detail: 'unavailable' };
    }
  }
  const jobs = await jobStats();
  const moderation = await pendingBacklog();
  return { status: 'ok', database: { ok: true }, search, jobs, moderation };
}
