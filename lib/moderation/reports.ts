import 'server-only';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import { auditLog, REPORT_REASONS, reviewReports, reviews } from '@/db/schema';
import { cleanText, parseInput } from '@/lib/input';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import { REPORT_NOTE_MAX, REPORTED_HOLD_REASON, REPORTS_TO_HOLD } from './reasons';

/** Reports per account and hour (RATE_LIMIT_REPORTS_PER_HOUR; 0 turns the limit off). */
export function reportRateLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_REPORTS_PER_HOUR', 10, {
    name: 'reports',
    windowSeconds: 60 * 60,
  });
}

/** What a report form sends besides the review's id: only these fields (TRUST 10). */
export const reportInput = z.strictObject({
  reason: z.enum(REPORT_REASONS, { error: 'Choose why you are reporting this review.' }),
  note: z
    .string({ error: 'Write your note as text.' })
    .max(REPORT_NOTE_MAX * 4, `A note has at most ${REPORT_NOTE_MAX} characters.`)
    .transform(cleanText)
    .pipe(z.string().max(REPORT_NOTE_MAX, `A note has at most ${REPORT_NOTE_MAX} characters.`))
    .optional()
    .default(''),
});

export interface ReportOutcome {
  /** False when this member had already reported the review: nothing changed. */
  reported: boolean;
  /** True when this report was the one that sent the review back to a moderator. */
  held: boolean;
}

const NO_SUCH_REVIEW = 'There is no such review to report.';

/**
 * Reports a review to the moderators. Signed-in accounts only, never on one's own review, once
 * per member and review (a second report changes nothing and says so), only on reviews readers
 * can see (published or not recommended). A report does not hide anything by itself: open
 * reports from `REPORTS_TO_HOLD` different members send a published review back to pending
 * (reason "reported"), with its aggregates recomputed and an audit entry, in the same
 * transaction. Reports with the reason "safety_concern" are a confidential channel: their note
 * reaches moderators only.
 */
export async function reportReview(
  viewer: Viewer | null,
  reviewId: number,
  input: unknown,
): Promise<ReportOutcome> {
  const me = requireSignedIn(viewer);
  const { reason, note } = parseInput(reportInput, input);
  await consumeRateLimit(reportRateLimit(), me.userId);
  return getDb().transaction(async (tx) => {
    const [review] = await tx
      .select({
        id: reviews.id,
        authorId: reviews.authorId,
        therapistId: reviews.therapistId,
        status: reviews.status,
      })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .for('update');
    if (!review || review.status === 'removed') throw new AppError('not_found', NO_SUCH_REVIEW);
    if (review.status === 'pending') {
      throw new AppError(
        'not_found',
        'This review is already with a moderator and not shown: there is nothing to report.',
      );
    }
    if (review.authorId === me.userId) {
      throw new AppError('forbidden', 'You cannot report your own review.');
    }
    const [created] = await tx
      .insert(reviewReports)
      .values({ reviewId: review.id, reporterId: me.userId, reason, note })
      .onConflictDoNothing({ target: [reviewReports.reviewId, reviewReports.reporterId] })
      .returning({ id: reviewReports.id });
    if (!created) return { reported: false, held: false };
    await tx.insert(auditLog).values({
      actorId: me.userId,
      action: 'review.reported',
      subjectUserId: null,
      detail: { reviewId: review.id, reportId: created.id, reason },
    });

    if (review.status !== 'published') return { reported: true, held: false };
    const [open] = await tx
      .select({ reporters: count(sql`distinct ${reviewReports.reporterId}`) })
      .from(reviewReports)
      .where(
        and(
          eq(reviewReports.reviewId, review.id),
          isNull(reviewReports.resolvedAt),
          isNotNull(reviewReports.reporterId),
        ),
      );
    const reporters = Number(open?.reporters ?? 0);
    if (reporters < REPORTS_TO_HOLD) return { reported: true, held: false };
    await tx
      .update(reviews)
      .set({ status: 'pending', statusReason: REPORTED_HOLD_REASON })
      .where(eq(reviews.id, review.id));
    await recomputeTherapistStats(tx, [review.therapistId]);
    await tx.insert(auditLog).values({
      actorId: null,
      action: 'review.held',
      subjectUserId: review.authorId,
      detail: {
        reviewId: review.id,
        reason: REPORTED_HOLD_REASON,
        previousStatus: review.status,
        openReports: reporters,
      },
    });
    return { reported: true, held: true };
  });
}
