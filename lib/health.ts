import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { errorMessage, log } from '@/lib/log';
import { searchHealth, type SearchHealth } from '@/lib/search';

export type Health =
  | { status: 'ok'; database: { ok: true }; search: SearchHealth }
  | { status: 'unavailable'; database: { ok: false; detail: string } };

/** Liveness of the database and search: which engine serves, fallbacks so far, outbox backlog. */
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
  return { status: 'ok', database: { ok: true }, search };
}
