/**
 * "The figures on a profile match the reviews behind them": a therapist with a known set of
 * reviews and follow-ups, and every figure the profile shows recomputed here from the raw rows.
 * Also: the figures reach the search documents through the outbox.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LASTING_RELIEF_WEEKS,
  MEANINGFUL_PAIN_DROP,
  MIN_OUTCOME_REPORTS,
  recomputeTherapistStats,
} from '@/db/aggregates';
import { conditions, reviewFollowUps, reviews, searchDocuments, therapistStats } from '@/db/schema';
import type { ReviewStatus } from '@/db/schema/enums';
import { drainAll } from '@/lib/search/indexer';
import { getTherapistProfile, listTherapistReviews } from '@/lib/therapists/queries';
import type { TherapistProfile } from '@/lib/therapists/types';
import { createReview, createTherapist } from '../factories';
import { createMember } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

const DAY_MS = 86_400_000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const CONSENT = 'Show the condition I was treated for on my public review.';
const CONDITION_SLUGS = ['lower-back-pain', 'neck-pain', 'sciatica', 'tension-headache'] as const;

/** A small deterministic random source (mulberry32), so the data set is the same every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

interface Spec {
  rating: number;
  status: ReviewStatus;
  condition: string | null;
  conditionPublic: boolean;
  painBefore: number | null;
  painNow: number | null;
  followUps: { weeksAfter: 2 | 6 | 12; painNow: number }[];
}

async function addReview(therapistId: number, spec: Spec, daysAgo: number): Promise<void> {
  const author = await createMember();
  const at = new Date(NOW - daysAgo * DAY_MS);
  await createReview(database.db, {
    authorId: author.id,
    therapistId,
    rating: spec.rating,
    status: spec.status,
    statusReason: spec.status === 'published' ? null : 'spam',
    createdAt: at,
    updatedAt: at,
    publishedAt: spec.status === 'published' ? at : null,
    condition: spec.condition,
    conditionPublic: spec.conditionPublic && spec.condition !== null,
    conditionConsentAt: spec.conditionPublic && spec.condition !== null ? at : null,
    conditionConsentText: spec.conditionPublic && spec.condition !== null ? CONSENT : null,
    painBefore: spec.painBefore,
    painNow: spec.painNow,
    followUps: spec.followUps,
  });
}

/** A varied set: every status, missing pain scores, private and public conditions, follow-ups. */
function generatedSpecs(seed: number, count: number): Spec[] {
  const rng = random(seed);
  const specs: Spec[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = rng.next();
    const status: ReviewStatus =
      roll < 0.75
        ? 'published'
        : roll < 0.85
          ? 'pending'
          : roll < 0.93
            ? 'not_recommended'
            : 'removed';
    const painBefore = rng.chance(0.85) ? rng.int(3, 10) : null;
    const painNow =
      painBefore !== null && rng.chance(0.9)
        ? rng.int(0, painBefore + 1 > 10 ? 10 : painBefore + 1)
        : null;
    const followUps: Spec['followUps'] = [];
    if (painNow !== null) {
      for (const weeksAfter of [2, 6, 12] as const) {
        if (rng.chance(0.6)) followUps.push({ weeksAfter, painNow: rng.int(0, 10) });
      }
    }
    const condition = rng.chance(0.8) ? rng.pick(CONDITION_SLUGS) : null;
    specs.push({
      rating: rng.int(1, 5),
      status,
      condition,
      conditionPublic: rng.chance(0.6),
      painBefore,
      painNow,
      followUps,
    });
  }
  return specs;
}

