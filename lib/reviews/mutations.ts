import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  auditLog,
  conditions,
  REVIEW_CONTENT_KEYS,
  reviewVersions,
  reviews,
  therapists,
  type ReviewStatus,
  type TherapistStatus,
} from '@/db/schema';
import { parseInput } from '@/lib/input';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { scheduleFollowUps } from '@/lib/follow-ups/schedule';
import { resolveInvitation } from '@/lib/invitations/redeem';
import { configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import { CONDITION_CONSENT_TEXT, reviewInput, type ReviewInput } from './input';
import { assessReviewRisk, describeStatusReason, hashClientAddress, type RiskReason } from './risk';

/** New reviews per account and day (RATE_LIMIT_REVIEWS_PER_DAY; 0 turns the limit off). */
export function reviewAccountLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_REVIEWS_PER_DAY', 10, {
    name: 'reviews from your account today',
    windowSeconds: 24 * 3600,
  });
}

/** New reviews per client address and hour (RATE_LIMIT_REVIEWS_PER_IP_PER_HOUR; 0: off). */
export function reviewClientLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_REVIEWS_PER_IP_PER_HOUR', 20, {
    name: 'reviews from your network',
    windowSeconds: 3600,
  });
}

/** What a writer learns about their review after a change. */
export interface OwnReviewResult {
  /** created: a new review; idempotent: it already existed (a repeated submission). */
  outcome: 'created' | 'idempotent' | 'updated' | 'unchanged';
  review: {
    id: number;
    therapistSlug: string;
    status: ReviewStatus;
    /** A reason code (see lib/reviews/risk) when the review is held. */
    statusReason: string | null;
    statusMessage: string | null;
    version: number;
    createdAt: string;
    updatedAt: string;
  };
  /**
   * Only for a new review that came with an invitation link: whether it carries the "invited"
   * label, and if not, why (for the author).
   */
  invitation?: { applied: boolean; message: string | null };
}

export interface DeletedReview {
  id: number;
  therapistSlug: string;
}

const RESULT_COLUMNS = {
  id: reviews.id,
  status: reviews.status,
  statusReason: reviews.statusReason,
  version: reviews.version,
  createdAt: reviews.createdAt,
  updatedAt: reviews.updatedAt,
};

