import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import {
  auditLog,
  reviewAppeals,
  reviewReports,
  reviews,
  therapists,
  users,
  type ReportReason,
  type ReviewStatus,
} from '@/db/schema';
import { parseInput } from '@/lib/input';
import { requireRole, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { describeReviewReason } from './describe';
import {
  APPROVAL_REASON,
  CONFIDENTIAL_REPORT_REASON,
  MODERATION_DECISIONS,
  MODERATION_REASONS,
  type ModerationDecision,
  type ModerationReason,
} from './reasons';

/** How many reviews and appeals one queue page lists (the counts cover them all). */
export const QUEUE_LIMIT = 100;

/** A review on the queue: its text and where it is, never who reported it. */
export interface QueueReview {
  id: number;
  status: ReviewStatus;
  /** Why it is held or not recommended (a code or, for older reviews, a sentence). */
  statusReason: string | null;
  /** The same in words. */
  statusReasonText: string | null;
  title: string;
  body: string;
  /** 1 for a review never edited. */
  version: number;
  createdAt: Date;
  /**
   * Hours it has waited: since it was written when pending, since its first open report
   * otherwise.
   */
  waitingHours: number;
  authorName: string | null;
  therapist: { slug: string; name: string };
  /** Its open appeal: decide that instead of the review. */
  openAppealId: number | null;
  reports: {
    open: number;
    /** Open reports per reason, most frequent first. */
    reasons: { reason: ReportReason; count: number }[];
    /** What reporters wrote, oldest first; each reporter is only ever "a member". */
    notes: { reason: ReportReason; note: string; createdAt: Date }[];
    /** An open report raises a safety concern (the confidential channel). */
    safetyConcern: boolean;
  };
}

export interface QueueAppeal {
  id: number;
  reviewId: number;
  statement: string;
  createdAt: Date;
  waitingHours: number;
  /** The viewer made the decision appealed against, so someone else must decide. */
  originalDecisionIsYours: boolean;
  review: {
    status: ReviewStatus;
    statusReason: string | null;
    statusReasonText: string | null;
    title: string;
    body: string;
    authorName: string | null;
    therapist: { slug: string; name: string };
  };
}

export interface ModerationQueue {
  /** Reviews with an open safety-concern report, whatever their status: first. */
  safety: QueueReview[];
  /** Pending reviews, oldest first. */
  pending: QueueReview[];
  /** Visible reviews with open reports, the longest-reported first. */
  reported: QueueReview[];
  /** Appeals nobody has decided yet, oldest first. */
  appeals: QueueAppeal[];
  counts: { pending: number; reported: number; safety: number; appeals: number };
  /** How long the oldest pending review has waited, in hours (null when none waits). */
  oldestPendingHours: number | null;
}

const hours = (from: ReturnType<typeof sql>) =>
  sql<number>`round((extract(epoch from now() - ${from}) / 3600)::numeric, 1)::float8`.mapWith(
    Number,
  );

function hasOpenReports(reason?: ReportReason) {
  return sql`${reviews.id} in (select ${reviewReports.reviewId} from ${reviewReports}
    where ${reviewReports.resolvedAt} is null
    ${reason ? sql`and ${reviewReports.reason} = ${reason}` : sql``})`;
}

const FIRST_OPEN_REPORT = sql`(select min(${reviewReports.createdAt}) from ${reviewReports}
  where ${reviewReports.reviewId} = ${reviews.id} and ${reviewReports.resolvedAt} is null)`;

/** Pending reviews and their age, for the queue's header and for health checks. */
export async function pendingBacklog(): Promise<{
  pending: number;
  oldestPendingHours: number | null;
}> {
  const [row] = await getDb()
    .select({
      pending: sql<number>`count(*)::int`.mapWith(Number),
      oldest: sql<
        number | null
      >`round((extract(epoch from now() - min(${reviews.createdAt})) / 3600)::numeric, 1)::float8`,
    })
    .from(reviews)
    .where(eq(reviews.status, 'pending'));
  return {
    pending: row?.pending ?? 0,
    oldestPendingHours:
      row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
  };
}

/**
 * What waits for a moderator: safety concerns first, then pending reviews oldest first (with
 * their hold reason and age), then visible reviews with open reports, then open appeals.
 * Moderators (and admins) with a passkey confirmed in this session only.
 */
export async function listModerationQueue(viewer: Viewer | null): Promise<ModerationQueue> {
  const me = requireRole(viewer, 'moderator');
  const db = getDb();
  const waiting = sql`case when ${reviews.status} = 'pending' then ${reviews.createdAt}
    else coalesce(${FIRST_OPEN_REPORT}, ${reviews.createdAt}) end`;
  const safety = sql<boolean>`${hasOpenReports(CONFIDENTIAL_REPORT_REASON)}`;
  const rows = await db
    .select({
      id: reviews.id,
      status: reviews.status,
      statusReason: reviews.statusReason,
      title: reviews.title,
      body: reviews.body,
      version: reviews.version,
      createdAt: reviews.createdAt,
      waitingHours: hours(waiting),
      authorName: users.displayName,
      therapistSlug: therapists.slug,
      therapistName: therapists.name,
      openAppealId: sql<number | null>`(select ${reviewAppeals.id} from ${reviewAppeals}
        where ${reviewAppeals.reviewId} = ${reviews.id} and ${reviewAppeals.decidedAt} is null)`,
    })
    .from(reviews)
    .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(or(eq(reviews.status, 'pending'), hasOpenReports()))
    .orderBy(
      sql`${safety} desc`,
      sql`${reviews.status} = 'pending' desc`,
      sql`${waiting} asc`,
      asc(reviews.id),
    )
    .limit(QUEUE_LIMIT * 2);

  const ids = rows.map((r) => r.id);
  const reportRows =
    ids.length === 0
      ? []
      : await db
          .select({
            reviewId: reviewReports.reviewId,
            reason: reviewReports.reason,
            note: reviewReports.note,
            createdAt: reviewReports.createdAt,
          })
          .from(reviewReports)
          .where(and(inArray(reviewReports.reviewId, ids), isNull(reviewReports.resolvedAt)))
          .orderBy(asc(reviewReports.createdAt), asc(reviewReports.id));

  const items: QueueReview[] = rows.map((row) => {
    const open = reportRows.filter((r) => r.reviewId === row.id);
    const tally = new Map<ReportReason, number>();
    for (const report of open) tally.set(report.reason, (tally.get(report.reason) ?? 0) + 1);
    return {
      id: row.id,
      status: row.status,
      statusReason: row.statusReason,
      statusReasonText: describeReviewReason(row.status, row.statusReason),
      title: row.title,
      body: row.body,
      version: row.version,
      createdAt: row.createdAt,
      waitingHours: row.waitingHours,
      authorName: row.authorName,
      therapist: { slug: row.therapistSlug, name: row.therapistName },
      openAppealId: row.openAppealId === null ? null : Number(row.openAppealId),
      reports: {
        open: open.length,
        reasons: [...tally]
          .map(([reason, n]) => ({ reason, count: n }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
        notes: open
          .filter((r) => r.note.length > 0)
          .map((r) => ({ reason: r.reason, note: r.note, createdAt: r.createdAt })),
        safetyConcern: open.some((r) => r.reason === CONFIDENTIAL_REPORT_REASON),
      },
    };
  });

  const appealRows = await db
    .select({
      id: reviewAppeals.id,
      reviewId: reviewAppeals.reviewId,
      statement: reviewAppeals.statement,
      createdAt: reviewAppeals.createdAt,
      waitingHours: hours(sql`${reviewAppeals.createdAt}`),
      originalModeratorId: reviewAppeals.originalModeratorId,
      status: reviews.status,
      statusReason: reviews.statusReason,
      title: reviews.title,
      body: reviews.body,
      authorName: users.displayName,
      therapistSlug: therapists.slug,
      therapistName: therapists.name,
    })
    .from(reviewAppeals)
    .innerJoin(reviews, eq(reviews.id, reviewAppeals.reviewId))
    .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(isNull(reviewAppeals.decidedAt))
    .orderBy(asc(reviewAppeals.createdAt), asc(reviewAppeals.id))
    .limit(QUEUE_LIMIT);

  const [counts] = await db
    .select({
      reported: sql<number>`count(*) filter (where ${reviews.status} <> 'pending')::int`.mapWith(
        Number,
      ),
      safety: sql<number>`count(*) filter (where ${safety})::int`.mapWith(Number),
    })
    .from(reviews)
    .where(hasOpenReports());
  const [appealCount] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(reviewAppeals)
    .where(isNull(reviewAppeals.decidedAt));
  const backlog = await pendingBacklog();

  return {
    safety: items.filter((i) => i.reports.safetyConcern).slice(0, QUEUE_LIMIT),
    pending: items
      .filter((i) => !i.reports.safetyConcern && i.status === 'pending')
      .slice(0, QUEUE_LIMIT),
    reported: items
      .filter((i) => !i.reports.safetyConcern && i.status !== 'pending')
      .slice(0, QUEUE_LIMIT),
    appeals: appealRows.map((a) => ({
      id: a.id,
      reviewId: a.reviewId,
      statement: a.statement,
      createdAt: a.createdAt,
      waitingHours: a.waitingHours,
      originalDecisionIsYours: a.originalModeratorId === me.userId,
      review: {
        status: a.status,
        statusReason: a.statusReason,
        statusReasonText: describeReviewReason(a.status, a.statusReason),
        title: a.title,
        body: a.body,
        authorName: a.authorName,
        therapist: { slug: a.therapistSlug, name: a.therapistName },
      },
    })),
    counts: {
      pending: backlog.pending,
      reported: counts?.reported ?? 0,
      safety: counts?.safety ?? 0,
      appeals: appealCount?.n ?? 0,
    },
    oldestPendingHours: backlog.oldestPendingHours,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Decisions                                                                                   */
/* ------------------------------------------------------------------------------------------ */

const REASON_ERROR = 'Choose the reason for the decision from the list.';

/** A moderator's decision on a review: only these fields (TRUST 10). */
export const decisionInput = z
  .strictObject({
    decision: z.enum(MODERATION_DECISIONS, { error: 'Choose publish, not recommended or remove.' }),
    reason: z.enum(MODERATION_REASONS, { error: REASON_ERROR }),
  })
  .superRefine((value, context) => {
    const publishes = value.decision === 'approve';
    if (publishes && value.reason !== APPROVAL_REASON) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'A review is published only as “Meets the guidelines”.',
      });
    } else if (!publishes && value.reason === APPROVAL_REASON) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say which guideline the review does not meet.',
      });
    }
  });

