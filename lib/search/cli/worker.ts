/**
 * `npm run search:worker`: drains the search outbox until stopped (SIGINT/SIGTERM). Several may
 * run side by side against the same Postgres.
 */
import { getDatabase } from '@/db';
import { log } from '@/lib/log';
import { runOutboxWorker } from '../indexer';

const database = getDatabase();
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
log.info('search outbox worker started', { database: database.description, pid: process.pid });
await runOutboxWorker({ signal: controller.signal });
await database.close();
log.info('search outbox worker stopped', { pid: process.pid });
