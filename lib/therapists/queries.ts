import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb, selectRows } from '@/db';
import {
  conditions,
  modalities,
  practiceLocations,
  reviewVotes,
  reviews,
  therapistConditions,
  therapistModalities,
  therapistStats,
  therapists,
  users,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { CARD_MODALITIES } from '@/lib/config';
import { distanceKmSql, withinBoxSql, type LatLng } from '@/lib/geo';
import { toConditionOutcomes, toOutcomeFigure, toReliefCurve, type StageScores } from './outcomes';
import {
  consentedCondition,
  loadFollowUps,
  loadPublishedReplies,
  reviewColumns,
  toReviewContent,
} from './review-rows';
import type { ReviewListQuery } from './review-params';
import type {
  ModalityTag,
  OpeningHoursEntry,
  Page,
  PracticeLocation,
  PriceEntry,
  PublicReview,
  RatingSummary,
  TaxonomyTag,
  TherapistCard,
  TherapistProfile,
} from './types';

export const REVIEWS_PAGE_SIZE = 10;

function toStarCounts(values: readonly number[] | null | undefined): RatingSummary['starCounts'] {
  const v = values ?? [];
  return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0, v[3] ?? 0, v[4] ?? 0];
}

/**
 * Published therapists with a current practice location within `radiusKm` of `place`, best
 * damped rating first, then nearest.
 */
export async function listTherapistsNear(
  place: LatLng,
  options: { radiusKm?: number; limit?: number } = {},
): Promise<TherapistCard[]> {
  const radiusKm = options.radiusKm ?? 40;
  const limit = options.limit ?? 12;
  const db = getDb();
  const distance = distanceKmSql(practiceLocations.latitude, practiceLocations.longitude, place);

  const nearest = db
    .selectDistinctOn([practiceLocations.therapistId], {
      therapistId: practiceLocations.therapistId,
      city: practiceLocations.city,
      region: practiceLocations.region,
      distanceKm: distance.as('distance_km'),
    })
    .from(practiceLocations)
    .where(
      and(
        isNull(practiceLocations.endsOn),
        withinBoxSql(practiceLocations.latitude, practiceLocations.longitude, place, radiusKm),
      ),
    )
    .orderBy(practiceLocations.therapistId, distance)
    .as('nearest');

  const rows = await db
    .select({
      id: therapists.id,
      slug: therapists.slug,
      name: therapists.name,
      credentials: therapists.credentials,
      headline: therapists.headline,
      mobileService: therapists.mobileService,
      city: nearest.city,
      region: nearest.region,
      distanceKm: nearest.distanceKm,
      ratingAverage: therapistStats.ratingAverage,
      reviewCount: therapistStats.reviewCount,
      followedUpCount: therapistStats.followedUpCount,
      lastingReliefCount: therapistStats.lastingReliefCount,
    })
    .from(nearest)
    .innerJoin(therapists, eq(therapists.id, nearest.therapistId))
    .leftJoin(therapistStats, eq(therapistStats.therapistId, therapists.id))
    .where(
      and(eq(therapists.status, 'published'), sql`${nearest.distanceKm} <= ${radiusKm}::float8`),
    )
    .orderBy(
      sql`${therapistStats.dampedRating} desc nulls last`,
      asc(nearest.distanceKm),
      asc(therapists.id),
    )
    .limit(limit);

  const tags = await listModalityTags(rows.map((r) => r.id));
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    credentials: r.credentials,
    headline: r.headline,
    modalities: (tags.get(r.id) ?? []).slice(0, CARD_MODALITIES),
    city: r.city,
    region: r.region,
    distanceKm: Number(r.distanceKm),
    ratingAverage: r.ratingAverage,
    reviewCount: r.reviewCount ?? 0,
    lastingRelief: toOutcomeFigure(r.lastingReliefCount ?? 0, r.followedUpCount ?? 0),
    mobileService: r.mobileService,
  }));
}

