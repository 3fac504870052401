/**
 * Keeping the index true: every change writes an outbox row in its own transaction, workers
 * drain it exactly once each, and nothing is lost when a worker dies.
 */
import { spawn } from 'node:child_process';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, selectRows } from '@/db';
import { practiceLocations, searchDocuments, searchOutbox, therapists } from '@/db/schema';
import { searchHealth, setSearchEngines } from '@/lib/search';
import {
  backoffSeconds,
  drainAll,
  drainOutbox,
  MAX_ATTEMPTS,
  reindexAll,
} from '@/lib/search/indexer';
import type { SearchDocument, SearchEngine } from '@/lib/search/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { searchSlugs } from '../support/search';
import { createSearchFixture, PLACES, type SearchFixture } from '../support/search-fixture';

let database: TestDatabase;
let fixture: SearchFixture;

/** An external engine that records what it is asked to apply, or fails on demand. */
function recordingEngine(options: { fail?: string } = {}) {
  const applied: number[] = [];
  const removed: number[] = [];
  const engine: SearchEngine = {
    name: 'meilisearch',
    search: () => Promise.reject(new Error('not used')),
    upsert: (documents: SearchDocument[]) => {
      if (options.fail) return Promise.reject(new Error(options.fail));
      applied.push(...documents.map((d) => d.id));
      return Promise.resolve();
    },
    remove: (ids: number[]) => {
      removed.push(...ids);
      return Promise.resolve();
    },
    reindex: () => Promise.resolve(),
    health: () => Promise.resolve({ ok: true, detail: 'recording', documents: applied.length }),
  };
  return { engine, applied, removed };
}

