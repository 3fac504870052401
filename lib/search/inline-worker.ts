import { log } from '@/lib/log';
import { runOutboxWorker } from './indexer';

const holder = globalThis as typeof globalThis & { __unknotInlineWorker?: AbortController };

/** Starts draining the search outbox in this process (once, however often it is called). */
export function startInlineWorker(): void {
  if (holder.__unknotInlineWorker) return;
  const controller = new AbortController();
  holder.__unknotInlineWorker = controller;
  log.info('search outbox worker running in the app process');
  void runOutboxWorker({ signal: controller.signal });
  const stop = () => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
