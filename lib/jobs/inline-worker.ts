import { log } from '@/lib/log';
import { runJobsWorker } from './worker';

const holder = globalThis as typeof globalThis & { __unknotInlineJobsWorker?: AbortController };

/** Starts running due jobs in this process (once, however often it is called). */
export function startInlineJobsWorker(): void {
  if (holder.__unknotInlineJobsWorker) return;
  const controller = new AbortController();
  holder.__unknotInlineJobsWorker = controller;
  log.info('jobs worker running in the app process');
  void runJobsWorker({ signal: controller.signal });
  const stop = () => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