async function pending(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from search_outbox where processed_at is null and failed_at is null`,
  );
  return row!.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  setSearchEngines(undefined);
  fixture = await createSearchFixture(database.db);
  await reindexAll();
  await database.db.execute(sql`delete from search_outbox`);
});

afterAll(async () => {
  await database.dispose();
});

describe('the outbox row is written with the change', () => {
  it('in the same transaction: a rolled-back change leaves no row', async () => {
    const before = await pending();
    await expect(
      database.db.transaction(async (tx) => {
        await tx
          .update(therapists)
          .set({ headline: 'Never saved' })
          .where(eq(therapists.id, fixture.ids.deep!));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await pending()).toBe(before);
  });

  it('for therapists, locations, taxonomy links, reviews and aggregates', async () => {
    const id = fixture.ids.trigger!;
    const reasons = async () =>
      (
        await database.db
          .select({ reason: searchOutbox.reason })
          .from(searchOutbox)
          .where(eq(searchOutbox.therapistId, id))
      ).map((r) => r.reason);
    await database.db
      .update(therapists)
      .set({ headline: 'Trigger point therapy for office necks' })
      .where(eq(therapists.id, id));
    await database.db
      .update(practiceLocations)
      .set({ address: '200 Pearl St' })
      .where(eq(practiceLocations.therapistId, id));
    await database.db.execute(
      sql`delete from therapist_conditions where therapist_id = ${id} and condition_id = (select id from conditions where slug = 'tension-headache')`,
    );
    await database.db.execute(sql`update reviews set title = 'Edited' where therapist_id = ${id}`);
    await database.db.execute(
      sql`update therapist_stats set updated_at = now() where therapist_id = ${id}`,
    );
    expect(await reasons()).toEqual(
      expect.arrayContaining([
        'therapists update',
        'practice_locations update',
        'therapist_conditions delete',
        'reviews update',
        'therapist_stats update',
      ]),
    );
  });
});

describe('draining', () => {
  it('applies the change to the index and marks the rows done', async () => {
    expect(await searchSlugs({ q: 'office necks' })).toEqual([]);
    const result = await drainAll();
    expect(result.applied).toBeGreaterThan(0);
    expect(await pending()).toBe(0);
    expect(await searchSlugs({ q: 'office necks' })).toEqual([fixture.slugs.trigger]);
  });

  it('refreshes every part of a document already in the index', async () => {
    const id = fixture.ids.deep!;
    expect(await searchSlugs({ modality: 'reflexology' })).not.toContain(fixture.slugs.deep);
    await database.db.execute(
      sql`insert into therapist_modalities (therapist_id, modality_id) select ${id}, id from modalities where slug = 'reflexology'`,
    );
    await database.db.execute(
      sql`update reviews set body = 'She untangled my quadratus lumborum.' where therapist_id = ${id}`,
    );
    await drainAll();
    expect(await searchSlugs({ modality: 'reflexology' })).toContain(fixture.slugs.deep);
    expect(await searchSlugs({ q: 'quadratus' })).toEqual([fixture.slugs.deep]);
  });

  it('removes a therapist who is deleted', async () => {
    const [extra] = await database.db
      .insert(therapists)
      .values({ slug: 'short-lived', name: 'Ephemeral Evans', headline: 'Here today' })
      .returning({ id: therapists.id });
    await database.db.insert(practiceLocations).values({
      therapistId: extra!.id,
      name: 'Clinic',
      address: '1 Main St',
      ...PLACES.denver,
      startsOn: '2024-01-01',
    });
    await drainAll();
    expect(await searchSlugs({ q: 'Ephemeral' })).toEqual(['short-lived']);
    await database.db.delete(therapists).where(eq(therapists.id, extra!.id));
    await drainAll();
    expect(await searchSlugs({ q: 'Ephemeral' })).toEqual([]);
  });

  it('retries with backoff when an engine fails, keeping the rows', async () => {
    await database.db
      .update(therapists)
      .set({ headline: 'Shiatsu and stretching' })
      .where(eq(therapists.id, fixture.ids.shiatsu!));
    const failing = recordingEngine({ fail: 'engine unreachable' });
    const r = await drainOutbox({ engines: [failing.engine] });
    expect(r).toMatchObject({ applied: 0, retried: 1, failed: 0 });
    const [row] = await database.db
      .select()
      .from(searchOutbox)
      .where(eq(searchOutbox.therapistId, fixture.ids.shiatsu!));
    expect(row).toMatchObject({ attempts: 1, lastError: 'engine unreachable', processedAt: null });
    expect(row!.availableAt.getTime()).toBeGreaterThan(Date.now() + 1000);
    expect(backoffSeconds(1)).toBeLessThan(backoffSeconds(4));

    // Not ready yet: a second drain leaves it alone.
    const healthy = recordingEngine();
    expect((await drainOutbox({ engines: [healthy.engine] })).claimed).toBe(0);
    await database.db
      .update(searchOutbox)
      .set({ availableAt: new Date() })
      .where(eq(searchOutbox.id, row!.id));
    expect((await drainOutbox({ engines: [healthy.engine] })).applied).toBe(1);
    expect(healthy.applied).toEqual([fixture.ids.shiatsu]);
  });

  it('sets a row aside as failed after the last attempt, visibly', async () => {
    await database.db
      .update(therapists)
      .set({ headline: 'Shiatsu, again' })
      .where(eq(therapists.id, fixture.ids.shiatsu!));
    await database.db
      .update(searchOutbox)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(sql`${searchOutbox.processedAt} is null`);
    const r = await drainOutbox({ engines: [recordingEngine({ fail: 'still down' }).engine] });
    expect(r.failed).toBe(1);
    const health = await searchHealth();
    expect(health.outbox.failed).toBe(1);
    expect(health.outbox.pending).toBe(0);
    await database.db.execute(
      sql`update search_outbox set failed_at = null, attempts = 0, available_at = now() where failed_at is not null`,
    );
    await drainAll();
  });

  it('loses nothing when a worker dies between commit and sync', async () => {
    const ids = [fixture.ids.sports!, fixture.ids.sciatica!];
    await database.db
      .update(therapists)
      .set({ headline: 'Changed while the worker was down' })
      .where(inArray(therapists.id, ids));
    // The worker claims the rows and dies in the middle of applying them: it never answers.
    const dead: SearchEngine = { ...recordingEngine().engine, upsert: () => new Promise(() => {}) };
    void drainOutbox({ engines: [dead], leaseSeconds: 0.5 });
    await new Promise((r) => setTimeout(r, 100));
    expect((await drainOutbox({ engines: [recordingEngine().engine] })).claimed).toBe(0);
    await new Promise((r) => setTimeout(r, 600));
    expect(await pending()).toBe(2);
    const restarted = recordingEngine();
    await drainAll({ engines: [restarted.engine] });
    expect(restarted.applied.sort()).toEqual([...ids].sort());
    const [counts] = await selectRows<{ documents: number; published: number }>(
      database.db,
      sql`select (select count(*)::int from search_documents) as documents,
                 (select count(*)::int from therapists t where t.status = 'published'
                    and exists (select 1 from practice_locations l where l.therapist_id = t.id and l.ends_on is null)) as published`,
    );
    expect(counts!.documents).toBe(counts!.published);
  });

  it('queues a therapist again when a slower worker may have written an older document last', async () => {
    const id = fixture.ids.markup!;
    await database.db
      .update(therapists)
      .set({ headline: 'First change' })
      .where(eq(therapists.id, id));
    let release: () => void = () => {};
    const slow: SearchEngine = {
      ...recordingEngine().engine,
      upsert: () => new Promise<void>((resolve) => (release = resolve)),
    };
    const first = drainOutbox({ engines: [slow] });
    await new Promise((r) => setTimeout(r, 100));
    // A second change is applied by another worker while the first is still writing.
    await database.db
      .update(therapists)
      .set({ headline: 'Second change' })
      .where(eq(therapists.id, id));
    expect((await drainOutbox({ engines: [recordingEngine().engine] })).applied).toBe(1);
    release();
    expect((await first).applied).toBe(1);
    const queued = await database.db
      .select({ reason: searchOutbox.reason })
      .from(searchOutbox)
      .where(sql`${searchOutbox.therapistId} = ${id} and ${searchOutbox.processedAt} is null`);
    expect(queued).toEqual([{ reason: 'applied out of order' }]);
    const last = recordingEngine();
    await drainAll({ engines: [last.engine] });
    expect(last.applied).toEqual([id]);
  });

  it('two workers side by side never apply the same row twice', async () => {
    const ids = Object.values(fixture.ids);
    await database.db
      .update(therapists)
      .set({ updatedAt: new Date() })
      .where(inArray(therapists.id, ids));
    const rows = await pending();
    expect(rows).toBe(ids.length);
    const second = database.url ? openDatabase({ url: database.url, maxConnections: 2 }) : database;
    const recorder = recordingEngine();
    try {
      const [a, b] = await Promise.all([
        drainAll({ batchSize: 2, engines: [recorder.engine] }),
        drainAll({ batchSize: 2, engines: [recorder.engine], db: second.db }),
      ]);
      expect(a.applied + b.applied).toBe(rows);
    } finally {
      if (second !== database) await second.close();
    }
    const published = ids.filter((id) => id !== fixture.ids.hidden);
    expect(recorder.applied.sort()).toEqual(published.sort());
    expect(recorder.removed).toEqual([fixture.ids.hidden]);
    expect(await pending()).toBe(0);
  });
});

// On a Postgres server a real worker process can be killed mid-sync; its claimed rows come back.
if (process.env.DATABASE_URL) {
  describe('a worker process killed with SIGKILL', () => {
    it('leaves its claimed rows for the next worker', async () => {
      await database.db
        .update(therapists)
        .set({ headline: 'Killed worker test' })
        .where(eq(therapists.id, fixture.ids.lighttouch!));
      const child = spawn(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'tests/support/outbox-crash-worker.ts'],
        {
          env: { ...process.env, DATABASE_URL: database.url!, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('APPLYING')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const restarted = recordingEngine();
      // The server notices the dead connection and releases its locks.
      for (let i = 0; i < 50 && restarted.applied.length === 0; i++) {
        await drainAll({ engines: [restarted.engine] });
        if (restarted.applied.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(restarted.applied).toEqual([fixture.ids.lighttouch]);
      const [doc] = await database.db
        .select({ headline: searchDocuments.headline })
        .from(searchDocuments)
        .where(eq(searchDocuments.therapistId, fixture.ids.lighttouch!));
      expect(doc!.headline).toBe('Killed worker test');
    });
  });
}
