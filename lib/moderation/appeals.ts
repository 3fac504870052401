import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  auditLog,
  reviewAppeals,
  reviewReports,
  reviews,
  therapists,
  type ReviewStatus,
} from '@/db/schema';
import { cleanText, parseInput } from '@/lib/input';
import { requireRole, requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { describeReviewReason } from './describe';
import { lockReviewForDecision } from './queue';
import {
  APPEAL_OUTCOMES,
  APPEAL_STATEMENT_MAX,
  APPROVAL_REASON,
  MODERATION_REASONS,
  type AppealOutcome,
  type ModerationReason,
} from './reasons';

/** Decisions an author may appeal against. */
const APPEALABLE: readonly ReviewStatus[] = ['not_recommended', 'removed'];

export const appealInput = z.strictObject({
  statement: z
    .string({ error: 'Say why the decision should change.' })
    .max(APPEAL_STATEMENT_MAX * 4, `An appeal has at most ${APPEAL_STATEMENT_MAX} characters.`)
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, 'Say why the decision should change.')
        .max(APPEAL_STATEMENT_MAX, `An appeal has at most ${APPEAL_STATEMENT_MAX} characters.`),
    ),
});

export const appealDecisionInput = z
  .strictObject({
    outcome: z.enum(APPEAL_OUTCOMES, { error: 'Choose to keep or to overturn the decision.' }),
    reason: z.enum(MODERATION_REASONS, {
      error: 'Choose the reason for the decision from the list.',
    }),
  })
  .superRefine((value, context) => {
    const publishes = value.outcome === 'overturned';
    if (publishes !== (value.reason === APPROVAL_REASON)) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: publishes
          ? 'Overturning publishes the review: the reason is “Meets the guidelines”.'
          : 'Say which guideline the review does not meet.',
      });
    }
  });

/** What the author of a review sees about the decision on it and their appeal. */
export interface AppealContext {
  review: {
    id: number;
    status: ReviewStatus;
    statusReason: string | null;
    /** The same in words. */
    statusReasonText: string | null;
    title: string;
    body: string;
    moderatedAt: Date | null;
    therapist: { slug: string; name: string };
  };
  /** The author may appeal now: the review was not recommended or removed, and not appealed. */
  canAppeal: boolean;
  appeal: {
    statement: string;
    createdAt: Date;
    decidedAt: Date | null;
    outcome: AppealOutcome | null;
    /** The reason given with the appeal's outcome. */
    reason: ModerationReason | null;
  } | null;
}

const NO_SUCH_REVIEW = 'There is no such review.';
const NOT_YOURS = 'Only the author of a review can see or appeal the decision on it.';