const AUDIT_ACTIONS: Record<ModerationDecision, string> = {
  approve: 'review.approved',
  not_recommended: 'review.not_recommended',
  remove: 'review.removed',
};
const NEW_STATUS: Record<ModerationDecision, ReviewStatus> = {
  approve: 'published',
  not_recommended: 'not_recommended',
  remove: 'removed',
};

export interface DecisionOutcome {
  reviewId: number;
  status: ReviewStatus;
  previousStatus: ReviewStatus;
  reason: ModerationReason;
  reportsResolved: number;
}

/**
 * A review about to be decided on, locked for the rest of the transaction, with who wrote it and
 * who holds its listing (neither may decide on it).
 */
export async function lockReviewForDecision(tx: Executor, reviewId: number) {
  const [review] = await tx
    .select({
      id: reviews.id,
      status: reviews.status,
      authorId: reviews.authorId,
      therapistId: reviews.therapistId,
      claimedBy: therapists.claimedByUserId,
    })
    .from(reviews)
    .innerJoin(therapists, eq(therapists.id, reviews.therapistId))
    .where(eq(reviews.id, reviewId))
    .for('update', { of: reviews });
  return review ?? null;
}

/**
 * Decides on a review, in one transaction: its status and reason, its first publication date,
 * who decided and when; its open reports resolved; the therapist's aggregates recomputed; one
 * audit entry. Moderators with a confirmed passkey only, never on their own review or on a
 * listing they hold, and not while the review's author has an open appeal (that goes to
 * another moderator).
 */