/** Hand-made rows for the thresholds: sciatica with exactly 5 public reports, 5 followed up. */
const THRESHOLD_SPECS: Spec[] = [
  ...[
    [8, 3, 2],
    [7, 6, 6],
    [9, 2, 1],
    [6, 4, 5],
    [5, 5, 5],
  ].map(([before, now, sixWeeks]): Spec => ({
    rating: 4,
    status: 'published',
    condition: 'muscle-spasms',
    conditionPublic: true,
    painBefore: before!,
    painNow: now!,
    followUps: [{ weeksAfter: 6, painNow: sixWeeks! }],
  })),
  // Four public reports only: never shown on its own.
  ...[1, 2, 3, 4].map((i): Spec => ({
    rating: 3,
    status: 'published',
    condition: 'stress-tension',
    conditionPublic: true,
    painBefore: 6,
    painNow: 6 - i,
    followUps: [],
  })),
  // Many private reports of a condition: they count overall, never per condition.
  ...[1, 2, 3, 4, 5, 6].map((i): Spec => ({
    rating: 5,
    status: 'published',
    condition: 'tight-shoulders',
    conditionPublic: false,
    painBefore: 7,
    painNow: 7 - i,
    followUps: [{ weeksAfter: 12, painNow: 1 }],
  })),
];

interface RawReview {
  id: number;
  rating: number;
  status: ReviewStatus;
  conditionId: number | null;
  conditionPublic: boolean;
  painBefore: number | null;
  painNow: number | null;
}

async function rawRows(therapistId: number) {
  const rows: RawReview[] = await database.db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      status: reviews.status,
      conditionId: reviews.conditionId,
      conditionPublic: reviews.conditionPublic,
      painBefore: reviews.painBefore,
      painNow: reviews.painNow,
    })
    .from(reviews)
    .where(eq(reviews.therapistId, therapistId));
  const answers =
    rows.length === 0
      ? []
      : await database.db
          .select({
            reviewId: reviewFollowUps.reviewId,
            weeksAfter: reviewFollowUps.weeksAfter,
            painNow: reviewFollowUps.painNow,
          })
          .from(reviewFollowUps)
          .where(
            inArray(
              reviewFollowUps.reviewId,
              rows.map((r) => r.id),
            ),
          );
  const names = new Map(
    (
      await database.db
        .select({ id: conditions.id, slug: conditions.slug, name: conditions.name })
        .from(conditions)
    ).map((c) => [c.id, { slug: c.slug, name: c.name }]),
  );
  return { rows, answers, names };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const figure = (count: number, base: number) =>
  base >= MIN_OUTCOME_REPORTS ? { count, base } : null;