/** The decision on one of the viewer's reviews and its appeal, for the author's appeal page. */
export async function getAppealContext(
  viewer: Viewer | null,
  reviewId: number,
): Promise<AppealContext> {
  const me = requireSignedIn(viewer);
  const db = getDb();
  const [review] = await db
    .select({
      id: reviews.id,
      authorId: reviews.authorId,
      status: reviews.status,
      statusReason: reviews.statusReason,
      title: reviews.title,
      body: reviews.body,
      moderatedAt: reviews.moderatedAt,
      slug: therapists.slug,
      name: therapists.name,
    })
    .from(reviews)
    .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
    .where(eq(reviews.id, reviewId));
  if (!review) throw new AppError('not_found', NO_SUCH_REVIEW);
  if (review.authorId !== me.userId) throw new AppError('forbidden', NOT_YOURS);
  const [appeal] = await db
    .select({
      id: reviewAppeals.id,
      statement: reviewAppeals.statement,
      createdAt: reviewAppeals.createdAt,
      decidedAt: reviewAppeals.decidedAt,
      outcome: reviewAppeals.outcome,
    })
    .from(reviewAppeals)
    .where(eq(reviewAppeals.reviewId, review.id));
  let reason: ModerationReason | null = null;
  if (appeal?.outcome) {
    const [entry] = await db
      .select({ reason: sql<string | null>`${auditLog.detail}->>'reason'` })
      .from(auditLog)
      .where(
        and(
          inArray(auditLog.action, ['appeal.upheld', 'appeal.overturned']),
          sql`${auditLog.detail}->>'appealId' = ${String(appeal.id)}`,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(1);
    const logged = entry?.reason ?? null;
    reason = (MODERATION_REASONS as readonly string[]).includes(logged ?? '')
      ? (logged as ModerationReason)
      : null;
  }
  return {
    review: {
      id: review.id,
      status: review.status,
      statusReason: review.statusReason,
      statusReasonText: describeReviewReason(review.status, review.statusReason),
      title: review.title,
      body: review.body,
      moderatedAt: review.moderatedAt,
      therapist: { slug: review.slug, name: review.name },
    },
    canAppeal: !appeal && APPEALABLE.includes(review.status),
    appeal: appeal
      ? {
          statement: appeal.statement,
          createdAt: appeal.createdAt,
          decidedAt: appeal.decidedAt,
          outcome: appeal.outcome,
          reason,
        }
      : null,
  };
}

/**
 * The author appeals the decision on their review, once (TRUST 19): only a review that was not
 * recommended or removed. The appeal remembers who decided, so that someone else decides it.
 */
export async function appealDecision(
  viewer: Viewer | null,
  reviewId: number,
  input: unknown,
): Promise<{ appealId: number }> {
  const me = requireSignedIn(viewer);
  const { statement } = parseInput(appealInput, input);
  return getDb().transaction(async (tx) => {
    const [review] = await tx
      .select({
        id: reviews.id,
        authorId: reviews.authorId,
        status: reviews.status,
        moderatedById: reviews.moderatedById,
      })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .for('update');
    if (!review) throw new AppError('not_found', NO_SUCH_REVIEW);
    if (review.authorId !== me.userId) throw new AppError('forbidden', NOT_YOURS);
    if (!APPEALABLE.includes(review.status)) {
      throw new AppError(
        'forbidden',
        'Only a review that was not recommended or removed can be appealed.',
      );
    }
    const [created] = await tx
      .insert(reviewAppeals)
      .values({ reviewId: review.id, statement, originalModeratorId: review.moderatedById })
      .onConflictDoNothing({ target: reviewAppeals.reviewId })
      .returning({ id: reviewAppeals.id });
    if (!created) {
      throw new AppError(
        'forbidden',
        'You have already appealed this decision: an appeal is made once.',
      );
    }
    await tx.insert(auditLog).values({
      actorId: me.userId,
      action: 'appeal.opened',
      subjectUserId: me.userId,
      detail: { reviewId: review.id, appealId: created.id, previousStatus: review.status },
    });
    return { appealId: created.id };
  });
}

export interface AppealDecisionOutcome {
  appealId: number;
  reviewId: number;
  outcome: AppealOutcome;
  status: ReviewStatus;
}

/**
 * Decides an appeal: by a moderator other than the one who made the original decision (and not
 * the author). Overturned publishes the review again, resolves its open reports and recomputes
 * the aggregates; upheld keeps the decision with the reason given. One transaction, one audit
 * entry.
 */
export async function decideAppeal(
  viewer: Viewer | null,
  appealId: number,
  input: unknown,
): Promise<AppealDecisionOutcome> {
  const me = requireRole(viewer, 'moderator');
  const { outcome, reason } = parseInput(appealDecisionInput, input);
  return getDb().transaction(async (tx) => {
    const [appeal] = await tx
      .select({
        id: reviewAppeals.id,
        reviewId: reviewAppeals.reviewId,
        decidedAt: reviewAppeals.decidedAt,
        originalModeratorId: reviewAppeals.originalModeratorId,
      })
      .from(reviewAppeals)
      .where(eq(reviewAppeals.id, appealId))
      .for('update');
    if (!appeal) throw new AppError('not_found', 'There is no such appeal.');
    const review = await lockReviewForDecision(tx, appeal.reviewId);
    if (!review) throw new AppError('not_found', 'There is no such appeal.');
    if (appeal.originalModeratorId === me.userId) {
      throw new AppError(
        'forbidden',
        'You made the decision under appeal: another moderator decides the appeal.',
      );
    }
    if (review.authorId === me.userId || review.claimedBy === me.userId) {
      throw new AppError('forbidden', 'Another moderator decides appeals about your own reviews.');
    }
    if (appeal.decidedAt) throw new AppError('forbidden', 'This appeal has already been decided.');

    const status: ReviewStatus = outcome === 'overturned' ? 'published' : review.status;
    await tx
      .update(reviews)
      .set({
        status,
        statusReason: outcome === 'overturned' ? null : reason,
        publishedAt:
          outcome === 'overturned' ? sql`coalesce(${reviews.publishedAt}, now())` : undefined,
        moderatedById: me.userId,
        moderatedAt: sql`now()`,
      })
      .where(eq(reviews.id, review.id));
    if (outcome === 'overturned') {
      await tx
        .update(reviewReports)
        .set({ resolvedAt: sql`now()`, resolvedById: me.userId })
        .where(and(eq(reviewReports.reviewId, review.id), isNull(reviewReports.resolvedAt)));
    }
    await tx
      .update(reviewAppeals)
      .set({ decidedAt: sql`now()`, decidedById: me.userId, outcome })
      .where(eq(reviewAppeals.id, appeal.id));
    await recomputeTherapistStats(tx, [review.therapistId]);
    await tx.insert(auditLog).values({
      actorId: me.userId,
      action: outcome === 'overturned' ? 'appeal.overturned' : 'appeal.upheld',
      subjectUserId: review.authorId,
      detail: { reviewId: review.id, appealId: appeal.id, reason, previousStatus: review.status },
    });
    return { appealId: appeal.id, reviewId: review.id, outcome, status };
  });
}
