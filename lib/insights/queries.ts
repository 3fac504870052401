import 'server-only';
import { sql } from 'drizzle-orm';
import { LASTING_RELIEF_WEEKS, MEANINGFUL_PAIN_DROP } from '@/db/aggregates';
import { getDb, selectRows, type Executor } from '@/db';
import type { Viewer } from '@/lib/auth/viewer';
import { requireListingOwner } from '@/lib/listings/owner';
import { addDays, lastMonths, lastWeeks, utcDay } from './periods';
import type { InsightsMonth, InsightsWeek, ListingInsights, VisitTotals } from './types';

/** How many months and weeks the charts cover. */
export const INSIGHT_MONTHS = 12;
export const INSIGHT_WEEKS = 12;
/**
 * A month's outcome share is shown from this many reports up: below it, one reviewer would move
 * the line by a third or more. Lower than the public threshold because the owner also sees the
 * number of reports beside every point.
 */
export const MIN_MONTHLY_REPORTS = 3;

interface MonthRow extends Record<string, unknown> {
  month: string;
  reviews: number;
  rating_sum: number;
  outcome_reports: number;
  improved: number;
  followed_up: number;
  lasting: number;
}

/**
 * Per UTC month of publication, the listing's published reviews as `therapist_stats` counts
 * them (db/aggregates.ts): an outcome report has pain before and now; improved is a drop of
 * MEANINGFUL_PAIN_DROP or more; lasting relief is the LASTING_RELIEF_WEEKS follow-up of a review
 * with pain before, still that far below it. Only what had happened by `now` counts.
 */
async function monthlyReviewRows(
  executor: Executor,
  therapistId: number,
  now: Date,
): Promise<MonthRow[]> {
  const until = now.toISOString();
  return selectRows<MonthRow>(
    executor,
    sql`
      select
        to_char(date_trunc('month', rv.published_at at time zone 'UTC'), 'YYYY-MM') as month,
        count(*)::int as reviews,
        coalesce(sum(rv.rating), 0)::int as rating_sum,
        count(*) filter (where rv.pain_before is not null and rv.pain_now is not null)::int
          as outcome_reports,
        count(*) filter (where rv.pain_before - rv.pain_now >= ${MEANINGFUL_PAIN_DROP})::int
          as improved,
        count(fu.review_id)::int as followed_up,
        count(*) filter (where rv.pain_before - fu.pain_now >= ${MEANINGFUL_PAIN_DROP})::int
          as lasting
      from reviews rv
      left join review_follow_ups fu
        on fu.review_id = rv.id and fu.weeks_after = ${LASTING_RELIEF_WEEKS}
        and rv.pain_before is not null and fu.answered_at <= ${until}::timestamptz
      where rv.therapist_id = ${therapistId} and rv.status = 'published'
        and rv.published_at <= ${until}::timestamptz
      group by 1
      order by 1
    `,
  );
}

interface DayRow extends Record<string, unknown> {
  day: string;
  search_appearances: number;
  profile_views: number;
}

async function dailyCountRows(
  executor: Executor,
  therapistId: number,
  from: string,
  to: string,
): Promise<DayRow[]> {
  return selectRows<DayRow>(
    executor,
    sql`
      select to_char(day, 'YYYY-MM-DD') as day, search_appearances, profile_views
      from listing_daily_counts
      where therapist_id = ${therapistId} and day between ${from}::date and ${to}::date
    `,
  );
}

function shareOf(count: number, base: number): number | null {
  return base >= MIN_MONTHLY_REPORTS ? count / base : null;
}

/** The last months, every one present, with the running average carried across them. */
function fillMonths(rows: readonly MonthRow[], months: readonly string[]): InsightsMonth[] {
  const first = months[0] ?? '';
  let reviewsToDate = 0;
  let ratingSumToDate = 0;
  for (const row of rows) {
    if (row.month < first) {
      reviewsToDate += Number(row.reviews);
      ratingSumToDate += Number(row.rating_sum);
    }
  }
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return months.map((month) => {
    const row = byMonth.get(month);
    const reviews = Number(row?.reviews ?? 0);
    const ratingSum = Number(row?.rating_sum ?? 0);
    const outcomeReports = Number(row?.outcome_reports ?? 0);
    const improved = Number(row?.improved ?? 0);
    const followedUp = Number(row?.followed_up ?? 0);
    const lasting = Number(row?.lasting ?? 0);
    reviewsToDate += reviews;
    ratingSumToDate += ratingSum;
    return {
      month,
      reviews,
      ratingAverage: reviews > 0 ? ratingSum / reviews : null,
      reviewsToDate,
      averageToDate: reviewsToDate > 0 ? ratingSumToDate / reviewsToDate : null,
      outcomeReports,
      improved,
      improvedShare: shareOf(improved, outcomeReports),
      followedUp,
      lasting,
      lastingShare: shareOf(lasting, followedUp),
    };
  });
}

function emptyTotals(): VisitTotals {
  return { searchAppearances: 0, profileViews: 0 };
}

/**
 * The insights of the viewer's own listing: monthly review figures for the last 12 months and
 * weekly search appearances and profile openings for the last 12 weeks, with the 12 weeks before
 * for comparison. Only the listing's owner (confirmed with a passkey) sees them.
 */
export async function getListingInsights(
  viewer: Viewer | null,
  now: Date = new Date(),
  executor: Executor = getDb(),
): Promise<ListingInsights> {
  const listing = await requireListingOwner(viewer, executor);
  const months = lastMonths(now, INSIGHT_MONTHS);
  const weekRanges = lastWeeks(now, INSIGHT_WEEKS);
  const today = utcDay(now);
  const currentStart = weekRanges[0]?.start ?? today;
  const previousStart = addDays(currentStart, -7 * INSIGHT_WEEKS);

  const [monthRows, dayRows] = await Promise.all([
    monthlyReviewRows(executor, listing.therapistId, now),
    dailyCountRows(executor, listing.therapistId, previousStart, today),
  ]);

  const weeks: InsightsWeek[] = weekRanges.map((range) => ({
    ...range,
    searchAppearances: 0,
    profileViews: 0,
  }));
  const previous = emptyTotals();
  for (const row of dayRows) {
    const appearances = Number(row.search_appearances);
    const views = Number(row.profile_views);
    const week = weeks.find((w) => row.day >= w.start && row.day <= w.end);
    if (week) {
      week.searchAppearances += appearances;
      week.profileViews += views;
    } else if (row.day < currentStart) {
      previous.searchAppearances += appearances;
      previous.profileViews += views;
    }
  }
  const current = weeks.reduce<VisitTotals>(
    (sum, week) => ({
      searchAppearances: sum.searchAppearances + week.searchAppearances,
      profileViews: sum.profileViews + week.profileViews,
    }),
    emptyTotals(),
  );

  return {
    listing: {
      therapistId: listing.therapistId,
      name: listing.name,
      slug: listing.slug,
      status: listing.status,
    },
    asOf: today,
    months: fillMonths(monthRows, months),
    weeks,
    totals: { current, previous },
    minMonthlyReports: MIN_MONTHLY_REPORTS,
    painDrop: MEANINGFUL_PAIN_DROP,
    lastingWeeks: LASTING_RELIEF_WEEKS,
  };
}