/** Every figure the profile shows, computed from the raw rows, the way the page explains them. */
async function expectedFigures(therapistId: number) {
  const { rows, answers, names } = await rawRows(therapistId);
  const published = rows.filter((r) => r.status === 'published');
  const answer = (reviewId: number, weeks: number) =>
    answers.find((a) => a.reviewId === reviewId && a.weeksAfter === weeks);
  const reports = published.filter((r) => r.painBefore !== null && r.painNow !== null);
  const improved = reports.filter((r) => r.painBefore! - r.painNow! >= MEANINGFUL_PAIN_DROP);
  const withBaseline = published.filter((r) => r.painBefore !== null);
  const followedUp = withBaseline.filter((r) => answer(r.id, LASTING_RELIEF_WEEKS));
  const lasting = followedUp.filter(
    (r) => r.painBefore! - answer(r.id, LASTING_RELIEF_WEEKS)!.painNow >= MEANINGFUL_PAIN_DROP,
  );
  const starCounts = [1, 2, 3, 4, 5].map((s) => published.filter((r) => r.rating === s).length);

  const byCondition = new Map<number, RawReview[]>();
  for (const r of published) {
    if (r.conditionId === null || !r.conditionPublic) continue;
    byCondition.set(r.conditionId, [...(byCondition.get(r.conditionId) ?? []), r]);
  }
  const conditionOutcomes = [...byCondition.entries()]
    .map(([id, list]) => {
      const rep = list.filter((r) => r.painBefore !== null && r.painNow !== null);
      const imp = rep.filter((r) => r.painBefore! - r.painNow! >= MEANINGFUL_PAIN_DROP);
      const fu = list.filter((r) => r.painBefore !== null && answer(r.id, LASTING_RELIEF_WEEKS));
      const last = fu.filter(
        (r) => r.painBefore! - answer(r.id, LASTING_RELIEF_WEEKS)!.painNow >= MEANINGFUL_PAIN_DROP,
      );
      return {
        condition: names.get(id)!,
        improved: figure(imp.length, rep.length),
        lastingRelief: figure(last.length, fu.length),
      };
    })
    .filter((o) => o.improved !== null)
    .sort(
      (a, b) =>
        b.improved!.base - a.improved!.base ||
        a.condition.name.localeCompare(b.condition.name, 'en'),
    );

  const point = (stage: string, weeksAfter: number | null, values: number[]) => ({
    stage,
    weeksAfter,
    n: values.length,
    median: values.length >= MIN_OUTCOME_REPORTS ? median(values) : null,
  });
  const followUpScores = (weeks: number) =>
    withBaseline.flatMap((r) => {
      const a = answer(r.id, weeks);
      return a ? [a.painNow] : [];
    });
  const reliefCurve =
    reports.length >= MIN_OUTCOME_REPORTS
      ? {
          reports: reports.length,
          points: [
            point(
              'before',
              null,
              reports.map((r) => r.painBefore!),
            ),
            point(
              'review',
              null,
              reports.map((r) => r.painNow!),
            ),
            point('week2', 2, followUpScores(2)),
            point('week6', 6, followUpScores(6)),
            point('week12', 12, followUpScores(12)),
          ],
        }
      : null;

  return {
    rating: {
      reviewCount: published.length,
      average:
        published.length > 0
          ? published.reduce((sum, r) => sum + r.rating, 0) / published.length
          : null,
      starCounts,
      outcomeReports: reports.length,
      improvedCount: improved.length,
      followedUpCount: followedUp.length,
      lastingReliefCount: lasting.length,
      pendingCount: rows.filter((r) => r.status === 'pending').length,
      notRecommendedCount: rows.filter((r) => r.status === 'not_recommended').length,
    },
    improved: figure(improved.length, reports.length),
    lastingRelief: figure(lasting.length, followedUp.length),
    conditionOutcomes,
    reliefCurve,
  };
}

function shownFigures(profile: TherapistProfile) {
  return {
    rating: profile.rating,
    improved: profile.improved,
    lastingRelief: profile.lastingRelief,
    conditionOutcomes: profile.conditionOutcomes,
    reliefCurve: profile.reliefCurve,
  };
}

async function expectFiguresToMatch(therapistId: number, slug: string) {
  const profile = await getTherapistProfile(slug);
  expect(profile).not.toBeNull();
  const expected = await expectedFigures(therapistId);
  const shown = shownFigures(profile!);
  // The average to floating-point precision; everything else exactly.
  if (expected.rating.average === null) expect(shown.rating.average).toBeNull();
  else expect(shown.rating.average).toBeCloseTo(expected.rating.average, 9);
  expect({ ...shown, rating: { ...shown.rating, average: null } }).toEqual({
    ...expected,
    rating: { ...expected.rating, average: null },
  });
  // The list behind the figures holds exactly the counted reviews.
  const list = await listTherapistReviews(therapistId, { page: 1, pageSize: 50 });
  expect(list.total).toBe(expected.rating.reviewCount);
  return { profile: profile!, expected };
}

let rich: { id: number; slug: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { therapist } = await createTherapist(database.db);
  rich = { id: therapist.id, slug: therapist.slug };
  const specs = [...generatedSpecs(20_250_601, 70), ...THRESHOLD_SPECS];
  for (const [index, spec] of specs.entries()) await addReview(rich.id, spec, index + 1);
  await recomputeTherapistStats(database.db, [rich.id]);
});

afterAll(async () => {
  await database.dispose();
});

