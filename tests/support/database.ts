/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database
 * of its own on the Postgres server named by DATABASE_URL (dropped again afterwards).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, setDatabase, type DatabaseHandle } from '@/db';

export interface TestDatabase extends DatabaseHandle {
  /** The database's URL when it is on a Postgres server (null for the embedded one). */
  url: string | null;
  /** Closes the connection and removes the database. */
  dispose(): Promise<void>;
}

/** A new, empty database on a Postgres server, and a way to drop it again. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'unknot_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const handle = openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    setDatabase(handle);
    return { ...handle, url: null, dispose: () => handle.close() };
  }

  const scratch = await createScratchDatabase(serverUrl);
  const handle = openDatabase({ url: scratch.url, maxConnections: 12 });
  await handle.migrate();
  setDatabase(handle);
  return {
    ...handle,
    url: scratch.url,
    dispose: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
