/**
 * Runs once per server process. Unless SEARCH_WORKER=external (when `npm run search:worker`
 * processes do it), the search outbox is drained inside the app process; unless
 * JOBS_WORKER=external (when `npm run jobs:worker` processes do it), due jobs (follow-up emails)
 * run inside the app process too. Several app processes may do either side by side.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.SEARCH_WORKER?.trim() !== 'external') {
    const { startInlineWorker } = await import('./lib/search/inline-worker');
    startInlineWorker();
  }
  if (process.env.JOBS_WORKER?.trim() !== 'external') {
    const { startInlineJobsWorker } = await import('./lib/jobs/inline-worker');
    startInlineJobsWorker();
  }
}
