/**
 * npm run db:seed -- [--therapists N] [--reviews N] [--seed N] [--reset]
 *
 * Migrates the configured database (DATABASE_URL, or the embedded one) and fills it with the
 * deterministic demo data set. Refuses when the database already holds data, unless --reset.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_SEED_THERAPISTS } from './generate';
import { openDatabaseForSeeding, seedWithProgress } from './progress';
import { countExistingData, DEVELOPMENT_SIZE, resetDatabase } from './run';

const USAGE = `Usage: npm run db:seed -- [options]

  --therapists N   therapists to create (default ${DEVELOPMENT_SIZE.therapists}, at most 1,000,000)
  --reviews N      reviews to create (default ${DEVELOPMENT_SIZE.reviews}, at most 20,000,000)
  --seed N         random seed, a whole number (same seed, same data)
  --reset          empty every app table first (truncate ... restart identity cascade)
  --help           show this help`;

const MAX_THERAPISTS = Math.min(1_000_000, MAX_SEED_THERAPISTS);
const MAX_REVIEWS = 20_000_000;

function wholeNumber(flag: string, max: number) {
  return z
    .string()
    .regex(/^\d[\d_]*$/, { error: `${flag} must be a whole number, like ${flag} 1000` })
    .transform((text) => Number(text.replace(/_/g, '')))
    .pipe(z.number().max(max, { error: `${flag} must be at most ${max.toLocaleString('en-US')}` }));
}

const argumentsSchema = z.object({
  therapists: wholeNumber('--therapists', MAX_THERAPISTS).default(DEVELOPMENT_SIZE.therapists),
  reviews: wholeNumber('--reviews', MAX_REVIEWS).default(DEVELOPMENT_SIZE.reviews),
  seed: wholeNumber('--seed', 0xffff_ffff).optional(),
  reset: z.boolean().default(false),
});

type Arguments = z.output<typeof argumentsSchema>;

function readArguments(argv: string[]): Arguments | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        therapists: { type: 'string' },
        reviews: { type: 'string' },
        seed: { type: 'string' },
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return null;
  }
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const parsed = argumentsSchema.safeParse(values);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  if (parsed.success && parsed.data.reviews > 0 && parsed.data.therapists === 0) {
    problems.push('--reviews needs at least one therapist (with --therapists 0, use --reviews 0)');
  }
  if (!parsed.success || problems.length > 0) {
    for (const problem of problems) console.error(`Invalid argument: ${problem}`);
    console.error(`\n${USAGE}`);
    process.exitCode = 2;
    return null;
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  if (!args) return;
  const handle = openDatabaseForSeeding();
  try {
    console.log(`Migrating the ${handle.description} ...`);
    await handle.migrate();
    const existing = await countExistingData(handle.db);
    const hasData = existing.users + existing.therapists + existing.reviews > 0;
    if (hasData && !args.reset) {
      console.error(
        `Refusing to seed: the ${handle.description} already holds ${existing.therapists} therapists, ` +
          `${existing.users} users and ${existing.reviews} reviews.\n` +
          'Run again with --reset to empty every app table first (this deletes all of that data).',
      );
      process.exitCode = 1;
      return;
    }
    if (args.reset) {
      const tables = await resetDatabase(handle.db);
      console.log(`Reset: emptied ${tables.length} tables.`);
    }
    console.log(
      `Seeding ${args.therapists.toLocaleString('en-US')} therapists and ${args.reviews.toLocaleString('en-US')} reviews` +
        `${args.seed === undefined ? '' : ` (seed ${args.seed})`} ...`,
    );
    await seedWithProgress(handle.db, {
      therapists: args.therapists,
      reviews: args.reviews,
      seed: args.seed,
    });
  } finally {
    await handle.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
