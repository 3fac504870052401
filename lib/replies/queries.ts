import 'server-only';
import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { conditions, reviewReplies, reviews, therapists, users } from '@/db/schema';
import { requireRole, type Viewer } from '@/lib/auth/viewer';
import { requireListingOwner } from '@/lib/listings/owner';
import {
  ANONYMISED_AUTHOR,
  consentedCondition,
  loadFollowUps,
  reviewColumns,
  toReviewContent,
} from '@/lib/therapists/review-rows';
import { replyReasonLabel } from './reasons';
import { heldFindings, REPLY_ROW_COLUMNS, replyEdited, toOwnReply } from './rows';
import type { HeldReplyQueue, OwnerReviewList } from './types';

/** Reviews per page on the owner's list. */
export const OWNER_REVIEWS_PAGE_SIZE = 20;
/** Held replies one queue page lists (the count covers them all). */
export const HELD_REPLIES_LIMIT = 100;

const MAX_PAGE = 10_000;

export interface OwnerReviewParams {
  page: number;
  unansweredOnly: boolean;
}

/** The owner's list address (?page=2&unanswered=1): anything unreadable falls back to defaults. */
export function parseOwnerReviewParams(
  params: Record<string, string | string[] | undefined>,
): OwnerReviewParams {
  const page =
    typeof params.page === 'string' && /^\d{1,5}$/.test(params.page) ? Number(params.page) : 1;
  return {
    page: Math.min(Math.max(1, page), MAX_PAGE),
    unansweredOnly: params.unanswered === '1',
  };
}

/**
 * The published reviews of the viewer's listing, newest first, 20 a page, each with the
 * owner's reply and its state (none, published, held with the reason, removed by a moderator
 * with the reason). `unansweredOnly` keeps the reviews without any reply. Listing owners only.
 */
export async function listOwnerReviews(
  viewer: Viewer | null,
  params: OwnerReviewParams,
): Promise<OwnerReviewList> {
  const listing = await requireListingOwner(viewer);
  const db = getDb();
  const page = Math.min(Math.max(1, Math.floor(params.page)), MAX_PAGE);
  const published = and(
    eq(reviews.therapistId, listing.therapistId),
    eq(reviews.status, 'published'),
  );
  const filters: SQL[] = [published ?? sql`false`];
  if (params.unansweredOnly) filters.push(isNull(reviewReplies.id));
  const where = and(...filters);

  const [counts] = await db
    .select({
      published: count(),
      unanswered: sql<number>`count(*) filter (where ${reviewReplies.id} is null)::int`.mapWith(
        Number,
      ),
      held: sql<number>`count(*) filter (where ${reviewReplies.status} = 'pending')::int`.mapWith(
        Number,
      ),
    })
    .from(reviews)
    .leftJoin(reviewReplies, eq(reviewReplies.reviewId, reviews.id))
    .where(published);
  const total = params.unansweredOnly ? (counts?.unanswered ?? 0) : (counts?.published ?? 0);

  const rows = await db
    .select({
      ...reviewColumns,
      publishedAt: reviews.publishedAt,
      reply: REPLY_ROW_COLUMNS,
    })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(conditions, consentedCondition)
    .leftJoin(reviewReplies, eq(reviewReplies.reviewId, reviews.id))
    .where(where)
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(OWNER_REVIEWS_PAGE_SIZE)
    .offset((page - 1) * OWNER_REVIEWS_PAGE_SIZE);

  const followUps = await loadFollowUps(rows.map((r) => r.id));
  return {
    listing: { name: listing.name, slug: listing.slug },
    unansweredOnly: params.unansweredOnly,
    counts: {
      published: counts?.published ?? 0,
      unanswered: counts?.unanswered ?? 0,
      held: counts?.held ?? 0,
    },
    reviews: {
      items: rows.map(({ reply, publishedAt, ...r }) => ({
        review: {
          ...toReviewContent(r, followUps.get(r.id) ?? []),
          publishedAt: (publishedAt ?? new Date(0)).toISOString(),
        },
        reply:
          reply && reply.id !== null && reply.reviewId !== null
            ? toOwnReply(
                {
                  id: reply.id,
                  reviewId: reply.reviewId,
                  body: reply.body ?? '',
                  status: reply.status ?? 'pending',
                  statusReason: reply.statusReason,
                  createdAt: reply.createdAt ?? new Date(0),
                  updatedAt: reply.updatedAt ?? new Date(0),
                  edited: Boolean(reply.edited),
                  moderatedAt: reply.moderatedAt,
                },
                r.authorName,
                [listing.name, listing.owner.displayName],
              )
            : null,
      })),
      total,
      page,
      pageSize: OWNER_REVIEWS_PAGE_SIZE,
      pageCount: Math.max(1, Math.ceil(total / OWNER_REVIEWS_PAGE_SIZE)),
    },
  };
}