/** Modalities of several therapists at once, therapist id -> tags (family, then name order). */
async function listModalityTags(therapistIds: number[]): Promise<Map<number, ModalityTag[]>> {
  const byTherapist = new Map<number, ModalityTag[]>();
  if (therapistIds.length === 0) return byTherapist;
  const rows = await getDb()
    .select({
      therapistId: therapistModalities.therapistId,
      slug: modalities.slug,
      name: modalities.name,
      family: modalities.family,
    })
    .from(therapistModalities)
    .innerJoin(modalities, eq(modalities.id, therapistModalities.modalityId))
    .where(inArray(therapistModalities.therapistId, therapistIds))
    .orderBy(asc(modalities.family), asc(modalities.id));
  for (const { therapistId, ...tag } of rows) {
    const list = byTherapist.get(therapistId) ?? [];
    list.push(tag);
    byTherapist.set(therapistId, list);
  }
  return byTherapist;
}

const HOURS_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Stored opening hours, keeping only well-formed entries, by day then time. */
function toOpeningHours(value: unknown): OpeningHoursEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: OpeningHoursEntry[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry)) continue;
    const { day, opens, closes } = entry;
    if (
      typeof day === 'number' &&
      Number.isInteger(day) &&
      day >= 0 &&
      day <= 6 &&
      typeof opens === 'string' &&
      typeof closes === 'string' &&
      HOURS_TIME.test(opens) &&
      HOURS_TIME.test(closes)
    ) {
      entries.push({ day, opens, closes });
    }
  }
  return entries.sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
}

/** Stored prices, keeping only well-formed entries, in the stored order. */
function toPrices(value: unknown): PriceEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: PriceEntry[] = [];
  for (const entry of value as unknown[]) {
    if (!isRecord(entry)) continue;
    const { service, minutes, dollars } = entry;
    if (
      typeof service === 'string' &&
      service.trim() !== '' &&
      typeof minutes === 'number' &&
      Number.isInteger(minutes) &&
      typeof dollars === 'number' &&
      Number.isInteger(dollars)
    ) {
      entries.push({ service, minutes, dollars });
    }
  }
  return entries;
}

