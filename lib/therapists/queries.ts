import 'server-only';
import { CARD_MODALITIES } from '@/lib/config';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  conditions,
  modalities,
  practiceLocations,
  reviewFollowUps,
  reviews,
  therapistConditions,
  therapistModalities,
  therapistStats,
  therapists,
  users,
} from '@/db/schema';
import { distanceKmSql, withinBoxSql, type LatLng } from '@/lib/geo';
import { toOutcomeFigure } from './outcomes';
import type {
  ModalityTag,
  Page,
  PracticeLocation,
  PublicReview,
  RatingSummary,
  TaxonomyTag,
  TherapistCard,
  TherapistProfile,
} from './types';

export const REVIEWS_PAGE_SIZE = 10;
const ANONYMISED_AUTHOR = 'Former member';

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
      },
    })
    .from(therapists)
    .leftJoin(therapistStats, eq(therapistStats.therapistId, therapists.id))
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  if (!row) return null;

  const [modalityTags, conditionTags, locations] = await Promise.all([
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
      .orderBy(sql`${practiceLocations.endsOn} desc nulls first`, desc(practiceLocations.startsOn)),
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
    modalities: modalityTags.get(row.id) ?? [],
    conditions: conditionTags satisfies TaxonomyTag[],
    locations: locations.map((l): PracticeLocation => ({ ...l, current: l.endsOn === null })),
    rating,
    improved: toOutcomeFigure(rating.improvedCount, rating.outcomeReports),
    lastingRelief: toOutcomeFigure(rating.lastingReliefCount, rating.followedUpCount),
  };
}

/** Published reviews of a therapist, newest first, one page at a time. */
export async function listTherapistReviews(
  therapistId: number,
  options: { page: number; pageSize?: number },
): Promise<Page<PublicReview>> {
  const db = getDb();
  const pageSize = Math.min(Math.max(1, options.pageSize ?? REVIEWS_PAGE_SIZE), 50);
  const page = Math.max(1, Math.floor(options.page));
  const published = and(eq(reviews.therapistId, therapistId), eq(reviews.status, 'published'));

  const [totalRow] = await db.select({ total: count() }).from(reviews).where(published);
  const total = totalRow?.total ?? 0;

  const rows = await db
    .select({
      id: reviews.id,
      authorName: users.displayName,
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      visitMonth: reviews.visitMonth,
      sessionsCount: reviews.sessionsCount,
      intent: reviews.intent,
      conditionPublic: reviews.conditionPublic,
      conditionSlug: conditions.slug,
      conditionName: conditions.name,
      painBefore: reviews.painBefore,
      painNow: reviews.painNow,
      pressureWanted: reviews.pressureWanted,
      pressureReceived: reviews.pressureReceived,
      pressureAdjusted: reviews.pressureAdjusted,
      assessedBefore: reviews.assessedBefore,
      explainedCause: reviews.explainedCause,
      gaveHomeCare: reviews.gaveHomeCare,
      setExpectations: reviews.setExpectations,
      referredOut: reviews.referredOut,
      wouldRecommend: reviews.wouldRecommend,
      publishedAt: reviews.publishedAt,
      version: reviews.version,
    })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(
      conditions,
      and(eq(conditions.id, reviews.conditionId), eq(reviews.conditionPublic, true)),
    )
    .where(published)
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const followUps = new Map<number, PublicReview['followUps']>();
  if (rows.length > 0) {
    const answers = await db
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
      )
      .orderBy(asc(reviewFollowUps.weeksAfter));
    for (const { reviewId, ...answer } of answers) {
      const list = followUps.get(reviewId) ?? [];
      list.push(answer);
      followUps.set(reviewId, list);
    }
  }

  const items = rows.map((r): PublicReview => ({
    id: r.id,
    authorName: r.authorName ?? ANONYMISED_AUTHOR,
    rating: r.rating,
    title: r.title,
    body: r.body,
    visitMonth: r.visitMonth ? r.visitMonth.slice(0, 7) : null,
    sessionsCount: r.sessionsCount,
    intent: r.intent,
    condition:
      r.conditionPublic && r.conditionSlug && r.conditionName
        ? { slug: r.conditionSlug, name: r.conditionName }
        : null,
    painBefore: r.painBefore,
    painNow: r.painNow,
    pressure:
      r.pressureWanted !== null && r.pressureReceived !== null
        ? { wanted: r.pressureWanted, received: r.pressureReceived, adjusted: r.pressureAdjusted }
        : null,
    checklist: {
      assessedBefore: r.assessedBefore,
      explainedCause: r.explainedCause,
      gaveHomeCare: r.gaveHomeCare,
      setExpectations: r.setExpectations,
      referredOut: r.referredOut,
    },
    wouldRecommend: r.wouldRecommend,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    edited: r.version > 1,
    followUps: followUps.get(r.id) ?? [],
  }));

  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
