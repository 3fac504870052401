import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  conditions,
  reviewFollowUps,
  reviewReplies,
  reviews,
  therapists,
  users,
} from '@/db/schema';

import type { PublicReply, PublicReview } from './types';

export const ANONYMISED_AUTHOR = 'Former member';

/**
 * The columns a review shows to the public. The condition comes only through the join below,
 * which holds it back unless the reviewer agreed to show it.
 */
export const reviewColumns = {
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
  version: reviews.version,
  /** Only whether it answered an invitation; never which one. */
  invited: sql<boolean>`(${reviews.invitationId} is not null)`.mapWith(Boolean),
};

/** The condition joined only when the reviewer agreed to show it. */
export const consentedCondition = and(
  eq(conditions.id, reviews.conditionId),
  eq(reviews.conditionPublic, true),
);

/** A row selected with `reviewColumns`. */
export interface ReviewContentRow {
  id: number;
  authorName: string | null;
  rating: number;
  title: string;
  body: string;
  visitMonth: string | null;
  sessionsCount: number | null;
  intent: PublicReview['intent'];
  conditionPublic: boolean;
  conditionSlug: string | null;
  conditionName: string | null;
  painBefore: number | null;
  painNow: number | null;
  pressureWanted: number | null;
  pressureReceived: number | null;
  pressureAdjusted: NonNullable<PublicReview['pressure']>['adjusted'];
  assessedBefore: boolean | null;
  explainedCause: boolean | null;
  gaveHomeCare: boolean | null;
  setExpectations: boolean | null;
  referredOut: boolean | null;
  wouldRecommend: boolean | null;
  version: number;
  invited: boolean;
}

/** "Still better?" answers of the given reviews, in order of weeks. */
export async function loadFollowUps(
  reviewIds: readonly number[],
): Promise<Map<number, PublicReview['followUps']>> {
  const byReview = new Map<number, PublicReview['followUps']>();
  if (reviewIds.length === 0) return byReview;
  const answers = await getDb()
    .select({
      reviewId: reviewFollowUps.reviewId,
      weeksAfter: reviewFollowUps.weeksAfter,
      painNow: reviewFollowUps.painNow,
    })
    .from(reviewFollowUps)
    .where(inArray(reviewFollowUps.reviewId, [...reviewIds]))
    .orderBy(asc(reviewFollowUps.weeksAfter));
  for (const { reviewId, ...answer } of answers) {
    const list = byReview.get(reviewId) ?? [];
    list.push(answer);
    byReview.set(reviewId, list);
  }
  return byReview;
}

/**
 * The published replies of the given reviews, in one query. Held and removed replies are never
 * public.
 */
export async function loadPublishedReplies(
  reviewIds: readonly number[],
): Promise<Map<number, PublicReply>> {
  const byReview = new Map<number, PublicReply>();
  if (reviewIds.length === 0) return byReview;
  const rows = await getDb()
    .select({
      reviewId: reviewReplies.reviewId,
      from: therapists.name,
      body: reviewReplies.body,
      createdAt: reviewReplies.createdAt,
      updatedAt: reviewReplies.updatedAt,
      edited: sql<boolean>`(${reviewReplies.updatedAt} > ${reviewReplies.createdAt})`,
    })
    .from(reviewReplies)
    .innerJoin(therapists, eq(therapists.id, reviewReplies.therapistId))
    .where(
      and(inArray(reviewReplies.reviewId, [...reviewIds]), eq(reviewReplies.status, 'published')),
    );
  for (const { reviewId, createdAt, updatedAt, edited, ...reply } of rows) {
    byReview.set(reviewId, {
      ...reply,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      edited: Boolean(edited),
    });
  }
  return byReview;
}

/** The public part of a review row, without its date, votes and reply. */
export function toReviewContent(
  r: ReviewContentRow,
  followUps: PublicReview['followUps'],
): Omit<PublicReview, 'publishedAt' | 'helpful' | 'reply'> {
  return {
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
    edited: r.version > 1,
    followUps,
    invited: Boolean(r.invited),
  };
}
