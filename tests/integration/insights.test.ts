/**
 * Owner insights: aggregate counting of search appearances and profile opens, and the monthly
 * and weekly figures of the owner's listing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeTherapistStats } from '@/db/aggregates';
import { openDatabase, selectRows } from '@/db';
import { listingDailyCounts, therapistStats, type ReviewStatus } from '@/db/schema';
import {
  recordProfileView,
  recordSearchAppearances,
  recordSearchAppearancesBySlug,
} from '@/lib/insights/counts';
import { getListingInsights } from '@/lib/insights/queries';
import type { FollowUpWeeks } from '@/db/aggregates';
import { createReview, createTherapist } from '../factories';
import { confirmedViewer, createMember, ownedListing, signedInViewer } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { failure } from '../support/errors';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

async function countsOf(therapistId: number) {
  return database.db
    .select({
      day: listingDailyCounts.day,
      searchAppearances: listingDailyCounts.searchAppearances,
      profileViews: listingDailyCounts.profileViews,
    })
    .from(listingDailyCounts)
    .where(eq(listingDailyCounts.therapistId, therapistId))
    .orderBy(listingDailyCounts.day);
}

async function dayCounts(therapistId: number, day: string) {
  const [row] = await database.db
    .select({
      searchAppearances: listingDailyCounts.searchAppearances,
      profileViews: listingDailyCounts.profileViews,
    })
    .from(listingDailyCounts)
    .where(and(eq(listingDailyCounts.therapistId, therapistId), eq(listingDailyCounts.day, day)));
  return row ?? { searchAppearances: 0, profileViews: 0 };
}

async function outboxRows(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from search_outbox`,
  );
  return Number(row?.n ?? 0);
}

const at = (iso: string) => new Date(iso);

/* ------------------------------------------------------------------------------------------ */
/* Counting                                                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('counting appearances and opens', () => {
  it('keeps two numbers per listing and day, and no column about the visitor', async () => {
    const columns = await selectRows<{ column_name: string }>(
      database.db,
      sql`select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = 'listing_daily_counts'
          order by ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'therapist_id',
      'day',
      'search_appearances',
      'profile_views',
    ]);
  });

  it('counts each listing on a page of results once, and adds up per UTC day', async () => {
    const a = await ownedListing();
    const b = await ownedListing();
    expect(
      await recordSearchAppearances(
        [a.therapistId, b.therapistId, a.therapistId],
        at('2025-05-01T10:00:00Z'),
      ),
    ).toBe(true);
    await recordSearchAppearances([a.therapistId], at('2025-05-01T23:59:59Z'));
    await recordSearchAppearances([a.therapistId], at('2025-05-02T00:00:01Z'));
    await recordSearchAppearancesBySlug([b.slug, b.slug], at('2025-05-02T08:00:00Z'));

    expect(await countsOf(a.therapistId)).toEqual([
      { day: '2025-05-01', searchAppearances: 2, profileViews: 0 },
      { day: '2025-05-02', searchAppearances: 1, profileViews: 0 },
    ]);
    expect(await countsOf(b.therapistId)).toEqual([
      { day: '2025-05-01', searchAppearances: 1, profileViews: 0 },
      { day: '2025-05-02', searchAppearances: 1, profileViews: 0 },
    ]);
    expect(await recordSearchAppearances([], at('2025-05-02T08:00:00Z'))).toBe(false);
  });

  it('loses no increment when many requests count at once', async () => {
    const { therapistId, slug } = await ownedListing();
    const { viewer: visitor } = await signedInViewer();
    const now = at('2025-05-03T12:00:00Z');
    const results = await Promise.all([
      ...Array.from({ length: 15 }, () => recordSearchAppearances([therapistId], now)),
      ...Array.from({ length: 10 }, () => recordSearchAppearancesBySlug([slug], now)),
      ...Array.from({ length: 12 }, () => recordProfileView(therapistId, visitor, BROWSER, now)),
      ...Array.from({ length: 8 }, () => recordProfileView(therapistId, null, BROWSER, now)),
    ]);
    expect(results.every(Boolean)).toBe(true);
    expect(await dayCounts(therapistId, '2025-05-03')).toEqual({
      searchAppearances: 25,
      profileViews: 20,
    });
  });

  it('does not count the owner opening their own profile, robots, or a request without a user-agent', async () => {
    const { viewer, therapistId } = await ownedListing();
    const { viewer: visitor } = await signedInViewer();
    const now = at('2025-05-04T12:00:00Z');
    expect(await recordProfileView(therapistId, viewer, BROWSER, now)).toBe(false);
    expect(await recordProfileView(therapistId, null, GOOGLEBOT, now)).toBe(false);
    expect(await recordProfileView(therapistId, visitor, null, now)).toBe(false);
    expect(await recordProfileView(therapistId, visitor, BROWSER, now)).toBe(true);
    expect(await recordProfileView(therapistId, null, BROWSER, now)).toBe(true);
    expect(await dayCounts(therapistId, '2025-05-04')).toEqual({
      searchAppearances: 0,
      profileViews: 2,
    });
  });

  it('counts opens of an unclaimed listing by anyone', async () => {
    const { therapist } = await createTherapist(database.db, {
      status: 'published',
      claimedByUserId: null,
    });
    const { viewer: visitor } = await signedInViewer();
    const now = at('2025-05-05T12:00:00Z');
    expect(await recordProfileView(therapist.id, visitor, BROWSER, now)).toBe(true);
    expect(await recordProfileView(therapist.id, null, BROWSER, now)).toBe(true);
    expect(await dayCounts(therapist.id, '2025-05-05')).toEqual({
      searchAppearances: 0,
      profileViews: 2,
    });
  });

  it('counts only published listings, and ignores unknown ones', async () => {
    const { therapist: hidden } = await createTherapist(database.db, { status: 'hidden' });
    const { therapist: pending } = await createTherapist(database.db, { status: 'pending' });
    const now = at('2025-05-06T12:00:00Z');
    expect(await recordSearchAppearances([hidden.id, pending.id], now)).toBe(false);
    expect(await recordSearchAppearancesBySlug([hidden.slug], now)).toBe(false);
    expect(await recordProfileView(pending.id, null, BROWSER, now)).toBe(false);
    expect(await recordProfileView(2_000_000_000, null, BROWSER, now)).toBe(false);
    expect(await countsOf(hidden.id)).toEqual([]);
    expect(await countsOf(pending.id)).toEqual([]);
  });

  it('never writes to the search outbox', async () => {
    const { therapistId, slug } = await ownedListing();
    const before = await outboxRows();
    const now = at('2025-05-07T12:00:00Z');
    await recordSearchAppearances([therapistId], now);
    await recordSearchAppearancesBySlug([slug], now);
    await recordProfileView(therapistId, null, BROWSER, now);
    expect(await dayCounts(therapistId, '2025-05-07')).toEqual({
      searchAppearances: 2,
      profileViews: 1,
    });
    expect(await outboxRows()).toBe(before);
  });

  it('reports a failure to count instead of throwing it', async () => {
    const { therapistId } = await ownedListing();
    const closed = openDatabase({ dataDir: 'memory://' });
    await closed.close();
    expect(await recordSearchAppearances([therapistId], new Date(), closed.db)).toBe(false);
    expect(await recordProfileView(therapistId, null, BROWSER, new Date(), closed.db)).toBe(false);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Figures                                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface Seeded {
  publishedAt: string;
  rating: number;
  pain?: [number, number];
  followUps?: { weeksAfter: FollowUpWeeks; painNow: number }[];
  status?: ReviewStatus;
}

async function seedReviews(therapistId: number, list: readonly Seeded[]): Promise<void> {
  for (const item of list) {
    const author = await createMember();
    const moment = at(item.publishedAt);
    const status = item.status ?? 'published';
    await createReview(database.db, {
      authorId: author.id,
      therapistId,
      status,
      statusReason: status === 'published' ? null : 'new_account',
      rating: item.rating,
      painBefore: item.pain?.[0] ?? null,
      painNow: item.pain?.[1] ?? null,
      createdAt: moment,
      updatedAt: moment,
      publishedAt: status === 'published' ? moment : null,
      followUps: (item.followUps ?? []).map((f) => ({
        ...f,
        answeredAt: new Date(moment.getTime() + f.weeksAfter * 7 * 86_400_000),
      })),
    });
  }
  await recomputeTherapistStats(database.db, [therapistId]);
}

describe('insights of the owner’s listing', () => {
  const NOW = at('2025-06-15T12:00:00Z');

  it('computes monthly review figures for the last 12 months, empty months included', async () => {
    const { viewer, therapistId } = await ownedListing();
    await seedReviews(therapistId, [
      // Before the 12 months: only in the running average.
      { publishedAt: '2024-03-10T09:00:00Z', rating: 2 },
      // January 2025: 4 published reviews, 3 outcome reports (2 improved), 3 six-week answers.
      {
        publishedAt: '2025-01-10T09:00:00Z',
        rating: 5,
        pain: [8, 3],
        followUps: [
          { weeksAfter: 2, painNow: 3 },
          { weeksAfter: 6, painNow: 2 },
        ],
      },
      {
        publishedAt: '2025-01-20T09:00:00Z',
        rating: 4,
        pain: [6, 5],
        followUps: [{ weeksAfter: 6, painNow: 5 }],
      },
      {
        publishedAt: '2025-01-25T09:00:00Z',
        rating: 3,
        pain: [7, 5],
        followUps: [{ weeksAfter: 6, painNow: 5 }],
      },
      {
        // No pain scores: not an outcome report, and its follow-up does not count.
        publishedAt: '2025-01-31T23:30:00Z',
        rating: 5,
        followUps: [{ weeksAfter: 6, painNow: 1 }],
      },
      { publishedAt: '2025-01-15T09:00:00Z', rating: 1, pain: [9, 1], status: 'not_recommended' },
      // March 2025: 2 reports, below the 3 needed for a share.
      { publishedAt: '2025-03-05T09:00:00Z', rating: 4, pain: [5, 1] },
      { publishedAt: '2025-03-06T09:00:00Z', rating: 2, pain: [4, 4] },
      { publishedAt: '2025-03-07T09:00:00Z', rating: 1, status: 'pending' },
      // June 2025: one before now, one after it (not yet).
      { publishedAt: '2025-06-01T00:10:00Z', rating: 5, pain: [9, 2] },
      { publishedAt: '2025-06-20T09:00:00Z', rating: 1, pain: [3, 3] },
    ]);

    const insights = await getListingInsights(viewer, NOW);
    expect(insights.listing.therapistId).toBe(therapistId);
    expect(insights.asOf).toBe('2025-06-15');
    expect(insights.months.map((m) => m.month)).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    const month = (key: string) => {
      const found = insights.months.find((m) => m.month === key);
      if (!found) throw new Error(`no month ${key}`);
      return found;
    };

    expect(month('2024-07')).toEqual({
      month: '2024-07',
      reviews: 0,
      ratingAverage: null,
      reviewsToDate: 1,
      averageToDate: 2,
      outcomeReports: 0,
      improved: 0,
      improvedShare: null,
      followedUp: 0,
      lasting: 0,
      lastingShare: null,
    });
    expect(month('2025-01')).toEqual({
      month: '2025-01',
      reviews: 4,
      ratingAverage: 4.25,
      reviewsToDate: 5,
      averageToDate: 19 / 5,
      outcomeReports: 3,
      improved: 2,
      improvedShare: 2 / 3,
      followedUp: 3,
      lasting: 2,
      lastingShare: 2 / 3,
    });
    expect(month('2025-02')).toMatchObject({ reviews: 0, ratingAverage: null, reviewsToDate: 5 });
    expect(month('2025-03')).toMatchObject({
      reviews: 2,
      ratingAverage: 3,
      reviewsToDate: 7,
      averageToDate: 25 / 7,
      outcomeReports: 2,
      improved: 1,
      improvedShare: null,
      followedUp: 0,
      lastingShare: null,
    });
    expect(month('2025-06')).toMatchObject({
      reviews: 1,
      ratingAverage: 5,
      reviewsToDate: 8,
      averageToDate: 30 / 8,
      outcomeReports: 1,
      improved: 1,
    });
    expect(insights.minMonthlyReports).toBe(3);
  });

  it('uses the same definitions as the listing’s public figures', async () => {
    const { viewer, therapistId } = await ownedListing();
    await seedReviews(therapistId, [
      {
        publishedAt: '2024-09-02T09:00:00Z',
        rating: 4,
        pain: [7, 4],
        followUps: [{ weeksAfter: 6, painNow: 4 }],
      },
      {
        publishedAt: '2024-09-12T09:00:00Z',
        rating: 5,
        pain: [6, 5],
        followUps: [{ weeksAfter: 6, painNow: 3 }],
      },
      {
        publishedAt: '2024-11-02T09:00:00Z',
        rating: 3,
        pain: [8, 8],
        followUps: [{ weeksAfter: 6, painNow: 7 }],
      },
      {
        publishedAt: '2025-02-02T09:00:00Z',
        rating: 2,
        pain: [3, 1],
        followUps: [{ weeksAfter: 12, painNow: 0 }],
      },
      {
        publishedAt: '2025-02-03T09:00:00Z',
        rating: 5,
        followUps: [{ weeksAfter: 6, painNow: 0 }],
      },
      { publishedAt: '2025-04-03T09:00:00Z', rating: 4, pain: [10, 0] },
      { publishedAt: '2025-04-04T09:00:00Z', rating: 1, pain: [2, 3], status: 'removed' },
    ]);
    const insights = await getListingInsights(viewer, NOW);
    const [stats] = await database.db
      .select()
      .from(therapistStats)
      .where(eq(therapistStats.therapistId, therapistId));
    if (!stats) throw new Error('no stats');
    const sum = (pick: (m: (typeof insights.months)[number]) => number) =>
      insights.months.reduce((total, m) => total + pick(m), 0);

    expect(sum((m) => m.reviews)).toBe(stats.reviewCount);
    expect(sum((m) => m.outcomeReports)).toBe(stats.outcomeReports);
    expect(sum((m) => m.improved)).toBe(stats.improvedCount);
    expect(sum((m) => m.followedUp)).toBe(stats.followedUpCount);
    expect(sum((m) => m.lasting)).toBe(stats.lastingReliefCount);
    const last = insights.months[insights.months.length - 1];
    expect(last?.reviewsToDate).toBe(stats.reviewCount);
    expect(last?.averageToDate).toBeCloseTo(stats.ratingAverage ?? Number.NaN, 10);
    // And the known values, so that agreeing is not agreeing on nothing.
    expect([stats.reviewCount, stats.outcomeReports, stats.improvedCount]).toEqual([6, 5, 3]);
    expect([stats.followedUpCount, stats.lastingReliefCount]).toEqual([3, 2]);
  });

  it('adds up appearances and opens per week, with the 12 weeks before for comparison', async () => {
    const { viewer, therapistId } = await ownedListing();
    const appear = (iso: string, times = 1) =>
      Promise.all(
        Array.from({ length: times }, () => recordSearchAppearances([therapistId], at(iso))),
      );
    const open = (iso: string, times = 1) =>
      Promise.all(
        Array.from({ length: times }, () => recordProfileView(therapistId, null, BROWSER, at(iso))),
      );
    // This week: June 9 to 15.
    await appear('2025-06-15T08:00:00Z', 2);
    await appear('2025-06-09T00:00:00Z');
    await open('2025-06-12T12:00:00Z', 2);
    // The week before: June 2 to 8.
    await appear('2025-06-08T23:59:00Z', 4);
    // The first of the 12 weeks: March 24 to 30.
    await appear('2025-03-24T01:00:00Z', 5);
    await open('2025-03-30T23:00:00Z');
    // The 12 weeks before: December 30 to March 23.
    await appear('2025-03-23T12:00:00Z', 7);
    await appear('2024-12-30T00:00:00Z', 3);
    await open('2025-02-01T12:00:00Z', 6);
    // Older than both periods, and after now: neither counts.
    await appear('2024-12-29T23:59:00Z', 50);
    await appear('2025-06-16T12:00:00Z', 50);

    const { weeks, totals } = await getListingInsights(viewer, NOW);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({
      start: '2025-03-24',
      end: '2025-03-30',
      searchAppearances: 5,
      profileViews: 1,
    });
    expect(weeks[10]).toEqual({
      start: '2025-06-02',
      end: '2025-06-08',
      searchAppearances: 4,
      profileViews: 0,
    });
    expect(weeks[11]).toEqual({
      start: '2025-06-09',
      end: '2025-06-15',
      searchAppearances: 3,
      profileViews: 2,
    });
    expect(weeks.slice(1, 10).every((w) => w.searchAppearances === 0 && w.profileViews === 0)).toBe(
      true,
    );
    expect(totals).toEqual({
      current: { searchAppearances: 12, profileViews: 3 },
      previous: { searchAppearances: 10, profileViews: 6 },
    });
  });

  it('is refused to members, unconfirmed therapists and therapists without a listing', async () => {
    expect((await failure(getListingInsights(null, NOW))).code).toBe('unauthorized');
    expect((await failure(getListingInsights((await signedInViewer()).viewer, NOW))).code).toBe(
      'forbidden',
    );
    const { viewer: noPasskey } = await signedInViewer({ role: 'therapist' });
    expect((await failure(getListingInsights(noPasskey, NOW))).code).toBe('second_factor');
    const { viewer: unconfirmed } = await signedInViewer({ role: 'therapist' }, { passkey: true });
    await createTherapist(database.db, {
      status: 'published',
      claimedByUserId: unconfirmed.userId,
    });
    expect((await failure(getListingInsights(unconfirmed, NOW))).code).toBe('second_factor');
    const { viewer: withoutListing } = await confirmedViewer('therapist');
    expect((await failure(getListingInsights(withoutListing, NOW))).code).toBe('forbidden');
  });

  it('shows another owner only their own listing', async () => {
    const first = await ownedListing();
    const second = await ownedListing();
    await seedReviews(first.therapistId, [{ publishedAt: '2025-05-05T09:00:00Z', rating: 5 }]);
    await recordSearchAppearances([first.therapistId], at('2025-06-14T09:00:00Z'));

    const theirs = await getListingInsights(second.viewer, NOW);
    expect(theirs.listing.therapistId).toBe(second.therapistId);
    expect(theirs.months.every((m) => m.reviews === 0 && m.reviewsToDate === 0)).toBe(true);
    expect(theirs.totals.current).toEqual({ searchAppearances: 0, profileViews: 0 });

    const own = await getListingInsights(first.viewer, NOW);
    expect(own.months.find((m) => m.month === '2025-05')?.reviews).toBe(1);
    expect(own.totals.current.searchAppearances).toBe(1);
  });
});