/**
 * Replies held for a moderator, oldest first (by their last change), with the review each
 * answers and why it is held. Moderators (and admins) with a confirmed passkey only.
 */
export async function listHeldReplies(viewer: Viewer | null): Promise<HeldReplyQueue> {
  const me = requireRole(viewer, 'moderator');
  const db = getDb();
  const replyAuthors = alias(users, 'reply_authors');
  const pending = eq(reviewReplies.status, 'pending');
  const rows = await db
    .select({
      id: reviewReplies.id,
      body: reviewReplies.body,
      status: reviewReplies.status,
      statusReason: reviewReplies.statusReason,
      authorId: reviewReplies.authorId,
      createdAt: reviewReplies.createdAt,
      updatedAt: reviewReplies.updatedAt,
      edited: replyEdited,
      waitingHours:
        sql<number>`round((extract(epoch from now() - ${reviewReplies.updatedAt}) / 3600)::numeric, 1)::float8`.mapWith(
          Number,
        ),
      reviewId: reviews.id,
      reviewTitle: reviews.title,
      reviewBody: reviews.body,
      reviewPublishedAt: reviews.publishedAt,
      reviewerName: users.displayName,
      reviewAuthorId: reviews.authorId,
      replyAuthorName: replyAuthors.displayName,
      listingSlug: therapists.slug,
      listingName: therapists.name,
      claimedBy: therapists.claimedByUserId,
    })
    .from(reviewReplies)
    .innerJoin(reviews, eq(reviews.id, reviewReplies.reviewId))
    .innerJoin(therapists, eq(therapists.id, reviewReplies.therapistId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(replyAuthors, eq(replyAuthors.id, reviewReplies.authorId))
    .where(pending)
    .orderBy(asc(reviewReplies.updatedAt), asc(reviewReplies.id))
    .limit(HELD_REPLIES_LIMIT);
  const [totals] = await db
    .select({
      total: count(),
      oldest: sql<
        number | null
      >`round((extract(epoch from now() - min(${reviewReplies.updatedAt})) / 3600)::numeric, 1)::float8`,
    })
    .from(reviewReplies)
    .where(pending);

  return {
    total: totals?.total ?? 0,
    oldestHours:
      totals?.oldest === null || totals?.oldest === undefined ? null : Number(totals.oldest),
    items: rows.map((r) => ({
      id: r.id,
      body: r.body,
      reasonCode: r.statusReason,
      reason: replyReasonLabel(r.status, r.statusReason),
      findings: heldFindings(r, r.reviewerName, [r.listingName, r.replyAuthorName]),
      updatedAt: r.updatedAt.toISOString(),
      waitingHours: r.waitingHours,
      edited: Boolean(r.edited),
      review: {
        id: r.reviewId,
        title: r.reviewTitle,
        body: r.reviewBody,
        authorName: r.reviewerName ?? ANONYMISED_AUTHOR,
        publishedAt: r.reviewPublishedAt ? r.reviewPublishedAt.toISOString() : null,
      },
      listing: { slug: r.listingSlug, name: r.listingName },
      yours:
        r.claimedBy === me.userId || r.authorId === me.userId || r.reviewAuthorId === me.userId,
    })),
  };
}
