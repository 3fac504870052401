import { rebuildSearchIndexWithProgress, searchIndexIsEmpty } from '@/lib/search/cli/rebuild';
import { getDatabase } from './index';

const handle = getDatabase();
try {
  console.log(`Migrating the ${handle.description} ...`);
  await handle.migrate();
  console.log('Migrations applied.');
  // Some migrations change the search index's shape and empty it: rebuild it from the data.
  if (await searchIndexIsEmpty()) {
    console.log('The search index is empty: building it ...');
    await rebuildSearchIndexWithProgress();
  }
} catch (error) {
  console.error(`Migrating failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
