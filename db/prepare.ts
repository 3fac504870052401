/**
 * Runs before `next dev`: migrates the configured database and, when it has no therapists yet,
 * seeds the development data set. Closes the database before returning, since the embedded one
 * accepts a single process and the dev server opens it next.
 */
import { rebuildSearchIndexWithProgress, searchIndexIsEmpty } from '@/lib/search/cli/rebuild';
import { openDatabaseForSeeding, seedWithProgress } from './seed/progress';
import { countExistingData, DEVELOPMENT_SIZE } from './seed/run';

async function prepare(): Promise<void> {
  const handle = openDatabaseForSeeding();
  try {
    await handle.migrate();
    const existing = await countExistingData(handle.db);
    if (existing.therapists > 0) {
      console.log(
        `Reusing the data in the ${handle.description}: ${existing.therapists.toLocaleString('en-US')} therapists, ` +
          `${existing.reviews.toLocaleString('en-US')} reviews. (npm run db:seed -- --reset starts afresh.)`,
      );
      if (await searchIndexIsEmpty()) {
        console.log('The search index is empty: building it ...');
        await rebuildSearchIndexWithProgress();
      }
      return;
    }
    console.log(
      `The ${handle.description} is empty: seeding ${DEVELOPMENT_SIZE.therapists.toLocaleString('en-US')} therapists ` +
        `and ${DEVELOPMENT_SIZE.reviews.toLocaleString('en-US')} reviews of demo data ...`,
    );
    await seedWithProgress(handle.db, DEVELOPMENT_SIZE);
  } finally {
    await handle.close();
  }
}

try {
  await prepare();
} catch (error) {
  console.error(
    `Preparing the database failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
