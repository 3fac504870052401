import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { conditions, reviews, therapists, type ReviewStatus } from '@/db/schema';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { CONDITION_CONSENT_TEXT, REVIEW_LIMITS, latestVisitMonth, toFormValues } from './input';
import type { ReviewFormValues } from './input';
import { ownsListing } from './mutations';
import { describeStatusReason } from './risk';

/** The therapist a review is written about, as the review page shows them. */
export interface ReviewTarget {
  slug: string;
  name: string;
  credentials: string;
}

export interface ConditionOption {
  id: number;
  name: string;
  bodyArea: string;
}

/** The viewer's own review of a therapist, ready for the form. */
export interface OwnReviewForm {
  id: number;
  status: ReviewStatus;
  statusMessage: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  values: ReviewFormValues;
}

export interface ReviewFormContext {
  therapist: ReviewTarget;
  /** The viewer owns the listing: they cannot review it (TRUST 15). */
  ownListing: boolean;
  conditions: ConditionOption[];
  consentText: string;
  limits: typeof REVIEW_LIMITS & { latestMonth: string };
  existing: OwnReviewForm | null;
}

/** A published therapist by slug, or null (unknown and hidden ones alike). */
export async function getReviewTarget(slug: string): Promise<ReviewTarget | null> {
  const [row] = await getDb()
    .select({ slug: therapists.slug, name: therapists.name, credentials: therapists.credentials })
    .from(therapists)
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  return row ?? null;
}

/** The viewer's review of the therapist with this slug, as the form's initial values, or null. */
export async function getOwnReviewForTherapist(
  viewer: Viewer | null,
  slug: string,
): Promise<OwnReviewForm | null> {
  const me = requireSignedIn(viewer);
  const [row] = await getDb()
    .select({
      id: reviews.id,
      status: reviews.status,
      statusReason: reviews.statusReason,
      version: reviews.version,
      createdAt: reviews.createdAt,
      updatedAt: reviews.updatedAt,
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      visitMonth: reviews.visitMonth,
      sessionsCount: reviews.sessionsCount,
      intent: reviews.intent,
      conditionId: reviews.conditionId,
      conditionPublic: reviews.conditionPublic,
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
    })
    .from(reviews)
    .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
    .where(and(eq(therapists.slug, slug), eq(reviews.authorId, me.userId)))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    statusMessage: describeStatusReason(row.statusReason),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    values: toFormValues(row),
  };
}

/** Everything the review page needs for a signed-in viewer, or null for an unknown therapist. */
export async function getReviewFormContext(
  viewer: Viewer | null,
  slug: string,
): Promise<ReviewFormContext | null> {
  const me = requireSignedIn(viewer);
  const db = getDb();
  const [target] = await db
    .select({
      slug: therapists.slug,
      name: therapists.name,
      credentials: therapists.credentials,
      claimedByUserId: therapists.claimedByUserId,
      contactEmail: therapists.contactEmail,
    })
    .from(therapists)
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  if (!target) return null;
  const [conditionRows, existing] = await Promise.all([
    db
      .select({ id: conditions.id, name: conditions.name, bodyArea: conditions.bodyArea })
      .from(conditions)
      .orderBy(asc(conditions.bodyArea), asc(conditions.name)),
    getOwnReviewForTherapist(me, target.slug),
  ]);
  return {
    therapist: { slug: target.slug, name: target.name, credentials: target.credentials },
    ownListing: ownsListing(target, me),
    conditions: conditionRows,
    consentText: CONDITION_CONSENT_TEXT,
    limits: { ...REVIEW_LIMITS, latestMonth: latestVisitMonth() },
    existing,
  };
}
