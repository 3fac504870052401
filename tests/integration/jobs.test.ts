/**
 * The Postgres-backed job table: due jobs run once, failures are retried with backoff and end up
 * failed and visible, a dead worker's lease runs out so another worker takes its job, and two
 * workers side by side never run the same job twice.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as healthRoute } from '@/app/api/health/route';
import { openDatabase } from '@/db';
import { jobs, reviewInvitations } from '@/db/schema';
import { checkHealth } from '@/lib/health';
import { enqueueJobs, requeueFailedJobs } from '@/lib/jobs/queue';
import { jobStats } from '@/lib/jobs/stats';
import {
  jobBackoffSeconds,
  jobErrorMessage,
  MAX_JOB_BACKOFF_SECONDS,
  PermanentJobError,
  registerJobHandler,
  runDueJobs,
  runJobSweeps,
  type ClaimedJob,
} from '@/lib/jobs/worker';
import { sendMail } from '@/lib/mail';
import { createTherapist } from '../factories';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

let database: TestDatabase;
let sink: SmtpSink;
const savedSmtpUrl = process.env.SMTP_URL;
const unregister: (() => void)[] = [];

function handle(kind: string, handler: (job: ClaimedJob) => Promise<void>): void {
  unregister.push(registerJobHandler(kind, handler));
}

function seconds(from: Date, s: number): Date {
  return new Date(from.getTime() + s * 1000);
}

async function jobRow(id: number) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw new Error(`job ${id} is gone`);
  return row;
}

async function enqueueOne(kind: string, options: { runAt?: Date; maxAttempts?: number } = {}) {
  await enqueueJobs(database.db, [{ kind, payload: { n: 1 }, runAt: options.runAt }]);
  const [row] = await database.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.kind, kind))
    .orderBy(sql`${jobs.id} desc`)
    .limit(1);
  if (options.maxAttempts) {
    await database.db
      .update(jobs)
      .set({ maxAttempts: options.maxAttempts })
      .where(eq(jobs.id, row!.id));
  }
  return row!.id;
}

/** A TCP port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});

beforeEach(async () => {
  await database.db.execute(sql`delete from jobs`);
});

afterEach(() => {
  for (const remove of unregister.splice(0)) remove();
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
});

afterAll(async () => {
  await sink.close();
  await database.dispose();
});

describe('due jobs', () => {
  it('runs jobs whose time has come, once, and leaves the others for later', async () => {
    const ran: number[] = [];
    handle('test-record', (job) => {
      ran.push(job.id);
      expect(job.payload).toEqual({ n: 1 });
      expect(job.attempts).toBe(1);
      return Promise.resolve();
    });
    const t0 = new Date();
    const due = await enqueueOne('test-record', { runAt: seconds(t0, -60) });
    const later = await enqueueOne('test-record', { runAt: seconds(t0, 3600) });

    expect(await runDueJobs({ now: t0 })).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(ran).toEqual([due]);
    const done = await jobRow(due);
    expect(done.doneAt).not.toBeNull();
    expect(done.lockedUntil).toBeNull();
    expect((await jobRow(later)).doneAt).toBeNull();

    // Nothing runs twice, and the later job waits for its time.
    expect((await runDueJobs({ now: seconds(t0, 3599) })).claimed).toBe(0);
    expect((await runDueJobs({ now: seconds(t0, 3601) })).done).toBe(1);
    expect(ran).toEqual([due, later]);
    expect((await runDueJobs({ now: seconds(t0, 99_999) })).claimed).toBe(0);
  });

  it('takes at most `limit` jobs per run, oldest first', async () => {
    const ran: number[] = [];
    handle('test-limit', (job) => {
      ran.push(job.id);
      return Promise.resolve();
    });
    const t0 = new Date();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await enqueueOne('test-limit', { runAt: seconds(t0, -i) }));
    expect((await runDueJobs({ now: t0, limit: 2 })).claimed).toBe(2);
    expect(ran).toEqual([ids[4], ids[3]].sort((a, b) => a! - b!));
    expect((await runDueJobs({ now: t0, limit: 10 })).claimed).toBe(3);
    expect(ran.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });

  it('schedules a job once per dedupe key', async () => {
    const key = 'test-dedupe:42';
    const first = await enqueueJobs(database.db, [
      { kind: 'test-dedupe', payload: { v: 1 }, dedupeKey: key },
    ]);
    const again = await enqueueJobs(database.db, [
      { kind: 'test-dedupe', payload: { v: 2 }, dedupeKey: key },
      { kind: 'test-dedupe', payload: { v: 3 }, dedupeKey: 'test-dedupe:43' },
    ]);
    expect([first, again]).toEqual([1, 1]);
    const rows = await database.db
      .select({ key: jobs.dedupeKey, payload: jobs.payload })
      .from(jobs)
      .orderBy(jobs.id);
    expect(rows).toEqual([
      { key, payload: { v: 1 } },
      { key: 'test-dedupe:43', payload: { v: 3 } },
    ]);
    // A job enqueued in a transaction that rolls back does not exist.
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJobs(tx, [{ kind: 'test-dedupe', dedupeKey: 'test-dedupe:44' }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await database.db.select().from(jobs)).length).toBe(2);
  });
});

describe('failures', () => {
  it('are retried with exponential backoff, keeping the message without secrets', async () => {
    let calls = 0;
    handle('test-flaky', () => {
      calls += 1;
      if (calls <= 2) {
        throw new Error(
          'Recipient refused: <someone@example.org> via smtp://mailer:hunter2@mail.example:587',
        );
      }
      return Promise.resolve();
    });
    const t0 = new Date();
    const id = await enqueueOne('test-flaky', { runAt: seconds(t0, -1) });

    expect(await runDueJobs({ now: t0 })).toEqual({ claimed: 1, done: 0, retried: 1, failed: 0 });
    let row = await jobRow(id);
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe(
      'Recipient refused: <<email address>> via smtp://***@mail.example:587',
    );
    expect(row.lastError).not.toContain('hunter2');
    expect(row.lastError).not.toContain('someone@example.org');
    expect(row.lockedUntil).toBeNull();
    expect(row.failedAt).toBeNull();
    expect(row.runAt.getTime()).toBe(seconds(t0, jobBackoffSeconds(1)).getTime());
    expect(jobBackoffSeconds(1)).toBe(60);

    // Not before its time.
    expect((await runDueJobs({ now: seconds(t0, 59) })).claimed).toBe(0);
    const t1 = seconds(t0, 60);
    expect((await runDueJobs({ now: t1 })).retried).toBe(1);
    row = await jobRow(id);
    expect(row.attempts).toBe(2);
    expect(row.runAt.getTime()).toBe(seconds(t1, 120).getTime());

    expect((await runDueJobs({ now: seconds(t1, 120) })).done).toBe(1);
    row = await jobRow(id);
    expect(row.attempts).toBe(3);
    expect(row.doneAt).not.toBeNull();
    expect(row.lastError).toBeNull();
    expect(calls).toBe(3);
  });

  it('backs off up to six hours at most', () => {
    expect([1, 2, 3, 4].map(jobBackoffSeconds)).toEqual([60, 120, 240, 480]);
    expect(jobBackoffSeconds(30)).toBe(MAX_JOB_BACKOFF_SECONDS);
    expect(MAX_JOB_BACKOFF_SECONDS).toBe(6 * 3600);
  });

  it('retries mail that the SMTP server did not take, and sends it once it is back', async () => {
    handle('test-mail', async () => {
      await sendMail({
        to: 'jobs-retry@example.org',
        subject: 'From a job',
        text: 'Hello from a job.',
        html: '<p>Hello from a job.</p>',
      });
    });
    process.env.SMTP_URL = `smtp://mailer:hunter2@127.0.0.1:${await closedPort()}`;
    const t0 = new Date();
    const id = await enqueueOne('test-mail', { runAt: seconds(t0, -1) });
    expect((await runDueJobs({ now: t0 })).retried).toBe(1);
    const failedOnce = await jobRow(id);
    expect(failedOnce.lastError).toMatch(/ECONNREFUSED/);
    expect(failedOnce.lastError).not.toContain('hunter2');
    expect(sink.mailsTo('jobs-retry@example.org')).toHaveLength(0);

    process.env.SMTP_URL = sink.url;
    expect((await runDueJobs({ now: seconds(t0, 3600) })).done).toBe(1);
    const mail = await sink.waitForMail('jobs-retry@example.org', { already: 0 });
    expect(mail.subject).toBe('From a job');
    expect((await jobRow(id)).doneAt).not.toBeNull();
  });

  it('set a job aside as failed after its last try; it stays visible', async () => {
    handle('test-broken', () => Promise.reject(new Error('always broken')));
    const t0 = new Date();
    const id = await enqueueOne('test-broken', { runAt: seconds(t0, -1), maxAttempts: 3 });
    let now = t0;
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await runDueJobs({ now }));
      now = seconds(now, MAX_JOB_BACKOFF_SECONDS);
    }
    expect(results.map((r) => [r.retried, r.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const row = await jobRow(id);
    expect(row.attempts).toBe(3);
    expect(row.failedAt).not.toBeNull();
    expect(row.doneAt).toBeNull();
    expect(row.lastError).toBe('always broken');
    // It is never tried again, and the health check counts it.
    expect((await runDueJobs({ now: seconds(now, 10 * MAX_JOB_BACKOFF_SECONDS) })).claimed).toBe(0);
    expect((await jobStats()).failed).toBe(1);
  });

  it('run again once requeued (and only failed jobs are requeued)', async () => {
    let broken = true;
    handle('test-requeue', () =>
      broken ? Promise.reject(new Error('mail server down')) : Promise.resolve(),
    );
    const t0 = new Date();
    const failed = await enqueueOne('test-requeue', { runAt: seconds(t0, -1), maxAttempts: 1 });
    const later = await enqueueOne('test-requeue', { runAt: seconds(t0, 3600) });
    expect((await runDueJobs({})).failed).toBe(1);

    expect(await requeueFailedJobs(database.db, [failed, later])).toEqual([failed]);
    const row = await jobRow(failed);
    expect(row.failedAt).toBeNull();
    expect(row.attempts).toBe(0);
    expect(row.lastError).toBe('mail server down');
    expect((await jobRow(later)).runAt.getTime()).toBe(seconds(t0, 3600).getTime());

    broken = false;
    expect(await runDueJobs({})).toMatchObject({ claimed: 1, done: 1 });
    expect((await jobRow(failed)).doneAt).not.toBeNull();
    expect(await requeueFailedJobs(database.db)).toEqual([]);
  });

  it('fail at once when the handler says trying again cannot help', async () => {
    handle('test-permanent', () => Promise.reject(new PermanentJobError('payload is nonsense')));
    const id = await enqueueOne('test-permanent', { runAt: seconds(new Date(), -1) });
    expect((await runDueJobs()).failed).toBe(1);
    const row = await jobRow(id);
    expect(row).toMatchObject({ attempts: 1, lastError: 'payload is nonsense' });
    expect(row.failedAt).not.toBeNull();
  });

  it('include jobs of a kind nobody handles, and handlers that take too long', async () => {
    const t0 = new Date();
    const unknown = await enqueueOne('test-nobody-handles-this', { runAt: seconds(t0, -1) });
    handle('test-slow', () => new Promise((resolve) => setTimeout(resolve, 2000)));
    const slow = await enqueueOne('test-slow', { runAt: seconds(t0, -1) });
    expect((await runDueJobs({ now: t0, timeoutMs: 100 })).retried).toBe(2);
    expect((await jobRow(unknown)).lastError).toBe(
      'No handler for jobs of kind "test-nobody-handles-this".',
    );
    expect((await jobRow(slow)).lastError).toBe('The job took longer than 100 ms.');
  });

  it('keep no email address or URL credentials in the message', () => {
    expect(jobErrorMessage(new Error('550 <a.b+c@mail.example.org> rejected'))).toBe(
      '550 <<email address>> rejected',
    );
    expect(jobErrorMessage(new Error('connect to postgres://app:s3cret@db:5432/x failed'))).toBe(
      'connect to postgres://***@db:5432/x failed',
    );
    expect(jobErrorMessage('x'.repeat(5000))).toHaveLength(1000);
  });
});

describe('a worker that stops mid-job', () => {
  it('keeps its job until the lease runs out; then another worker runs it', async () => {
    let release!: () => void;
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const ran: string[] = [];
    handle('test-crash', (job) => {
      if (job.attempts === 1) {
        ran.push('first worker');
        started();
        // This worker hangs (as if its process died): the job is claimed but never finished.
        return new Promise<void>((resolve) => (release = resolve));
      }
      ran.push('second worker');
      return Promise.resolve();
    });
    const t0 = new Date();
    const id = await enqueueOne('test-crash', { runAt: seconds(t0, -1) });
    const first = runDueJobs({ now: t0, leaseSeconds: 60, timeoutMs: 60_000 });
    await firstStarted;
    const held = await jobRow(id);
    expect(held.lockedUntil?.getTime()).toBe(seconds(t0, 60).getTime());
    expect(held.attempts).toBe(1);

    // While the lease lasts nobody else takes it, even though it is due.
    expect((await runDueJobs({ now: seconds(t0, 59) })).claimed).toBe(0);
    expect(await runDueJobs({ now: seconds(t0, 61) })).toEqual({
      claimed: 1,
      done: 1,
      retried: 0,
      failed: 0,
    });
    const done = await jobRow(id);
    expect(done.attempts).toBe(2);
    expect(done.doneAt?.getTime()).toBe(seconds(t0, 61).getTime());
    expect(ran).toEqual(['first worker', 'second worker']);

    // The first worker coming back late changes nothing: the job is no longer its own.
    release();
    await first;
    const after = await jobRow(id);
    expect(after.doneAt?.getTime()).toBe(seconds(t0, 61).getTime());
    expect(after.attempts).toBe(2);
    expect((await runDueJobs({ now: seconds(t0, 9999) })).claimed).toBe(0);
  });

  it('fails a job whose last try was cut short', async () => {
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    handle('test-last-crash', () => {
      started();
      return new Promise<void>((resolve) => (release = resolve));
    });
    const t0 = new Date();
    const id = await enqueueOne('test-last-crash', { runAt: seconds(t0, -1), maxAttempts: 1 });
    const hanging = runDueJobs({ now: t0, leaseSeconds: 60, timeoutMs: 60_000 });
    await running;
    expect((await runDueJobs({ now: seconds(t0, 61) })).claimed).toBe(0);
    const row = await jobRow(id);
    expect(row.failedAt?.getTime()).toBe(seconds(t0, 61).getTime());
    expect(row.lastError).toBe('The worker stopped during the last try (its lease ran out).');
    release();
    await hanging;
    expect((await jobRow(id)).doneAt).toBeNull();
  });
});

// On a Postgres server a real worker process can be killed mid-job; its job comes back.
if (process.env.DATABASE_URL) {
  describe('a worker process killed with SIGKILL', () => {
    it('leaves its job to the next worker once the lease runs out', async () => {
      const id = await enqueueOne('test-killed', { runAt: seconds(new Date(), -1) });
      const script = `
        const { registerJobHandler, runDueJobs } = await import('@/lib/jobs/worker');
        registerJobHandler('test-killed', () => {
          process.stdout.write('RUNNING\\n');
          return new Promise(() => {});
        });
        await runDueJobs({ leaseSeconds: 2 });`;
      const child = spawn(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script],
        {
          env: { ...process.env, DATABASE_URL: database.url!, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('RUNNING')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const claimed = await jobRow(id);
      expect(claimed.attempts).toBe(1);
      expect(claimed.doneAt).toBeNull();

      const ran: number[] = [];
      handle('test-killed', (job) => {
        ran.push(job.attempts);
        return Promise.resolve();
      });
      // Still held while the lease lasts; taken over after it.
      expect((await runDueJobs({ now: seconds(claimed.lockedUntil!, -1) })).claimed).toBe(0);
      expect((await runDueJobs({ now: seconds(claimed.lockedUntil!, 1) })).done).toBe(1);
      expect(ran).toEqual([2]);
      expect((await jobRow(id)).doneAt).not.toBeNull();
    });
  });
}

describe('two workers side by side', () => {
  it('never run the same job twice', async () => {
    const runs = new Map<number, number>();
    handle('test-concurrent', async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const t0 = new Date();
    await enqueueJobs(
      database.db,
      Array.from({ length: 40 }, (_, i) => ({
        kind: 'test-concurrent',
        payload: { i },
        runAt: seconds(t0, -1),
      })),
    );
    // On a Postgres server the second worker has connections of its own.
    const second = database.url ? openDatabase({ url: database.url, maxConnections: 2 }) : database;
    const drain = async (db: typeof database.db) => {
      let total = 0;
      for (;;) {
        const r = await runDueJobs({ limit: 3, db });
        total += r.done;
        if (r.claimed === 0) return total;
      }
    };
    try {
      const [a, b] = await Promise.all([drain(database.db), drain(second.db)]);
      expect(a + b).toBe(40);
      if (database.url) {
        // Both really worked: the jobs were shared out, not run by one of them alone.
        expect(a).toBeGreaterThan(0);
        expect(b).toBeGreaterThan(0);
      }
    } finally {
      if (second !== database) await second.close();
    }
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const [counts] = await database.db
      .select({
        done: sql<number>`count(*) filter (where ${jobs.doneAt} is not null)::int`,
        attempts: sql<number>`sum(${jobs.attempts})::int`,
      })
      .from(jobs);
    expect(counts).toEqual({ done: 40, attempts: 40 });
  });
});

describe('health', () => {
  it('shows the due backlog, the failed jobs and how long the oldest due job has waited', async () => {
    const t0 = new Date();
    await enqueueOne('test-health-due', { runAt: seconds(t0, -120) });
    await enqueueOne('test-health-due', { runAt: seconds(t0, -10) });
    await enqueueOne('test-health-later', { runAt: seconds(t0, 3600) });
    const failed = await enqueueOne('test-health-failed', { runAt: seconds(t0, -1) });
    await database.db.update(jobs).set({ failedAt: t0 }).where(eq(jobs.id, failed));

    const stats = await jobStats();
    expect(stats).toMatchObject({ due: 2, running: 0, failed: 1 });
    expect(stats.oldestDueSeconds).toBeGreaterThanOrEqual(119);
    expect(stats.oldestDueSeconds).toBeLessThan(200);

    const health = await checkHealth();
    expect(health.status).toBe('ok');
    if (health.status !== 'ok') return;
    expect(health.jobs).toEqual(stats);
    expect(health.search.outbox).toBeDefined();

    const response = await healthRoute();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { jobs: unknown; search: unknown; database: unknown };
    expect(body.jobs).toMatchObject({ due: 2, failed: 1 });
    expect(body.database).toEqual({ ok: true });
    expect(body.search).toBeDefined();
  });
});

describe('housekeeping sweeps', () => {
  it('forget the addresses of invitations never sent after two days, and keep the rest', async () => {
    const { therapist } = await createTherapist(database.db, { status: 'published' });
    const now = new Date();
    const [stale, recent, sent] = await database.db
      .insert(reviewInvitations)
      .values([
        { therapistId: therapist.id, emailHash: 'h-stale', email: 'old@example.org' },
        { therapistId: therapist.id, emailHash: 'h-recent', email: 'new@example.org' },
        { therapistId: therapist.id, emailHash: 'h-sent', email: null, sentAt: now },
      ])
      .returning({ id: reviewInvitations.id });
    await database.db
      .update(reviewInvitations)
      .set({ createdAt: new Date(now.getTime() - 3 * 86_400_000) })
      .where(eq(reviewInvitations.id, stale!.id));

    const counts = await runJobSweeps({ now });
    expect(counts).toEqual({ 'forget stale invitation addresses': 1 });
    const rows = await database.db
      .select({ id: reviewInvitations.id, email: reviewInvitations.email })
      .from(reviewInvitations)
      .where(eq(reviewInvitations.therapistId, therapist.id))
      .orderBy(reviewInvitations.id);
    expect(rows).toEqual([
      { id: stale!.id, email: null },
      { id: recent!.id, email: 'new@example.org' },
      { id: sent!.id, email: null },
    ]);
  });
});