export async function decideReview(
  viewer: Viewer | null,
  reviewId: number,
  input: unknown,
): Promise<DecisionOutcome> {
  const me = requireRole(viewer, 'moderator');
  const { decision, reason } = parseInput(decisionInput, input);
  return getDb().transaction(async (tx) => {
    const review = await lockReviewForDecision(tx, reviewId);
    if (!review) throw new AppError('not_found', 'There is no such review.');
    if (review.authorId === me.userId) {
      throw new AppError('forbidden', 'Another moderator decides on your own review.');
    }
    if (review.claimedBy === me.userId) {
      throw new AppError('forbidden', 'Another moderator decides on reviews of your own listing.');
    }
    const [appeal] = await tx
      .select({ id: reviewAppeals.id })
      .from(reviewAppeals)
      .where(and(eq(reviewAppeals.reviewId, review.id), isNull(reviewAppeals.decidedAt)));
    if (appeal) {
      throw new AppError(
        'forbidden',
        'The author has appealed the decision on this review: decide the appeal instead.',
      );
    }

    const status = NEW_STATUS[decision];
    await tx
      .update(reviews)
      .set({
        status,
        statusReason: decision === 'approve' ? null : reason,
        publishedAt:
          decision === 'approve' ? sql`coalesce(${reviews.publishedAt}, now())` : undefined,
        moderatedById: me.userId,
        moderatedAt: sql`now()`,
      })
      .where(eq(reviews.id, review.id));
    const resolved = await tx
      .update(reviewReports)
      .set({ resolvedAt: sql`now()`, resolvedById: me.userId })
      .where(and(eq(reviewReports.reviewId, review.id), isNull(reviewReports.resolvedAt)))
      .returning({ id: reviewReports.id });
    await recomputeTherapistStats(tx, [review.therapistId]);
    await tx.insert(auditLog).values({
      actorId: me.userId,
      action: AUDIT_ACTIONS[decision],
      subjectUserId: review.authorId,
      detail: { reviewId: review.id, reason, previousStatus: review.status },
    });
    return {
      reviewId: review.id,
      status,
      previousStatus: review.status,
      reason,
      reportsResolved: resolved.length,
    };
  });
}