describe('the figures on a profile match the reviews behind them', () => {
  it('average, count, distribution, improved, lasting relief, per condition and the curve', async () => {
    const { profile, expected } = await expectFiguresToMatch(rich.id, rich.slug);
    // The data set reaches every figure (so the comparison above compares something).
    expect(expected.rating.reviewCount).toBeGreaterThan(30);
    expect(expected.rating.pendingCount).toBeGreaterThan(0);
    expect(expected.rating.notRecommendedCount).toBeGreaterThan(0);
    expect(profile.improved).not.toBeNull();
    expect(profile.lastingRelief).not.toBeNull();
    expect(profile.reliefCurve!.points.every((p) => p.median !== null)).toBe(true);
    expect(profile.conditionOutcomes.length).toBeGreaterThan(1);
  });

  it('shows a condition from exactly five public reports, not from four, never private ones', async () => {
    const profile = (await getTherapistProfile(rich.slug))!;
    const slugs = profile.conditionOutcomes.map((o) => o.condition.slug);
    const spasms = profile.conditionOutcomes.find((o) => o.condition.slug === 'muscle-spasms');
    // Generated reviews add their own muscle-spasms reports only if they drew that slug: none do.
    expect(spasms).toEqual({
      condition: { slug: 'muscle-spasms', name: 'Muscle spasms and cramps' },
      improved: { count: 3, base: 5 },
      lastingRelief: { count: 2, base: 5 },
    });
    expect(slugs).not.toContain('stress-tension');
    expect(slugs).not.toContain('tight-shoulders');
  });

  it('the curve gives each point its own number of answers', async () => {
    const profile = (await getTherapistProfile(rich.slug))!;
    const curve = profile.reliefCurve!;
    const [before, review, week2, week6, week12] = curve.points;
    expect(before!.n).toBe(profile.rating.outcomeReports);
    expect(review!.n).toBe(profile.rating.outcomeReports);
    expect(week6!.n).toBe(profile.rating.followedUpCount);
    const answers = async (weeks: number) => {
      const [row] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(reviewFollowUps)
        .innerJoin(reviews, eq(reviews.id, reviewFollowUps.reviewId))
        .where(
          sql`${reviews.therapistId} = ${rich.id} and ${reviews.status} = 'published'
              and ${reviews.painBefore} is not null and ${reviewFollowUps.weeksAfter} = ${weeks}`,
        );
      return row!.n;
    };
    expect(week2!.n).toBe(await answers(2));
    expect(week12!.n).toBe(await answers(12));
    expect(week12!.n).toBeGreaterThanOrEqual(6);
    expect(curve.reports).toBe(profile.rating.outcomeReports);
  });

  it('still match after a follow-up answer and a moderation decision', async () => {
    const [target] = await database.db
      .select({ id: reviews.id })
      .from(reviews)
      .where(
        sql`${reviews.therapistId} = ${rich.id} and ${reviews.status} = 'published' and ${reviews.painBefore} is not null
            and not exists (select 1 from review_follow_ups f where f.review_id = ${reviews.id} and f.weeks_after = 6)`,
      )
      .limit(1);
    const [pending] = await database.db
      .select({ id: reviews.id })
      .from(reviews)
      .where(
        sql`${reviews.therapistId} = ${rich.id} and ${reviews.status} = 'pending'
            and not exists (select 1 from review_follow_ups f where f.review_id = ${reviews.id})`,
      )
      .limit(1);
    expect(target).toBeDefined();
    expect(pending).toBeDefined();
    const before = (await getTherapistProfile(rich.slug))!;
    await database.db.transaction(async (tx) => {
      await tx.insert(reviewFollowUps).values({ reviewId: target!.id, weeksAfter: 6, painNow: 0 });
      await tx
        .update(reviews)
        .set({ status: 'published', publishedAt: new Date(NOW), statusReason: 'meets_guidelines' })
        .where(eq(reviews.id, pending!.id));
      await recomputeTherapistStats(tx, [rich.id]);
    });
    const { profile } = await expectFiguresToMatch(rich.id, rich.slug);
    expect(profile.rating.followedUpCount).toBe(before.rating.followedUpCount + 1);
    expect(profile.rating.lastingReliefCount).toBe(before.rating.lastingReliefCount + 1);
    expect(profile.rating.pendingCount).toBe(before.rating.pendingCount - 1);
    expect(profile.rating.reviewCount).toBe(before.rating.reviewCount + 1);
  });

  it('hold back every outcome figure under five reports', async () => {
    const { therapist } = await createTherapist(database.db);
    for (const [i, before] of [8, 7, 6, 5].entries()) {
      await addReview(
        therapist.id,
        {
          rating: 5,
          status: 'published',
          condition: 'neck-pain',
          conditionPublic: true,
          painBefore: before,
          painNow: 1,
          followUps: [{ weeksAfter: 6, painNow: 1 }],
        },
        i + 1,
      );
    }
    await recomputeTherapistStats(database.db, [therapist.id]);
    const { profile } = await expectFiguresToMatch(therapist.id, therapist.slug);
    expect(profile.rating.outcomeReports).toBe(4);
    expect(profile.improved).toBeNull();
    expect(profile.lastingRelief).toBeNull();
    expect(profile.reliefCurve).toBeNull();
    expect(profile.conditionOutcomes).toEqual([]);
    expect(profile.rating.average).toBe(5);
  });

  it('are empty and zero for a therapist without reviews', async () => {
    const { therapist } = await createTherapist(database.db);
    await recomputeTherapistStats(database.db, [therapist.id]);
    const { profile } = await expectFiguresToMatch(therapist.id, therapist.slug);
    expect(profile.rating).toMatchObject({
      reviewCount: 0,
      average: null,
      starCounts: [0, 0, 0, 0, 0],
    });
  });

  it('match on several generated therapists', async () => {
    for (const seed of [1, 2, 3]) {
      const { therapist } = await createTherapist(database.db);
      for (const [index, spec] of generatedSpecs(seed, 25).entries()) {
        await addReview(therapist.id, spec, index + 1);
      }
      await recomputeTherapistStats(database.db, [therapist.id]);
      await expectFiguresToMatch(therapist.id, therapist.slug);
    }
  });
});