/** The public profile of a published therapist, or null. */
export async function getTherapistProfile(slug: string): Promise<TherapistProfile | null> {
  // The same shape the database allows for a slug; anything else names no therapist.
  if (slug.length > 200 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return null;
  const db = getDb();
  const [row] = await db
    .select({
      id: therapists.id,
      slug: therapists.slug,
      name: therapists.name,
      credentials: therapists.credentials,
      headline: therapists.headline,
      bio: therapists.bio,
      intents: therapists.intents,
      pressureMin: therapists.pressureMin,
      pressureMax: therapists.pressureMax,
      languages: therapists.languages,
      mobileService: therapists.mobileService,
      phone: therapists.phone,
      website: therapists.website,
      bookingUrl: therapists.bookingUrl,
      licenseState: therapists.licenseState,
      licenseNumber: therapists.licenseNumber,
      licenseStatus: therapists.licenseStatus,
      claimedByUserId: therapists.claimedByUserId,
      notTreated: therapists.notTreated,
      referrals: therapists.referrals,
      hours: therapists.hours,
      prices: therapists.prices,
      stats: {
        reviewCount: therapistStats.reviewCount,
        ratingAverage: therapistStats.ratingAverage,
        starCounts: therapistStats.starCounts,
        outcomeReports: therapistStats.outcomeReports,
        improvedCount: therapistStats.improvedCount,
        followedUpCount: therapistStats.followedUpCount,
        lastingReliefCount: therapistStats.lastingReliefCount,
        pendingCount: therapistStats.pendingCount,
        notRecommendedCount: therapistStats.notRecommendedCount,
        conditionOutcomes: therapistStats.conditionOutcomes,
      },
    })
    .from(therapists)
    .leftJoin(therapistStats, eq(therapistStats.therapistId, therapists.id))
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  if (!row) return null;

  const outcomeCounts = row.stats?.conditionOutcomes ?? {};
  const outcomeConditionIds = Object.keys(outcomeCounts).map(Number).filter(Number.isInteger);
  const [modalityTags, conditionTags, locations, stageScores, outcomeConditions] =
    await Promise.all([
      listModalityTags([row.id]),
      db
        .select({ slug: conditions.slug, name: conditions.name })
        .from(therapistConditions)
        .innerJoin(conditions, eq(conditions.id, therapistConditions.conditionId))
        .where(eq(therapistConditions.therapistId, row.id))
        .orderBy(asc(conditions.id)),
      db
        .select({
          name: practiceLocations.name,
          address: practiceLocations.address,
          city: practiceLocations.city,
          region: practiceLocations.region,
          postalCode: practiceLocations.postalCode,
          country: practiceLocations.country,
          latitude: practiceLocations.latitude,
          longitude: practiceLocations.longitude,
          startsOn: practiceLocations.startsOn,
          endsOn: practiceLocations.endsOn,
        })
        .from(practiceLocations)
        .where(eq(practiceLocations.therapistId, row.id))
        .orderBy(
          sql`${practiceLocations.endsOn} desc nulls first`,
          desc(practiceLocations.startsOn),
        ),
      listStageScores(row.id),
      outcomeConditionIds.length > 0
        ? db
            .select({ id: conditions.id, slug: conditions.slug, name: conditions.name })
            .from(conditions)
            .where(inArray(conditions.id, outcomeConditionIds))
        : Promise.resolve([]),
    ]);

  const s = row.stats;
  const rating: RatingSummary = {
    reviewCount: s?.reviewCount ?? 0,
    average: s?.ratingAverage ?? null,
    starCounts: toStarCounts(s?.starCounts),
    outcomeReports: s?.outcomeReports ?? 0,
    improvedCount: s?.improvedCount ?? 0,
    followedUpCount: s?.followedUpCount ?? 0,
    lastingReliefCount: s?.lastingReliefCount ?? 0,
    pendingCount: s?.pendingCount ?? 0,
    notRecommendedCount: s?.notRecommendedCount ?? 0,
  };

  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    credentials: row.credentials,
    headline: row.headline,
    bio: row.bio,
    intents: row.intents,
    pressureMin: row.pressureMin,
    pressureMax: row.pressureMax,
    languages: row.languages,
    mobileService: row.mobileService,
    phone: row.phone,
    website: row.website,
    bookingUrl: row.bookingUrl,
    license:
      row.licenseState && row.licenseNumber
        ? { state: row.licenseState, number: row.licenseNumber, status: row.licenseStatus }
        : null,
    claimed: row.claimedByUserId !== null,
    notTreated: row.notTreated,
    referrals: row.referrals,
    hours: toOpeningHours(row.hours),
    prices: toPrices(row.prices),
    modalities: modalityTags.get(row.id) ?? [],
    conditions: conditionTags satisfies TaxonomyTag[],
    locations: locations.map((l): PracticeLocation => ({ ...l, current: l.endsOn === null })),
    rating,
    improved: toOutcomeFigure(rating.improvedCount, rating.outcomeReports),
    lastingRelief: toOutcomeFigure(rating.lastingReliefCount, rating.followedUpCount),
    reliefCurve: toReliefCurve(stageScores),
    conditionOutcomes: toConditionOutcomes(
      outcomeCounts,
      new Map(outcomeConditions.map(({ id, ...tag }) => [id, tag])),
    ),
  };
}

/**
 * Median pain of a therapist's published reviews at each stage. "Before" and "at review" come
 * from the outcome reports (pain given before and now); each follow-up from the answers of
 * reviewers who gave their pain before (the base of lasting relief).
 */
