/**
 * Seeding with a progress bar in the terminal, shared by `npm run db:seed` and `npm run dev`.
 */
import { rebuildSearchIndexWithProgress } from '@/lib/search/cli/rebuild';
import { createProgressBar } from '../progress-bar';
import {
  openDatabase,
  optionsFromEnv,
  setDatabase,
  type Database,
  type DatabaseHandle,
} from '../index';
import { seedDatabase, type SeedOptions, type SeedPhase, type SeedResult } from './run';

const PHASE_LABELS: Readonly<Record<SeedPhase, string>> = {
  taxonomy: 'taxonomy',
  therapists: 'therapists',
  users: 'reviewers',
  reviews: 'reviews',
  stats: 'aggregates',
};
const LABEL_WIDTH = Math.max(...Object.values(PHASE_LABELS).map((label) => label.length));

const numbers = new Intl.NumberFormat('en-US');

export function formatSeedSummary(result: SeedResult): string {
  const c = result.counts;
  const seconds = result.ms / 1000;
  return [
    `Seeded ${numbers.format(result.rows)} rows in ${seconds.toFixed(1)} s (${numbers.format(Math.round(result.rowsPerSecond))} rows/s):`,
    `  ${numbers.format(c.therapists)} therapists, ${numbers.format(c.locations)} locations, ` +
      `${numbers.format(c.therapistModalities + c.therapistConditions)} taxonomy links,`,
    `  ${numbers.format(c.users)} reviewers, ${numbers.format(c.reviews)} reviews, ${numbers.format(c.followUps)} follow-ups.`,
  ].join('\n');
}

/**
 * The configured database, opened for a bulk load: its changes write no search outbox rows,
 * since the search index is rebuilt afterwards in one go.
 */
export function openDatabaseForSeeding(): DatabaseHandle {
  const handle = openDatabase({ ...optionsFromEnv(), skipSearchOutbox: true });
  setDatabase(handle);
  return handle;
}

/**
 * Seeds `db` while a progress bar shows the phase and how far it got, then rebuilds the search
 * index from what was seeded (the seed writes no search outbox rows: open `db` with
 * `skipSearchOutbox`). Prints a summary of both.
 */
export async function seedWithProgress(
  db: Database,
  options: Omit<SeedOptions, 'onProgress'>,
): Promise<SeedResult> {
  const bar = createProgressBar(LABEL_WIDTH);
  try {
    const result = await seedDatabase(db, {
      ...options,
      onProgress: (done, total, phase) => bar.update(done, total, PHASE_LABELS[phase]),
    });
    bar.stop();
    console.log(formatSeedSummary(result));
    await rebuildSearchIndexWithProgress();
    return result;
  } finally {
    bar.stop();
  }
}
