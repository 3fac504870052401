/**
 * Rebuilding the search index from the command line, with a progress bar and a summary; used by
 * `npm run search:reindex`, the seed and the development start.
 */
import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db';
import { createProgressBar } from '@/db/progress-bar';
import { reindexAll } from '../indexer';

/** True when therapists are published but the Postgres index holds none of them. */
export async function searchIndexIsEmpty(): Promise<boolean> {
  const [row] = await selectRows<{ empty: boolean }>(
    getDb(),
    sql`select (exists (select 1 from therapists where status = 'published')
                and not exists (select 1 from search_documents)) as empty`,
  );
  return row?.empty ?? false;
}

export async function rebuildSearchIndexWithProgress(): Promise<void> {
  const bar = createProgressBar();
  try {
    const report = await reindexAll((engine, indexed, total) =>
      bar.update(indexed, total, `index (${engine})`),
    );
    bar.stop();
    for (const r of report) {
      const seconds = r.ms / 1000;
      console.log(
        `Indexed ${r.documents.toLocaleString('en-US')} therapists for search (${r.engine}) in ${seconds.toFixed(1)} s ` +
          `(${Math.round(r.documents / Math.max(seconds, 0.001)).toLocaleString('en-US')}/s), swapped in at once.`,
      );
    }
  } finally {
    bar.stop();
  }
}
