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

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const handle = openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    setDatabase(handle);
    return { ...handle, url: null, dispose: () => handle.close() };
  }

  const name = `unknot_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), maxConnections: 12 });
  await handle.migrate();
  setDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
