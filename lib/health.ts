import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { errorMessage } from '@/lib/log';
import { searchHealth, type SearchHealth } from '@/lib/search';

export type Health =
  | { status: 'ok'; database: { ok: true }; search: SearchHealth }
  | { status: 'unavailable'; database: { ok: false; detail: string } };

/** Liveness of the database and search: which engine serves, fallbacks so far, outbox backlog. */
export async function checkHealth(): Promise<Health> {
  try {
    await getDb().execute(sql`select 1`);
  } catch (error) {
    return { status: 'unavailable', database: { ok: false, detail: errorMessage(error) } };
  }
  return { status: 'ok', database: { ok: true }, search: await searchHealth() };
}
