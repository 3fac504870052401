/**
 * The one place that knows which database driver runs.
 *
 * - `DATABASE_URL` set: postgres.js against that server.
 * - unset: PGlite (Postgres compiled to WebAssembly) on disk under `.data/`, so nothing needs
 *   installing. Tests open PGlite in memory.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or a transaction on it: whatever `db.transaction(tx => ...)` hands over. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export interface DatabaseHandle {
  db: Database;
  /** A human-readable description for logs ("embedded database at .data/pglite"). */
  description: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL. When absent, the embedded database is used. */
  url?: string;
  /** Embedded database directory, or `memory://` for a throwaway in-memory one. */
  dataDir?: string;
  /** Connection pool size for postgres.js. */
  maxConnections?: number;
  /**
   * For bulk loads that rebuild the search index afterwards: changes made through this handle
   * write no search outbox rows.
   */
  skipSearchOutbox?: boolean;
}

const SKIP_OUTBOX_SETTING = 'unknot.skip_search_outbox';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
export const DEFAULT_DATA_DIR = path.join(process.cwd(), '.data', 'pglite');

export function openDatabase(options: OpenOptions = {}): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: {
        application_name: 'unknot',
        ...(options.skipSearchOutbox ? { [SKIP_OUTBOX_SETTING]: 'on' } : {}),
      },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return {
      db,
      description: `Postgres at ${redactUrl(options.url)}`,
      migrate: () =>
        migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir !== 'memory://') mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = new PGlite({
    dataDir: dataDir === 'memory://' ? undefined : dataDir,
    extensions: { pg_trgm, unaccent },
  });
  const settled = options.skipSearchOutbox
    ? client.exec(`set ${SKIP_OUTBOX_SETTING} = 'on'`)
    : Promise.resolve([]);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    description:
      dataDir === 'memory://'
        ? 'embedded database in memory'
        : `embedded database at ${path.relative(process.cwd(), dataDir) || dataDir}`,
    migrate: async () => {
      await settled;
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: async () => {
      await settled;
      await client.close();
    },
  };
}

/** Options for this process, from the environment. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const max = env.DATABASE_POOL_MAX ? Number(env.DATABASE_POOL_MAX) : undefined;
  if (max !== undefined && !(Number.isInteger(max) && max > 0)) {
    throw new Error('DATABASE_POOL_MAX must be a positive whole number');
  }
  if (url) return { url, maxConnections: max };
  const dataDir = env.PGLITE_DATA_DIR?.trim();
  return dataDir ? { dataDir: path.resolve(dataDir) } : {};
}

const holder = globalThis as typeof globalThis & { __unknotDatabase?: DatabaseHandle };

/** The process's database, opened from the environment on first use. */
export function getDatabase(): DatabaseHandle {
  holder.__unknotDatabase ??= openDatabase(optionsFromEnv());
  return holder.__unknotDatabase;
}

export function getDb(): Database {
  return getDatabase().db;
}

/** Makes `handle` the process's database (tests and command-line scripts). */
export function setDatabase(handle: DatabaseHandle): void {
  holder.__unknotDatabase = handle;
}

/** Runs a raw SQL statement and returns its rows, whichever driver runs. */
export async function selectRows<T extends Record<string, unknown>>(
  executor: Executor,
  query: SQL,
): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return `${u.host}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