describe('the figures reach search through the outbox', () => {
  it('a new published review changes the search document’s rating after draining', async () => {
    const { therapist } = await createTherapist(database.db);
    for (const [i, rating] of [5, 5, 4].entries()) {
      await addReview(
        therapist.id,
        {
          rating,
          status: 'published',
          condition: null,
          conditionPublic: false,
          painBefore: null,
          painNow: null,
          followUps: [],
        },
        i + 1,
      );
    }
    await recomputeTherapistStats(database.db, [therapist.id]);
    await drainAll({ engines: [] });
    const document = async () => {
      const [row] = await database.db
        .select({
          ratingAverage: searchDocuments.ratingAverage,
          dampedRating: searchDocuments.dampedRating,
          reviewCount: searchDocuments.reviewCount,
        })
        .from(searchDocuments)
        .where(eq(searchDocuments.therapistId, therapist.id));
      return row;
    };
    const before = await document();
    expect(before).toMatchObject({ reviewCount: 3 });
    expect(before!.ratingAverage).toBeCloseTo(14 / 3, 9);

    // The review and the aggregates change in one transaction; the triggers queue the outbox.
    const author = await createMember();
    await database.db.transaction(async (tx) => {
      await createReview(tx, {
        authorId: author.id,
        therapistId: therapist.id,
        rating: 1,
        status: 'published',
        publishedAt: new Date(NOW),
      });
      await recomputeTherapistStats(tx, [therapist.id]);
    });
    // Not yet applied: the document changes only when the outbox is drained.
    expect((await document())!.reviewCount).toBe(3);
    const drained = await drainAll({ engines: [] });
    expect(drained.applied).toBeGreaterThan(0);

    const after = await document();
    const [stats] = await database.db
      .select()
      .from(therapistStats)
      .where(eq(therapistStats.therapistId, therapist.id));
    expect(after!.reviewCount).toBe(4);
    expect(after!.ratingAverage).toBeCloseTo(15 / 4, 9);
    expect(after!.ratingAverage).toBeCloseTo(stats!.ratingAverage!, 9);
    expect(after!.dampedRating).toBeCloseTo(stats!.dampedRating!, 9);
    expect(after!.dampedRating).toBeLessThan(before!.dampedRating);
  });
});
