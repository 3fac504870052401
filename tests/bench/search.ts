/**
 * `npm run bench:search`: a fixed mix of searches through the HTTP API of a production build, at
 * concurrency 1 and 16, beside the same SQL run directly on the database (the floor).
 *
 *   DATABASE_URL=postgres://…/unknot_bench npm run bench:search [-- --seconds 10 --port 3311]
 *
 * The database must hold the large seed (`npm run db:seed -- --therapists 100000 --reviews
 * 1000000`); the index is rebuilt first when it is behind. Needs `npm run build` beforehand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { getDatabase, getDb, openDatabase, selectRows, type Executor } from '@/db';
import { toEngineQuery } from '@/lib/search';
import { reindexAll } from '@/lib/search/indexer';
import { createPostgresEngine } from '@/lib/search/postgres-engine';
import { parseSearchQuery } from '@/lib/search/query';

interface Case {
  name: string;
  params: string;
  /** Bounded by a place: the p95 aim applies. */
  placeBounded: boolean;
}

const CASES: Case[] = [
  { name: 'text', params: 'q=shoulder+pain', placeBounded: false },
  { name: 'typo', params: 'q=deep+tisue', placeBounded: false },
  {
    name: 'specialty + place',
    params: 'modality=acupressure-firm&place=10001',
    placeBounded: true,
  },
  {
    name: 'condition + radius',
    params: 'condition=sciatica&place=Denver%2C+CO&radius=10',
    placeBounded: true,
  },
  { name: 'text + place', params: 'q=upper+back+pain+Denver', placeBounded: true },
  {
    name: 'facets (filters)',
    params: 'modality=deep-tissue&intent=therapeutic&minRating=4',
    placeBounded: false,
  },
  { name: 'sort by distance', params: 'place=Chicago&sort=distance&radius=25', placeBounded: true },
];

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Stats {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

/** Runs `task` from `concurrency` loops for `seconds`, timing each call. */
async function load(
  task: () => Promise<void>,
  concurrency: number,
  seconds: number,
): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await task();
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
  };
}

/** The SQL statements the Postgres engine runs for a query. */
async function captureStatements(params: string): Promise<SQL[]> {
  const parsed = parseSearchQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(`bad case ${params}`);
  const db = getDb();
  const captured: SQL[] = [];
  const recording = {
    execute: (query: SQL) => {
      captured.push(query);
      return db.execute(query);
    },
  } as unknown as Executor;
  await createPostgresEngine(() => recording).search(toEngineQuery(parsed.query));
  return captured;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not start within 60 s');
}

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the Postgres database holding the large seed.');
  if (!existsSync('.next/BUILD_ID')) throw new Error('Run `npm run build` first.');
  const seconds = argument('seconds', 8);
  const port = argument('port', 3311);

  const database = getDatabase();
  const [counts] = await selectRows<{ therapists: number; reviews: number; documents: number }>(
    database.db,
    sql`select (select count(*)::int from therapists where status = 'published') as therapists,
               (select count(*)::int from reviews) as reviews,
               (select count(*)::int from search_documents) as documents`,
  );
  console.log(
    `Database: ${counts!.therapists} published therapists, ${counts!.reviews} reviews, ${counts!.documents} indexed`,
  );
  if (counts!.therapists === 0) throw new Error('The database is empty: seed it first.');
  if (counts!.documents < counts!.therapists * 0.95) {
    console.log('Rebuilding the search index first ...');
    const report = await reindexAll((engine, done, total) => {
      if (done % 10_000 < 500) process.stdout.write(`\r  ${engine}: ${done}/${total}`);
    });
    console.log(
      `\n  ${report.map((r) => `${r.engine}: ${r.documents} documents in ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
  }

  const direct = openDatabase({ url, maxConnections: 16 });
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port)],
    {
      env: {
        ...process.env,
        SEARCH_WORKER: 'external',
        LOG_LEVEL: 'silent',
        PORT: String(port),
        // All the load comes from one address: the per-address search limit is off for the run.
        RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const rows: string[] = [];
  try {
    await waitForServer(`${base}/api/health`, server);
    console.log(
      `\n${'query'.padEnd(20)} ${'c'.padStart(3)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'req/s'.padStart(7)} | ${'SQL p50'.padStart(8)} ${'SQL p95'.padStart(8)} | ${'ratio'.padStart(5)}`,
    );
    for (const c of CASES) {
      const statements = await captureStatements(c.params);
      const api = async () => {
        const response = await fetch(`${base}/api/search?${c.params}`);
        if (!response.ok) throw new Error(String(response.status));
        await response.arrayBuffer();
      };
      const floor = async () => {
        for (const statement of statements) await direct.db.execute(statement);
      };
      await load(api, 2, 1); // warm up
      for (const concurrency of [1, 16]) {
        const http = await load(api, concurrency, seconds);
        const sqlOnly = await load(floor, concurrency, Math.max(2, seconds / 2));
        const ratio = http.p50 / sqlOnly.p50;
        const line = `${c.name.padEnd(20)} ${String(concurrency).padStart(3)} ${f(http.p50).padStart(7)} ${f(http.p95).padStart(7)} ${f(http.p99).padStart(7)} ${f(http.rps).padStart(7)} | ${f(sqlOnly.p50).padStart(8)} ${f(sqlOnly.p95).padStart(8)} | ${ratio.toFixed(2).padStart(5)}`;
        console.log(line + (http.errors ? `  (${http.errors} errors)` : ''));
        rows.push(
          `| ${c.name} | ${concurrency} | ${f(http.p50)} | ${f(http.p95)} | ${f(http.p99)} | ${f(http.rps)} | ${http.errors} | ${f(sqlOnly.p50)} | ${f(sqlOnly.p95)} | ${ratio.toFixed(2)} | ${c.placeBounded && concurrency === 16 ? (http.p95 < 50 ? 'yes' : 'no') : ''} |`,
        );
      }
    }
  } finally {
    server.kill('SIGTERM');
    await direct.close();
    await database.close();
  }

  const report = [
    `# Search benchmark`,
    '',
    `${new Date().toISOString()} · ${counts!.therapists} therapists, ${counts!.reviews} reviews · ${seconds} s per run · Postgres engine through \`GET /api/search\` of a production build (search rate limit off: one client address)`,
    '',
    'Latencies in milliseconds. "SQL" is the same statements run directly on the database (the floor); ratio = API p50 / SQL p50. "p95 < 50 ms" applies to place-bounded queries at concurrency 16.',
    '',
    '| query | concurrency | p50 | p95 | p99 | req/s | errors | SQL p50 | SQL p95 | ratio | p95 < 50 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...rows,
    '',
  ].join('\n');
  mkdirSync('reports', { recursive: true });
  const file = path.join('reports', 'bench-search.md');
  writeFileSync(file, report);
  console.log(`\nReport written to ${file}`);
}

await main();
