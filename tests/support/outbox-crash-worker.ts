/**
 * A worker that dies mid-sync: it claims outbox rows, starts applying them to an engine that
 * never answers, and says so on stdout; the test then kills it with SIGKILL.
 */
import { getDatabase } from '@/db';
import { drainOutbox } from '@/lib/search/indexer';
import type { SearchEngine } from '@/lib/search/types';

const hanging: SearchEngine = {
  name: 'meilisearch',
  search: () => new Promise(() => {}),
  upsert: () => {
    process.stdout.write('APPLYING\n');
    return new Promise(() => {});
  },
  remove: () => new Promise(() => {}),
  reindex: () => new Promise(() => {}),
  health: () => Promise.resolve({ ok: true, detail: 'hanging', documents: null }),
};

await drainOutbox({ db: getDatabase().db, engines: [hanging], leaseSeconds: 1 });