async function listStageScores(therapistId: number): Promise<StageScores[]> {
  const rows = await selectRows<{
    stage: StageScores['stage'];
    weeks_after: number | null;
    n: number;
    median: number | null;
  }>(
    getDb(),
    sql`with published as (
          select id, pain_before, pain_now from reviews
          where therapist_id = ${therapistId} and status = 'published' and pain_before is not null
        ),
        reports as (select * from published where pain_now is not null)
        select 'before' as stage, null::int as weeks_after, count(*)::int as n,
               percentile_cont(0.5) within group (order by pain_before)::float8 as median
          from reports
        union all
        select 'review', null::int, count(*)::int,
               percentile_cont(0.5) within group (order by pain_now)::float8
          from reports
        union all
        select 'follow_up', fu.weeks_after::int, count(*)::int,
               percentile_cont(0.5) within group (order by fu.pain_now)::float8
          from published p join review_follow_ups fu on fu.review_id = p.id
          group by fu.weeks_after`,
  );
  return rows.map((r) => ({
    stage: r.stage,
    weeksAfter: r.weeks_after === null ? null : Number(r.weeks_after),
    n: Number(r.n),
    median: r.median === null ? null : Number(r.median),
  }));
}

/** Options of `listTherapistReviews`: the address's settings, a page size, and who is looking. */
export interface ReviewListOptions extends Partial<Omit<ReviewListQuery, 'page'>> {
  page: number;
  pageSize?: number;
  /** The signed-in viewer, for their votes and to know their own review; null when signed out. */
  viewer?: Pick<Viewer, 'userId'> | null;
}

/**
 * Published reviews of a therapist, one page at a time, filtered and sorted as asked (newest
 * first when no sort is given). Pending, not recommended and removed reviews never appear.
 */
export async function listTherapistReviews(
  therapistId: number,
  options: ReviewListOptions,
): Promise<Page<PublicReview>> {
  const db = getDb();
  const pageSize = Math.min(Math.max(1, options.pageSize ?? REVIEWS_PAGE_SIZE), 50);
  const page = Math.max(1, Math.floor(options.page));
  const viewerId = options.viewer?.userId ?? null;
  const filters: SQL[] = [eq(reviews.therapistId, therapistId), eq(reviews.status, 'published')];
  if (options.condition) {
    // Only reviews whose reviewer chose to show the condition: a private one is never matched.
    filters.push(
      eq(reviews.conditionPublic, true),
      sql`${reviews.conditionId} = (select ${conditions.id} from ${conditions} where ${conditions.slug} = ${options.condition})`,
    );
  }
  if (options.intent) filters.push(eq(reviews.intent, options.intent));
  if (options.stars) filters.push(eq(reviews.rating, options.stars));
  const where = and(...filters);

  const [totalRow] = await db.select({ total: count() }).from(reviews).where(where);
  const total = totalRow?.total ?? 0;

  const helpfulCount = sql<number>`(select count(*) from ${reviewVotes} where ${reviewVotes.reviewId} = ${reviews.id})::int`;
  const newest = [desc(reviews.publishedAt), desc(reviews.id)];
  const order = {
    helpful: [desc(helpfulCount), ...newest],
    newest,
    highest: [desc(reviews.rating), ...newest],
    lowest: [asc(reviews.rating), ...newest],
  }[options.sort ?? 'newest'];

  const rows = await db
    .select({
      ...reviewColumns,
      publishedAt: reviews.publishedAt,
      helpfulCount,
      voted: viewerId
        ? sql<boolean>`exists (select 1 from ${reviewVotes} where ${reviewVotes.reviewId} = ${reviews.id} and ${reviewVotes.userId} = ${viewerId})`
        : sql<boolean>`false`,
      own: viewerId
        ? sql<boolean>`coalesce(${reviews.authorId} = ${viewerId}, false)`
        : sql<boolean>`false`,
    })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(conditions, consentedCondition)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const ids = rows.map((r) => r.id);
  const [followUps, replies] = await Promise.all([loadFollowUps(ids), loadPublishedReplies(ids)]);
  const items = rows.map((r): PublicReview => ({
    ...toReviewContent(r, followUps.get(r.id) ?? []),
    reply: replies.get(r.id) ?? null,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    helpful: {
      count: Number(r.helpfulCount),
      voted: Boolean(r.voted),
      viewer: viewerId === null ? 'signed_out' : r.own ? 'author' : 'member',
    },
  }));

  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
