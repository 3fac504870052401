/**
 * Writing, editing and deleting reviews against the real database (TRUST 9, 10, 12-17, 23, 29):
 * one review per author and therapist even under concurrent submissions, owners refused, strict
 * input, consent with time and wording, the risk check (burst, contact details, near-duplicates,
 * young accounts) that never reads the rating, rate limits, versioned edits, and aggregates,
 * follow-up jobs and the audit log written in the review's own transaction.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  auditLog,
  conditions,
  jobs,
  reviewVersions,
  reviews,
  therapistStats,
  therapists,
  users,
} from '@/db/schema';
import { parseInput } from '@/lib/input';
import type { Viewer } from '@/lib/auth/viewer';
import { FOLLOW_UP_JOB } from '@/lib/follow-ups/schedule';
import { getOwnReviewForTherapist, getReviewFormContext } from '@/lib/reviews/editing';
import { CONDITION_CONSENT_TEXT, reviewInput } from '@/lib/reviews/input';
import {
  createReview,
  deleteReview,
  updateReview,
  type OwnReviewResult,
} from '@/lib/reviews/mutations';
import { RISK_REASONS } from '@/lib/reviews/risk';
import { createReview as createFactoryReview, createTherapist } from '../factories';
import { signedInViewer } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure, fieldErrors } from '../support/errors';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

const LIMIT_SETTINGS = ['RATE_LIMIT_REVIEWS_PER_DAY', 'RATE_LIMIT_REVIEWS_PER_IP_PER_HOUR'];
afterEach(() => {
  for (const name of LIMIT_SETTINGS) delete process.env[name];
});

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

let addresses = 0;
/** A client address no other test uses. */
function address(): string {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

/** A member whose account is `ageDays` old (createMember makes brand-new accounts). */
async function member(ageDays = 30): Promise<Viewer> {
  const { viewer } = await signedInViewer();
  if (ageDays > 0) {
    await database.db
      .update(users)
      .set({ createdAt: sql`now() - make_interval(days => ${ageDays})` })
      .where(eq(users.id, viewer.userId));
  }
  return viewer;
}

async function therapist(overrides: Parameters<typeof createTherapist>[1] = {}) {
  const created = await createTherapist(database.db, {
    status: 'published',
    claimedByUserId: null,
    contactEmail: null,
    ...overrides,
  });
  return created.therapist;
}

const WORDS = (
  'knot shoulder blade tension calm room warm towel stretch posture hip glute calf forearm ' +
  'desk chair breathing slow steady patient careful thorough friendly quiet clean bright ' +
  'morning evening weekend appointment booking intake questions movement test rotation ' +
  'reach squat balance lift carry walk run swim cycle garden ladder keyboard mouse screen ' +
  'pillow mattress sleep wake coffee water tea stairs hill trail commute train bus car'
).split(' ');

/** Review text that no other review in this file resembles. */
function uniqueText(): string {
  const bytes = randomBytes(24);
  const words = Array.from(bytes, (b) => WORDS[b % WORDS.length]);
  return `Visit notes ${bytes.toString('hex').slice(0, 8)}: ${words.join(' ')}.`;
}

function clean(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { rating: '4', body: uniqueText(), ...overrides };
}

async function reviewRow(id: number) {
  const [row] = await database.db.select().from(reviews).where(eq(reviews.id, id));
  return row;
}

async function statsOf(therapistId: number) {
  const [row] = await database.db
    .select()
    .from(therapistStats)
    .where(eq(therapistStats.therapistId, therapistId));
  return row;
}

async function reviewsBy(authorId: string) {
  return database.db.select().from(reviews).where(eq(reviews.authorId, authorId));
}

async function heldAudit(reviewId: number) {
  return selectRows<{ action: string; reason: string }>(
    database.db,
    sql`select action, detail->>'reason' as reason from audit_log
        where action = 'review.held' and (detail->>'reviewId')::int = ${reviewId}`,
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Creating                                                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('writing a review', () => {
  it('publishes a clean review, with aggregates and three follow-ups in the same transaction', async () => {
    const target = await therapist();
    const viewer = await member();
    const [condition] = await database.db.select({ id: conditions.id }).from(conditions).limit(1);
    if (!condition) throw new Error('no conditions');

    const result = await createReview(
      viewer,
      target.slug,
      clean({
        rating: '5',
        title: '  Found the cause  ',
        visitMonth: '2024-11',
        sessionsCount: '4',
        intent: 'therapeutic',
        conditionId: String(condition.id),
        conditionPublic: 'on',
        painBefore: '7',
        painNow: '2',
        pressureWanted: '4',
        pressureReceived: '4',
        pressureAdjusted: 'yes',
        assessedBefore: 'yes',
        explainedCause: 'yes',
        gaveHomeCare: 'no',
        setExpectations: '',
        wouldRecommend: 'yes',
      }),
      { clientAddress: address() },
    );
    expect(result.outcome).toBe('created');
    expect(result.review).toMatchObject({
      therapistSlug: target.slug,
      status: 'published',
      statusReason: null,
      statusMessage: null,
      version: 1,
    });
    // A DTO: nothing about the author or the client address.
    expect(JSON.stringify(result)).not.toMatch(/client|author|@/i);

    const row = await reviewRow(result.review.id);
    expect(row).toMatchObject({
      authorId: viewer.userId,
      therapistId: target.id,
      rating: 5,
      title: 'Found the cause',
      visitMonth: '2024-11-01',
      sessionsCount: 4,
      intent: 'therapeutic',
      painBefore: 7,
      painNow: 2,
      pressureAdjusted: 'yes',
      assessedBefore: true,
      gaveHomeCare: false,
      setExpectations: null,
      referredOut: null,
      wouldRecommend: true,
      status: 'published',
    });
    expect(row?.publishedAt).toBeInstanceOf(Date);
    expect(row?.clientHash).toMatch(/^[0-9a-f]{64}$/);

    const stats = await statsOf(target.id);
    expect(stats).toMatchObject({
      reviewCount: 1,
      ratingSum: 5,
      starCounts: [0, 0, 0, 0, 1],
      outcomeReports: 1,
      improvedCount: 1,
      pendingCount: 0,
    });
    expect(stats?.conditionOutcomes[String(condition.id)]).toMatchObject({
      reports: 1,
      improved: 1,
    });

    const scheduled = await database.db
      .select({ payload: jobs.payload, runAt: jobs.runAt })
      .from(jobs)
      .where(
        and(eq(jobs.kind, FOLLOW_UP_JOB), sql`(${jobs.payload}->>'reviewId')::int = ${row?.id}`),
      );
    expect(scheduled.map((j) => j.payload.weeks).sort()).toEqual([12, 2, 6]);
    const created = row?.createdAt.getTime() ?? 0;
    for (const job of scheduled) {
      const weeks = Number(job.payload.weeks);
      expect(job.runAt.getTime() - created).toBe(weeks * 7 * 86_400_000);
    }
  });

  it('writes nothing when a later step of the transaction fails', async () => {
    const target = await therapist();
    const viewer = await member();
    await database.db.execute(sql`
      create or replace function refuse_jobs() returns trigger language plpgsql as $$
      begin raise exception 'jobs refused for this test'; end $$`);
    await database.db.execute(
      sql`create trigger refuse_jobs before insert on jobs for each row execute function refuse_jobs()`,
    );
    try {
      await expect(
        createReview(viewer, target.slug, clean(), { clientAddress: address() }),
      ).rejects.toThrow();
    } finally {
      await database.db.execute(sql`drop trigger refuse_jobs on jobs`);
    }
    expect(await reviewsBy(viewer.userId)).toHaveLength(0);
    expect((await statsOf(target.id))?.reviewCount ?? 0).toBe(0);
  });

  it('treats a clean 1-star and a clean 5-star review alike', async () => {
    const target = await therapist();
    const results: OwnReviewResult[] = [];
    for (const rating of ['1', '5']) {
      results.push(
        await createReview(await member(), target.slug, clean({ rating }), {
          clientAddress: address(),
        }),
      );
    }
    for (const result of results) {
      expect(result.review.status).toBe('published');
      expect(result.review.statusReason).toBeNull();
    }
    expect(await statsOf(target.id)).toMatchObject({
      reviewCount: 2,
      starCounts: [1, 0, 0, 0, 1],
      pendingCount: 0,
    });
  });

  it('makes exactly one review from 10 concurrent submissions, and from a double submit', async () => {
    const target = await therapist();
    const viewer = await member();
    const input = clean({ rating: '3' });
    const client = address();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        createReview(viewer, target.slug, input, { clientAddress: client }),
      ),
    );
    const rows = await reviewsBy(viewer.userId);
    expect(rows).toHaveLength(1);
    const id = rows[0]?.id;
    expect(results.every((r) => r.review.id === id)).toBe(true);
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'idempotent')).toHaveLength(9);

    const again = await createReview(viewer, target.slug, input, { clientAddress: client });
    expect(again).toMatchObject({ outcome: 'idempotent', review: { id } });
    expect(await reviewsBy(viewer.userId)).toHaveLength(1);
    expect((await statsOf(target.id))?.reviewCount).toBe(1);
    const followUps = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from jobs where (payload->>'reviewId')::int = ${id}`,
    );
    expect(followUps[0]?.n).toBe(3);
  });

  it('refuses the owner of the listing: by claim, and by the email on the listing', async () => {
    const owner = await member();
    const claimed = await therapist({ claimedByUserId: owner.userId });
    const claimedError = await failure(
      createReview(owner, claimed.slug, clean(), { clientAddress: address() }),
    );
    expect(claimedError.code).toBe('forbidden');

    const sameEmail = await member();
    const listed = await therapist({ contactEmail: sameEmail.email.toUpperCase() });
    const emailError = await failure(
      createReview(sameEmail, listed.slug, clean(), { clientAddress: address() }),
    );
    expect(emailError.code).toBe('forbidden');
    expect(emailError.status).toBe(403);

    expect(await reviewsBy(owner.userId)).toHaveLength(0);
    expect(await reviewsBy(sameEmail.userId)).toHaveLength(0);
    const context = await getReviewFormContext(sameEmail, listed.slug);
    expect(context?.ownListing).toBe(true);
  });

  it('refuses unknown and hidden therapists, and signed-out visitors', async () => {
    const viewer = await member();
    const unknown = await failure(
      createReview(viewer, 'nobody-by-this-name', clean(), { clientAddress: address() }),
    );
    expect(unknown.code).toBe('not_found');
    const hidden = await therapist({ status: 'hidden' });
    const hiddenError = await failure(
      createReview(viewer, hidden.slug, clean(), { clientAddress: address() }),
    );
    expect(hiddenError.code).toBe('not_found');
    expect(await getReviewFormContext(viewer, hidden.slug)).toBeNull();

    const visible = await therapist();
    const signedOut = await failure(
      createReview(null, visible.slug, clean(), { clientAddress: address() }),
    );
    expect(signedOut.code).toBe('unauthorized');
    expect(await reviewsBy(viewer.userId)).toHaveLength(0);
  });

  it('refuses extra fields and writes nothing', async () => {
    const target = await therapist();
    const viewer = await member();
    const error = await failure(
      createReview(
        viewer,
        target.slug,
        clean({ status: 'published', authorId: 'someone-else', therapistId: 1, verified: true }),
        { clientAddress: address() },
      ),
    );
    expect(error.code).toBe('validation');
    const fields = Object.keys(fieldErrors(error)).join(', ');
    for (const name of ['status', 'authorId', 'therapistId', 'verified']) {
      expect(fields).toContain(name);
    }
    expect(await reviewsBy(viewer.userId)).toHaveLength(0);
    expect((await statsOf(target.id))?.reviewCount ?? 0).toBe(0);
  });

  it.each([
    ['rating', { rating: '6' }],
    ['rating', { rating: '' }],
    ['rating', { rating: '4.5' }],
    ['body', { body: 'Too short.' }],
    ['body', { body: 'x'.repeat(5001) }],
    ['body', { body: '   \u0000\u0007   ' }],
    ['title', { title: 't'.repeat(121) }],
    ['visitMonth', { visitMonth: '2099-01' }],
    ['visitMonth', { visitMonth: '1999-12' }],
    ['visitMonth', { visitMonth: 'March 2024' }],
    ['sessionsCount', { sessionsCount: '0' }],
    ['sessionsCount', { sessionsCount: '201' }],
    ['intent', { intent: 'spa-day' }],
    ['conditionId', { conditionId: 'back' }],
    ['conditionId', { conditionId: '32000' }],
    ['conditionPublic', { conditionPublic: 'on' }],
    ['painBefore', { painBefore: '11' }],
    ['painNow', { painBefore: '6' }],
    ['painBefore', { painNow: '3' }],
    ['pressureWanted', { pressureWanted: '0' }],
    ['pressureReceived', { pressureReceived: '6' }],
    ['pressureAdjusted', { pressureAdjusted: 'sometimes' }],
    ['assessedBefore', { assessedBefore: 'maybe' }],
    ['explainedCause', { explainedCause: '1' }],
    ['gaveHomeCare', { gaveHomeCare: 'true' }],
    ['setExpectations', { setExpectations: 'si' }],
    ['referredOut', { referredOut: 'n' }],
    ['wouldRecommend', { wouldRecommend: 'absolutely' }],
  ])('names the field at fault: %s in %j', async (field, overrides) => {
    const target = await therapist();
    const viewer = await member();
    const error = await failure(
      createReview(viewer, target.slug, clean(overrides), { clientAddress: address() }),
    );
    expect(error.code).toBe('validation');
    expect(error.status).toBe(422);
    expect(Object.keys(fieldErrors(error))).toContain(field);
    expect(fieldErrors(error)[field]?.length).toBeGreaterThan(10);
    expect(await reviewsBy(viewer.userId)).toHaveLength(0);
  });

  it('accepts the parsed values as well as the form strings', () => {
    const parsed = parseInput(
      reviewInput,
      clean({ painBefore: '5', painNow: '5', referredOut: 'no' }),
    );
    expect(parseInput(reviewInput, parsed)).toEqual(parsed);
    expect(parsed).toMatchObject({ rating: 4, painBefore: 5, referredOut: false, title: '' });
  });

  it('stores consent to show the condition with its time and wording, only when given', async () => {
    const [condition] = await database.db.select({ id: conditions.id }).from(conditions).limit(1);
    const conditionId = String(condition?.id);
    const target = await therapist();

    const consenting = await member();
    const before = Date.now();
    const given = await createReview(
      consenting,
      target.slug,
      clean({ conditionId, conditionPublic: 'on' }),
      { clientAddress: address() },
    );
    const givenRow = await reviewRow(given.review.id);
    expect(givenRow?.conditionPublic).toBe(true);
    expect(givenRow?.conditionConsentText).toBe(CONDITION_CONSENT_TEXT);
    expect(givenRow?.conditionConsentAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(givenRow?.conditionConsentAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const private_ = await createReview(await member(), target.slug, clean({ conditionId }), {
      clientAddress: address(),
    });
    const privateRow = await reviewRow(private_.review.id);
    expect(privateRow).toMatchObject({
      conditionId: Number(conditionId),
      conditionPublic: false,
      conditionConsentAt: null,
      conditionConsentText: null,
    });

    // Withdrawn on edit: time and wording go; given again: a new time.
    await updateReview(consenting, given.review.id, clean({ conditionId, body: givenRow?.body }));
    expect(await reviewRow(given.review.id)).toMatchObject({
      conditionPublic: false,
      conditionConsentAt: null,
      conditionConsentText: null,
    });
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The risk check                                                                              */
/* ------------------------------------------------------------------------------------------ */

describe('holding suspicious reviews', () => {
  it('holds a burst of 20 reviews from 20 members on one profile: all pending', async () => {
    const target = await therapist();
    const earlier = await member();
    await createFactoryReview(database.db, {
      authorId: earlier.userId,
      therapistId: target.id,
      status: 'published',
      rating: 4,
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    });
    await recomputeTherapistStats(database.db, [target.id]);
    const publishedBefore = (await statsOf(target.id))?.reviewCount;
    expect(publishedBefore).toBe(1);

    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await createReview(
        await member(),
        target.slug,
        clean({ rating: String((i % 5) + 1) }),
        { clientAddress: address() },
      );
      ids.push(result.review.id);
    }
    const rows = await database.db
      .select({ id: reviews.id, status: reviews.status, statusReason: reviews.statusReason })
      .from(reviews)
      .where(
        sql`${reviews.id} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'pending', statusReason: 'burst' });
      expect(await heldAudit(row.id)).toEqual([{ action: 'review.held', reason: 'burst' }]);
    }
    expect(await statsOf(target.id)).toMatchObject({
      reviewCount: publishedBefore,
      pendingCount: 20,
    });
  });

  it('holds contact details', async () => {
    const target = await therapist();
    const result = await createReview(
      await member(),
      target.slug,
      clean({ body: `${uniqueText()} Book her directly on (555) 201-3344, she is lovely.` }),
      { clientAddress: address() },
    );
    expect(result.review).toMatchObject({
      status: 'pending',
      statusReason: 'contact_details',
      statusMessage: RISK_REASONS.contact_details,
    });
    expect(await heldAudit(result.review.id)).toEqual([
      { action: 'review.held', reason: 'contact_details' },
    ]);
    expect(await statsOf(target.id)).toMatchObject({ reviewCount: 0, pendingCount: 1 });
  });

  it("holds another person's health details", async () => {
    const target = await therapist();
    const result = await createReview(
      await member(),
      target.slug,
      clean({ body: `${uniqueText()} My husband was diagnosed with sciatica and came too.` }),
      { clientAddress: address() },
    );
    expect(result.review).toMatchObject({ status: 'pending', statusReason: 'third_party_health' });
  });

  it('holds a near-duplicate of another review', async () => {
    const target = await therapist();
    const text = uniqueText();
    const first = await createReview(await member(), target.slug, clean({ body: text }), {
      clientAddress: address(),
    });
    expect(first.review.status).toBe('published');
    const copy = await createReview(
      await member(),
      target.slug,
      clean({ body: `${text} Thanks!` }),
      { clientAddress: address() },
    );
    expect(copy.review).toMatchObject({ status: 'pending', statusReason: 'duplicate' });
  });

  it('holds reviews from an account younger than a day', async () => {
    const target = await therapist();
    const young = await member(0);
    const result = await createReview(young, target.slug, clean(), { clientAddress: address() });
    expect(result.review).toMatchObject({ status: 'pending', statusReason: 'new_account' });
  });

  it('holds the fourth review in an hour from one account', async () => {
    const viewer = await member();
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) {
      const target = await therapist();
      const result = await createReview(viewer, target.slug, clean(), {
        clientAddress: address(),
      });
      statuses.push(result.review.statusReason ?? result.review.status);
    }
    expect(statuses).toEqual(['published', 'published', 'published', 'account_velocity']);
  });

  it('refuses submissions over the rate limits with 429 and a time to wait', async () => {
    process.env.RATE_LIMIT_REVIEWS_PER_DAY = '1';
    const viewer = await member();
    await createReview(viewer, (await therapist()).slug, clean(), { clientAddress: address() });
    const perAccount = await failure(
      createReview(viewer, (await therapist()).slug, clean(), { clientAddress: address() }),
    );
    expect(perAccount.code).toBe('rate_limited');
    expect(perAccount.status).toBe(429);
    expect(perAccount.retryAfter).toBeGreaterThan(0);
    expect(await reviewsBy(viewer.userId)).toHaveLength(1);

    delete process.env.RATE_LIMIT_REVIEWS_PER_DAY;
    process.env.RATE_LIMIT_REVIEWS_PER_IP_PER_HOUR = '1';
    const shared = address();
    await createReview(await member(), (await therapist()).slug, clean(), {
      clientAddress: shared,
    });
    const perClient = await failure(
      createReview(await member(), (await therapist()).slug, clean(), { clientAddress: shared }),
    );
    expect(perClient.code).toBe('rate_limited');
    expect(perClient.retryAfter).toBeGreaterThan(0);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Editing and deleting                                                                        */
/* ------------------------------------------------------------------------------------------ */

describe('editing and deleting', () => {
  async function published() {
    const target = await therapist();
    const author = await member();
    const body = uniqueText();
    const result = await createReview(
      author,
      target.slug,
      { rating: '2', body, painBefore: '8', painNow: '7' },
      { clientAddress: address() },
    );
    expect(result.review.status).toBe('published');
    return { target, author, body, id: result.review.id };
  }

  it('keeps the earlier version, bumps the version and updates the aggregates', async () => {
    const { target, author, body, id } = await published();
    const before = await reviewRow(id);
    const newBody = `${uniqueText()} Three weeks later it is much better.`;
    const result = await updateReview(author, id, {
      rating: '4',
      body: newBody,
      painBefore: '8',
      painNow: '3',
    });
    expect(result).toMatchObject({
      outcome: 'updated',
      review: { id, version: 2, status: 'published' },
    });
    const after = await reviewRow(id);
    expect(after).toMatchObject({ rating: 4, body: newBody, painNow: 3, version: 2 });
    expect(after?.updatedAt.getTime()).toBeGreaterThan(before?.updatedAt.getTime() ?? 0);

    const versions = await database.db
      .select()
      .from(reviewVersions)
      .where(eq(reviewVersions.reviewId, id));
    expect(versions).toHaveLength(1);
    expect(versions[0]?.version).toBe(1);
    expect(versions[0]?.snapshot).toMatchObject({ rating: 2, body, painNow: 7, version: 1 });
    expect(versions[0]?.snapshot).not.toHaveProperty('authorId');

    expect(await statsOf(target.id)).toMatchObject({
      starCounts: [0, 0, 0, 1, 0],
      improvedCount: 1,
    });
    expect((await getOwnReviewForTherapist(author, target.slug))?.values).toMatchObject({
      rating: '4',
      body: newBody,
      painBefore: '8',
      painNow: '3',
      assessedBefore: '',
    });

    const same = await updateReview(author, id, {
      rating: 4,
      body: newBody,
      painBefore: 8,
      painNow: 3,
    });
    expect(same.outcome).toBe('unchanged');
    expect((await reviewRow(id))?.version).toBe(2);
  });

  it('sends an edit that adds contact details to pending, and never releases a held review', async () => {
    const { target, author, body, id } = await published();
    const held = await updateReview(author, id, {
      rating: '2',
      body: `${body} Write to me: reviewer@example.net`,
    });
    expect(held.review).toMatchObject({ status: 'pending', statusReason: 'contact_details' });
    expect(await heldAudit(id)).toEqual([{ action: 'review.held', reason: 'contact_details' }]);
    expect(await statsOf(target.id)).toMatchObject({ reviewCount: 0, pendingCount: 1 });

    const cleaned = await updateReview(author, id, { rating: '2', body });
    expect(cleaned.review).toMatchObject({ status: 'pending', version: 3 });
  });

  it('refuses edits by anyone but the author, and of removed reviews', async () => {
    const { author, body, id } = await published();
    const stranger = await member();
    const error = await failure(updateReview(stranger, id, { rating: '5', body: uniqueText() }));
    expect(error.code).toBe('forbidden');
    expect(await reviewRow(id)).toMatchObject({ rating: 2, body, version: 1 });

    const extra = await failure(
      updateReview(author, id, { rating: '5', body, status: 'published', therapistId: 1 }),
    );
    expect(extra.code).toBe('validation');

    await database.db
      .update(reviews)
      .set({ status: 'removed', statusReason: 'off_topic' })
      .where(eq(reviews.id, id));
    const removed = await failure(updateReview(author, id, { rating: '5', body: uniqueText() }));
    expect(removed.code).toBe('forbidden');
    expect(await reviewRow(id)).toMatchObject({ rating: 2, version: 1, status: 'removed' });
    expect(
      await database.db.select().from(reviewVersions).where(eq(reviewVersions.reviewId, id)),
    ).toHaveLength(0);

    const missing = await failure(updateReview(author, 2_000_000_000, clean()));
    expect(missing.code).toBe('not_found');
  });

  it('deletes the review of its author only, and recomputes the aggregates', async () => {
    const { target, author, id } = await published();
    const other = await createReview(await member(), target.slug, clean({ rating: '5' }), {
      clientAddress: address(),
    });
    expect((await statsOf(target.id))?.reviewCount).toBe(2);

    const stranger = await member();
    const refused = await failure(deleteReview(stranger, id));
    expect(refused.code).toBe('forbidden');
    expect(await reviewRow(id)).toBeDefined();

    const deleted = await deleteReview(author, id);
    expect(deleted).toEqual({ id, therapistSlug: target.slug });
    expect(await reviewRow(id)).toBeUndefined();
    expect(await statsOf(target.id)).toMatchObject({
      reviewCount: 1,
      starCounts: [0, 0, 0, 0, 1],
      outcomeReports: 0,
    });
    expect(other.review.status).toBe('published');
    expect(await getOwnReviewForTherapist(author, target.slug)).toBeNull();

    // The author can write a new one afterwards.
    const fresh = await createReview(author, target.slug, clean(), { clientAddress: address() });
    expect(fresh.outcome).toBe('created');
  });
});

/* ------------------------------------------------------------------------------------------ */

describe('the audit log', () => {
  it('records nothing for published reviews', async () => {
    const target = await therapist();
    const result = await createReview(await member(), target.slug, clean(), {
      clientAddress: address(),
    });
    expect(result.review.status).toBe('published');
    expect(await heldAudit(result.review.id)).toEqual([]);
    const rows = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(sql`(${auditLog.detail}->>'reviewId')::int = ${result.review.id}`);
    expect(rows).toHaveLength(0);
  });

  it('keeps therapists untouched by review writes', async () => {
    const target = await therapist();
    await createReview(await member(), target.slug, clean(), { clientAddress: address() });
    const [row] = await database.db
      .select({ updatedAt: therapists.updatedAt })
      .from(therapists)
      .where(eq(therapists.id, target.id));
    expect(row?.updatedAt.getTime()).toBe(target.updatedAt.getTime());
  });
});