type ResultRow = {
  id: number;
  status: ReviewStatus;
  statusReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function toResult(
  outcome: OwnReviewResult['outcome'],
  row: ResultRow,
  therapistSlug: string,
): OwnReviewResult {
  return {
    outcome,
    review: {
      id: row.id,
      therapistSlug,
      status: row.status,
      statusReason: row.statusReason,
      statusMessage: describeStatusReason(row.statusReason),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Shared checks                                                                               */
/* ------------------------------------------------------------------------------------------ */

interface TargetRow {
  id: number;
  slug: string;
  status: TherapistStatus;
  claimedByUserId: string | null;
  contactEmail: string | null;
}

const TARGET_COLUMNS = {
  id: therapists.id,
  slug: therapists.slug,
  status: therapists.status,
  claimedByUserId: therapists.claimedByUserId,
  contactEmail: therapists.contactEmail,
};

function notFound(): never {
  throw new AppError('not_found', 'We could not find that therapist.');
}

/** A published therapist, or not_found; owners of the listing are refused (TRUST 15). */
function checkTarget(target: TargetRow | undefined, viewer: Viewer): TargetRow {
  if (!target || target.status !== 'published') notFound();
  if (ownsListing(target, viewer)) {
    throw new AppError(
      'forbidden',
      'This is your own listing: owners cannot review their own practice.',
    );
  }
  return target;
}

/** The viewer claimed the listing, or signs in with the email address on it. */
export function ownsListing(
  target: { claimedByUserId: string | null; contactEmail: string | null },
  viewer: Viewer,
): boolean {
  if (target.claimedByUserId === viewer.userId) return true;
  const listed = target.contactEmail?.trim().toLowerCase();
  return Boolean(listed) && listed === viewer.email.trim().toLowerCase();
}

async function checkCondition(executor: Executor, conditionId: number | null): Promise<void> {
  if (conditionId === null) return;
  const [known] = await executor
    .select({ id: conditions.id })
    .from(conditions)
    .where(eq(conditions.id, conditionId))
    .limit(1);
  if (!known) {
    const message = 'Choose a condition from the list.';
    throw new AppError('validation', `conditionId: ${message}`, {
      issues: [{ field: 'conditionId', message }],
    });
  }
}

interface ConsentState {
  conditionId: number | null;
  conditionPublic: boolean;
  conditionConsentAt: Date | null;
  conditionConsentText: string | null;
}

/** The stored columns for the form's values; consent keeps its first time and wording. */
function reviewColumns(input: ReviewInput, now: Date, previous?: ConsentState) {
  const kept =
    input.conditionPublic &&
    previous?.conditionPublic === true &&
    previous.conditionId === input.conditionId &&
    previous.conditionConsentAt !== null
      ? { at: previous.conditionConsentAt, text: previous.conditionConsentText }
      : null;
  return {
    rating: input.rating,
    title: input.title,
    body: input.body,
    visitMonth: input.visitMonth ? `${input.visitMonth}-01` : null,
    sessionsCount: input.sessionsCount,
    intent: input.intent,
    conditionId: input.conditionId,
    conditionPublic: input.conditionPublic,
    conditionConsentAt: input.conditionPublic ? (kept?.at ?? now) : null,
    conditionConsentText: input.conditionPublic ? (kept?.text ?? CONDITION_CONSENT_TEXT) : null,
    painBefore: input.painBefore,
    painNow: input.painNow,
    pressureWanted: input.pressureWanted,
    pressureReceived: input.pressureReceived,
    pressureAdjusted: input.pressureAdjusted,
    assessedBefore: input.assessedBefore,
    explainedCause: input.explainedCause,
    gaveHomeCare: input.gaveHomeCare,
    setExpectations: input.setExpectations,
    referredOut: input.referredOut,
    wouldRecommend: input.wouldRecommend,
  };
}

type ReviewColumns = ReturnType<typeof reviewColumns>;

async function recordHeld(
  executor: Executor,
  held: { reviewId: number; authorId: string | null; reason: RiskReason }[],
): Promise<void> {
  if (held.length === 0) return;
  await executor.insert(auditLog).values(
    held.map((h) => ({
      actorId: null,
      action: 'review.held',
      subjectUserId: h.authorId,
      detail: { reviewId: h.reviewId, reason: h.reason },
    })),
  );
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function existingReview(
  executor: Executor,
  authorId: string,
  therapistId: number,
): Promise<ResultRow | undefined> {
  const [row] = await executor
    .select(RESULT_COLUMNS)
    .from(reviews)
    .where(and(eq(reviews.authorId, authorId), eq(reviews.therapistId, therapistId)))
    .limit(1);
  return row;
}

/* ------------------------------------------------------------------------------------------ */
/* Create                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * Writes the viewer's review of a therapist. One review per author and therapist: a repeated
 * or concurrent submission returns the review that exists ("idempotent") and writes nothing.
 * The review is published, or held as pending with a reason from the risk check; the
 * aggregates, the follow-up jobs and the audit log change in the same transaction.
 *
 * `options.invitation` is the token of a practitioner's invitation: when it is valid for this
 * therapist and no review carries it yet, the review records it (shown as "invited"). The
 * reviewer's address need not be the invited one. An invitation changes nothing else: the same
 * limits, risk checks and moderation apply.
 */
export async function createReview(
  viewer: Viewer | null,
  therapistSlug: string,
  input: unknown,
  options: { clientAddress: string; invitation?: string | null },
): Promise<OwnReviewResult> {
  const me = requireSignedIn(viewer);
  const values = parseInput(reviewInput, input);
  const db = getDb();

  const [found] = await db
    .select(TARGET_COLUMNS)
    .from(therapists)
    .where(eq(therapists.slug, therapistSlug))
    .limit(1);
  const target = checkTarget(found, me);
  const already = await existingReview(db, me.userId, target.id);
  if (already) return toResult('idempotent', already, target.slug);
  await checkCondition(db, values.conditionId);

  const clientHash = hashClientAddress(options.clientAddress);
  await consumeRateLimit(reviewAccountLimit(), me.userId);
  await consumeRateLimit(reviewClientLimit(), clientHash ?? 'unknown');

  try {
    return await db.transaction(async (tx) => {
      // One writer per therapist at a time: the burst count and the aggregates stay exact.
      const [locked] = await tx
        .select(TARGET_COLUMNS)
        .from(therapists)
        .where(eq(therapists.id, target.id))
        .for('no key update');
      checkTarget(locked, me);
      const existing = await existingReview(tx, me.userId, target.id);
      if (existing) return toResult('idempotent', existing, target.slug);

      // A link that does not work (tampered, expired, for another practitioner, already used)
      // never blocks a genuine review: the review is saved like any other, without the
      // "invited" label, and the author is told why. Refusing it would lose an honest review
      // over a broken link, and the label is the only thing an invitation adds.
      let invitationId: number | null = null;
      let invitation: OwnReviewResult['invitation'];
      if (options.invitation) {
        const use = await resolveInvitation(tx, options.invitation, target.id, { lock: true });
        invitationId = use.status === 'valid' ? use.invitationId : null;
        invitation =
          use.status === 'valid'
            ? { applied: true, message: null }
            : { applied: false, message: use.message };
      }

      const risk = await assessReviewRisk(tx, {
        authorId: me.userId,
        therapistId: target.id,
        title: values.title,
        body: values.body,
        clientHash,
      });
      const now = new Date();
      const held = risk.finding !== null;
      const [inserted] = await tx
        .insert(reviews)
        .values({
          ...reviewColumns(values, now),
          authorId: me.userId,
          therapistId: target.id,
          status: held ? 'pending' : 'published',
          statusReason: risk.finding?.reason ?? null,
          publishedAt: held ? null : now,
          clientHash,
          invitationId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [reviews.authorId, reviews.therapistId] })
        .returning(RESULT_COLUMNS);
      if (!inserted) {
        const winner = await existingReview(tx, me.userId, target.id);
        if (!winner) throw new Error('review conflict without an existing review');
        return toResult('idempotent', winner, target.slug);
      }

      const heldRows: { reviewId: number; authorId: string | null; reason: RiskReason }[] = [];
      if (risk.finding) {
        heldRows.push({ reviewId: inserted.id, authorId: me.userId, reason: risk.finding.reason });
      }
      if (risk.burstReviewIds.length > 0) {
        const swept = await tx
          .update(reviews)
          .set({ status: 'pending', statusReason: 'burst', publishedAt: null })
          .where(
            and(
              inArray(reviews.id, risk.burstReviewIds),
              eq(reviews.status, 'published'),
              isNull(reviews.moderatedAt),
            ),
          )
          .returning({ id: reviews.id, authorId: reviews.authorId });
        for (const row of swept) {
          heldRows.push({ reviewId: row.id, authorId: row.authorId, reason: 'burst' });
        }
      }
      await recordHeld(tx, heldRows);
      await recomputeTherapistStats(tx, [target.id]);
      await scheduleFollowUps(tx, inserted.id, inserted.createdAt);
      const created = toResult('created', inserted, target.slug);
      return invitation ? { ...created, invitation } : created;
    });
  } catch (error) {
    // A concurrent submission won the unique index first: that review is the result.
    if (!isUniqueViolation(error)) throw error;
    const winner = await existingReview(db, me.userId, target.id);
    if (!winner) throw error;
    return toResult('idempotent', winner, target.slug);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Edit                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const CONTENT_KEYS = REVIEW_CONTENT_KEYS satisfies readonly (keyof ReviewColumns)[];

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function ownReview<T extends { authorId: string | null }>(
  row: T | undefined,
  viewer: Viewer,
): asserts row is T {
  if (!row) throw new AppError('not_found', 'That review does not exist any more.');
  if (row.authorId !== viewer.userId) {
    throw new AppError('forbidden', 'You can only change or delete your own review.');
  }
}

/**
 * Changes the viewer's own review: the earlier fields are kept in review_versions, the version
 * goes up, and the risk check runs again (an edit can send a review to pending; it never
 * releases one that is held). A review removed by a moderator cannot be edited.
 */
export async function updateReview(
  viewer: Viewer | null,
  reviewId: number,
  input: unknown,
): Promise<OwnReviewResult> {
  const me = requireSignedIn(viewer);
  const values = parseInput(reviewInput, input);
  const db = getDb();
  await checkCondition(db, values.conditionId);

  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .limit(1)
      .for('update');
    ownReview(current, me);
    if (current.status === 'removed') {
      throw new AppError(
        'forbidden',
        'A moderator removed this review, so it can no longer be edited. You can still delete it.',
      );
    }
    const [therapist] = await tx
      .select({ slug: therapists.slug })
      .from(therapists)
      .where(eq(therapists.id, current.therapistId));
    const slug = therapist?.slug ?? '';

    const now = new Date();
    const next = reviewColumns(values, now, current);
    if (CONTENT_KEYS.every((key) => sameValue(next[key], current[key]))) {
      return toResult('unchanged', current, slug);
    }

    const snapshot: Record<string, unknown> = {};
    for (const key of CONTENT_KEYS) snapshot[key] = current[key];
    Object.assign(snapshot, {
      status: current.status,
      statusReason: current.statusReason,
      version: current.version,
      updatedAt: current.updatedAt,
    });
    await tx.insert(reviewVersions).values({
      reviewId: current.id,
      version: current.version,
      snapshot,
      createdAt: now,
    });

    const risk = await assessReviewRisk(tx, {
      authorId: me.userId,
      therapistId: current.therapistId,
      title: values.title,
      body: values.body,
      clientHash: current.clientHash,
      reviewId: current.id,
    });
    let status = current.status;
    let statusReason = current.statusReason;
    let publishedAt = current.publishedAt;
    if (risk.finding && current.status === 'published') {
      status = 'pending';
      statusReason = risk.finding.reason;
      publishedAt = null;
    } else if (risk.finding && current.status === 'pending') {
      statusReason = risk.finding.reason;
    }

    const [updated] = await tx
      .update(reviews)
      .set({
        ...next,
        status,
        statusReason,
        publishedAt,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(reviews.id, current.id))
      .returning(RESULT_COLUMNS);
    if (!updated) throw new AppError('not_found', 'That review does not exist any more.');
    if (risk.finding && status === 'pending') {
      await recordHeld(tx, [
        { reviewId: current.id, authorId: me.userId, reason: risk.finding.reason },
      ]);
    }
    await recomputeTherapistStats(tx, [current.therapistId]);
    return toResult('updated', updated, slug);
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Delete                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** Deletes the viewer's own review (its versions, follow-ups, votes and reports go with it). */
export async function deleteReview(
  viewer: Viewer | null,
  reviewId: number,
): Promise<DeletedReview> {
  const me = requireSignedIn(viewer);
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: reviews.id, authorId: reviews.authorId, therapistId: reviews.therapistId })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .limit(1)
      .for('update');
    ownReview(current, me);
    await tx.delete(reviews).where(eq(reviews.id, current.id));
    await recomputeTherapistStats(tx, [current.therapistId]);
    const [therapist] = await tx
      .select({ slug: therapists.slug })
      .from(therapists)
      .where(eq(therapists.id, current.therapistId));
    return { id: current.id, therapistSlug: therapist?.slug ?? '' };
  });
}
