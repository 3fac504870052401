/**
 * Runs once per server process. Unless SEARCH_WORKER=external (when `npm run search:worker`
 * processes do it), the search outbox is drained inside the app process; several app processes
 * may do so side by side.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.SEARCH_WORKER?.trim() === 'external') return;
  const { startInlineWorker } = await import('./lib/search/inline-worker');
  startInlineWorker();
}
