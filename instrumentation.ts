/**
 * Runs once per server process. With the embedded database (one process per data directory),
 * or when SEARCH_WORKER=inline, the search outbox is drained inside the app process; otherwise
 * `npm run search:worker` does it as a process of its own.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const configured = process.env.SEARCH_WORKER?.trim();
  const inline = configured ? configured === 'inline' : !process.env.DATABASE_URL;
  if (!inline) return;
  const { startInlineWorker } = await import('./lib/search/inline-worker');
  startInlineWorker();
}
