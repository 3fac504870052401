/**
 * `npm run search:reindex`: rebuilds every search index from Postgres into a fresh index and
 * swaps it in at once, with a progress bar.
 */
import { getDatabase } from '@/db';
import { errorMessage } from '@/lib/log';
import { rebuildSearchIndexWithProgress } from './rebuild';

const database = getDatabase();
try {
  await database.migrate();
  console.log(`Rebuilding the search index from the ${database.description} ...`);
  await rebuildSearchIndexWithProgress();
} catch (error) {
  console.error(`Reindexing failed: ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
