/**
 * `npm run jobs:retry -- <id> [<id> ...]` or `npm run jobs:retry -- --all`: puts failed jobs
 * back in the queue (after the cause, such as the mail server, is fixed).
 */
import { getDatabase } from '@/db';
import { requeueFailedJobs } from '../queue';

const USAGE = 'Usage: npm run jobs:retry -- <job id> [<job id> ...] | --all';

async function main() {
  const args = process.argv.slice(2);
  const all = args.length === 1 && args[0] === '--all';
  const ids = all ? undefined : args.map(Number);
  if (args.length === 0 || (ids && !ids.every((id) => Number.isInteger(id) && id > 0))) {
    console.error(USAGE);
    process.exit(2);
  }
  const database = getDatabase();
  try {
    await database.migrate();
    const requeued = await requeueFailedJobs(database.db, ids);
    console.log(
      requeued.length === 0
        ? 'No failed job to requeue.'
        : `Requeued ${requeued.length} failed job(s): ${requeued.join(', ')}.`,
    );
  } finally {
    await database.close();
  }
}

await main();
