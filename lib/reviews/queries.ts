import 'server-only';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { conditions, reviews, therapists, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import {
  APPROVAL_REASON,
  MODERATION_REASON_OPTIONS,
  type ModerationReason,
} from '@/lib/moderation/reasons';
import {
  consentedCondition,
  loadFollowUps,
  reviewColumns,
  toReviewContent,
} from '@/lib/therapists/review-rows';
import type {
  NotRecommendedReview,
  OwnReviewSummary,
  Page,
  ReviewConditionOption,
} from '@/lib/therapists/types';

export const NOT_RECOMMENDED_PAGE_SIZE = 10;

/**
 * Reasons whose text must not be shown even apart: it holds someone's personal details. The
 * review is still listed (and counted), with its text withheld.
 */
const TEXT_WITHHELD_REASONS: ReadonlySet<string> = new Set<ModerationReason>([
  'personal_information',
  'contact_details',
]);

/** Said of a not-recommended review whose stored reason is not one of the content reasons. */
export const GENERIC_NOT_RECOMMENDED_REASON =
  'A moderator found that it does not meet our review guidelines.';

const CONTENT_REASONS = new Map(
  MODERATION_REASON_OPTIONS.filter((o) => o.value !== APPROVAL_REASON).map((o) => [
    o.value as string,
    `${o.label}: ${o.hint.charAt(0).toLowerCase()}${o.hint.slice(1)}`,
  ]),
);

/**
 * Why a review is not recommended, as the public may read it: only the moderators' content
 * reasons, by their label. Anything else stored (a risk signal, a free note) is never shown.
 */
export function publicModerationReason(statusReason: string | null): string {
  return (
    (statusReason ? CONTENT_REASONS.get(statusReason) : undefined) ?? GENERIC_NOT_RECOMMENDED_REASON
  );
}

/** The viewer's own review of a therapist (any status), or null; null when signed out. */
export async function getOwnReview(
  viewer: Pick<Viewer, 'userId'> | null,
  therapistId: number,
): Promise<OwnReviewSummary | null> {
  if (!viewer) return null;
  const [row] = await getDb()
    .select({ id: reviews.id, status: reviews.status })
    .from(reviews)
    .where(and(eq(reviews.authorId, viewer.userId), eq(reviews.therapistId, therapistId)))
    .limit(1);
  return row ?? null;
}

/** Whether the viewer holds the therapist's profile (owners do not review themselves). */
export async function viewerOwnsTherapist(
  viewer: Pick<Viewer, 'userId'> | null,
  therapistId: number,
): Promise<boolean> {
  if (!viewer) return false;
  const [row] = await getDb()
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.id, therapistId), eq(therapists.claimedByUserId, viewer.userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * The conditions a therapist's published reviews show (only those the reviewers agreed to
 * show), with how many reviews name each, by name.
 */
export async function listReviewConditionOptions(
  therapistId: number,
): Promise<ReviewConditionOption[]> {
  const n = count();
  const rows = await getDb()
    .select({ slug: conditions.slug, name: conditions.name, count: n })
    .from(reviews)
    .innerJoin(conditions, consentedCondition)
    .where(and(eq(reviews.therapistId, therapistId), eq(reviews.status, 'published')))
    .groupBy(conditions.slug, conditions.name)
    .orderBy(asc(conditions.name));
  return rows.map((r) => ({ slug: r.slug, name: r.name, count: Number(r.count) }));
}

/**
 * A therapist's not-recommended reviews, newest first, with the content reason each was given.
 * Pending and removed reviews never appear here.
 */
export async function listNotRecommendedReviews(
  therapistId: number,
  options: { page: number; pageSize?: number },
): Promise<Page<NotRecommendedReview>> {
  const db = getDb();
  const pageSize = Math.min(Math.max(1, options.pageSize ?? NOT_RECOMMENDED_PAGE_SIZE), 50);
  const page = Math.max(1, Math.floor(options.page));
  const where = and(eq(reviews.therapistId, therapistId), eq(reviews.status, 'not_recommended'));

  const [totalRow] = await db.select({ total: count() }).from(reviews).where(where);
  const total = totalRow?.total ?? 0;
  const rows = await db
    .select({ ...reviewColumns, createdAt: reviews.createdAt, statusReason: reviews.statusReason })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(conditions, consentedCondition)
    .where(where)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const followUps = await loadFollowUps(rows.map((r) => r.id));
  const items = rows.map((r): NotRecommendedReview => {
    const textWithheld = TEXT_WITHHELD_REASONS.has(r.statusReason ?? '');
    return {
      ...toReviewContent(r, followUps.get(r.id) ?? []),
      ...(textWithheld ? { title: '', body: '' } : {}),
      textWithheld,
      writtenAt: r.createdAt.toISOString(),
      reason: publicModerationReason(r.statusReason),
    };
  });
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
