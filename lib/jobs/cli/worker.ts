/**
 * `npm run jobs:worker`: runs due jobs (follow-up emails and the like) until stopped
 * (SIGINT/SIGTERM). Several may run side by side against the same Postgres.
 */
import { getDatabase } from '@/db';
import { log } from '@/lib/log';
import { runJobsWorker } from '../worker';

const database = getDatabase();
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
log.info('jobs worker started', { database: database.description, pid: process.pid });
await runJobsWorker({ signal: controller.signal });
await database.close();
log.info('jobs worker stopped', { pid: process.pid });
