import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { reviewReplies, reviews, therapists, users, type ReplyStatus } from '@/db/schema';
import { cleanText, parseInput } from '@/lib/input';
import { recordAudit } from '@/lib/audit';
import { requireRole, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { requireListingOwner } from '@/lib/listings/owner';
import { configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import { checkReplyDisclosure } from './check';
import {
  REPLY_APPROVAL_REASON,
  REPLY_DECISION_REASONS,
  REPLY_DECISIONS,
  REPLY_MAX_LENGTH,
  type ReplyDecision,
  type ReplyDecisionReason,
} from './reasons';
import { REPLY_ROW_COLUMNS, toOwnReply } from './rows';
import type { SavedReply } from './types';

/**
 * Owners' replies (TRUST 18): one public reply per published review of the owner's listing,
 * editable; a reply that looks like it discloses a client's health or identity is held for a
 * moderator. Owners can never change or hide a review: nothing here writes to `reviews`.
 */

/** Saves and deletions of replies per owner and hour (RATE_LIMIT_REPLY_CHANGES_PER_HOUR; 0: off). */
export function replyChangeLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_REPLY_CHANGES_PER_HOUR', 30, {
    name: 'changes to replies',
    windowSeconds: 3600,
  });
}

const id = (what: string) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && /^\s*\d{1,10}\s*$/.test(value) ? Number(value) : value,
    z
      .number({ error: `That ${what} does not exist.` })
      .int(`That ${what} does not exist.`)
      .positive(`That ${what} does not exist.`)
      .max(2_147_483_647, `That ${what} does not exist.`),
  );

/** The reply form: the review it answers and the text, nothing else (TRUST 10, 12). */
export const replyInput = z.strictObject({
  reviewId: id('review'),
  body: z
    .string({ error: 'Write your reply.' })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, 'Write your reply.')
        .max(
          REPLY_MAX_LENGTH,
          `Keep your reply to ${REPLY_MAX_LENGTH.toLocaleString('en-US')} characters or fewer.`,
        ),
    ),
});

export const replyTargetInput = z.strictObject({ reviewId: id('review') });

/** A moderator's decision on a held reply. `seen` is the version read (its last change). */
export const replyDecisionInput = z
  .strictObject({
    replyId: id('reply'),
    decision: z.enum(REPLY_DECISIONS, { error: 'Choose to publish or to remove the reply.' }),
    reason: z.enum(REPLY_DECISION_REASONS, {
      error: 'Choose the reason for the decision from the list.',
    }),
    seen: z.string().max(40).optional(),
  })
  .superRefine((value, context) => {
    const publishes = value.decision === 'approve';
    if (publishes !== (value.reason === REPLY_APPROVAL_REASON)) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: publishes
          ? 'A reply is published only as “Keeps the client’s confidence”.'
          : 'Say what in the reply breaks the guidelines.',
      });
    }
  });

const REPLY_COLUMNS = {
  ...REPLY_ROW_COLUMNS,
  therapistId: reviewReplies.therapistId,
  authorId: reviewReplies.authorId,
};

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const notYourReview = () => new AppError('not_found', 'There is no such review of your listing.');

const removedMessage =
  'A moderator removed your reply to this review. It cannot be edited, replaced or deleted.';

/** The review a reply answers, locked so that replies to it are written one at a time. */
async function lockReview(tx: Executor, reviewId: number) {
  const [review] = await tx
    .select({ id: reviews.id, therapistId: reviews.therapistId, status: reviews.status })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .for('no key update');
  return review ?? null;
}

async function lockReply(tx: Executor, reviewId: number) {
  const [reply] = await tx
    .select(REPLY_COLUMNS)
    .from(reviewReplies)
    .where(eq(reviewReplies.reviewId, reviewId))
    .for('update');
  return reply ?? null;
}

/**
 * Writes the owner's reply to a published review of their listing: the first save creates it,
 * later saves edit it (the same text again changes nothing). The disclosure check runs on every
 * new text: a clean reply is published, one that seems to disclose a client's health or
 * identity is held ("pending") with the reason. A held reply edited clean is published again
 * (only the check ever holds a reply); a reply a moderator removed stays removed.
 */
export async function saveReply(viewer: Viewer | null, input: unknown): Promise<SavedReply> {
  const listing = await requireListingOwner(viewer);
  const { reviewId, body } = parseInput(replyInput, input);
  const me = listing.owner;
  await consumeRateLimit(replyChangeLimit(), me.userId);

  const attempt = () =>
    getDb().transaction(async (tx) => {
      const review = await lockReview(tx, reviewId);
      // The listing is read again under the lock: ownership may have moved since.
      const [holder] = await tx
        .select({ claimedBy: therapists.claimedByUserId })
        .from(therapists)
        .where(eq(therapists.id, listing.therapistId));
      if (!review || review.therapistId !== listing.therapistId) throw notYourReview();
      if (holder?.claimedBy !== me.userId) {
        throw new AppError('forbidden', 'Your account does not hold this listing any more.');
      }
      if (review.status !== 'published') {
        throw new AppError(
          'forbidden',
          'Only published reviews can be answered; this one is not published.',
        );
      }

      const [reviewer] = await tx
        .select({ name: users.displayName })
        .from(reviews)
        .innerJoin(users, eq(users.id, reviews.authorId))
        .where(eq(reviews.id, review.id));
      const reviewerName = reviewer?.name ?? null;
      const ownerNames = [listing.name, me.displayName];

      const existing = await lockReply(tx, review.id);
      if (existing?.status === 'removed') throw new AppError('forbidden', removedMessage);
      if (existing && existing.body === body) {
        return {
          outcome: 'unchanged' as const,
          reply: toOwnReply(existing, reviewerName, ownerNames),
          therapistSlug: listing.slug,
        };
      }

      const findings = checkReplyDisclosure(body, { reviewerName, ownerNames });
      const status: ReplyStatus = findings.length > 0 ? 'pending' : 'published';
      const statusReason = findings[0]?.reason ?? null;

      const [row] = existing
        ? await tx
            .update(reviewReplies)
            .set({ body, status, statusReason, authorId: me.userId, updatedAt: sql`now()` })
            .where(eq(reviewReplies.id, existing.id))
            .returning(REPLY_COLUMNS)
        : await tx
            .insert(reviewReplies)
            .values({
              reviewId: review.id,
              therapistId: listing.therapistId,
              authorId: me.userId,
              body,
              status,
              statusReason,
            })
            .returning(REPLY_COLUMNS);
      if (!row) throw new Error('reply not written');

      await recordAudit(tx, {
        actorId: me.userId,
        action: 'reply.saved',
        therapistId: listing.therapistId,
        detail: {
          replyId: row.id,
          reviewId: review.id,
          status,
          ...(existing ? { previousStatus: existing.status } : {}),
        },
      });
      if (status === 'pending') {
        await recordAudit(tx, {
          actorId: me.userId,
          action: 'reply.held',
          therapistId: listing.therapistId,
          detail: {
            replyId: row.id,
            reviewId: review.id,
            reason: statusReason,
            reasons: findings.map((f) => f.reason),
          },
        });
      }
      return {
        outcome: existing ? ('updated' as const) : ('created' as const),
        reply: toOwnReply(row, reviewerName, ownerNames),
        therapistSlug: listing.slug,
      };
    });

  try {
    return await attempt();
  } catch (error) {
    // Two first saves at once: the unique index let one in; this one edits it instead.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

export interface DeletedReply {
  reviewId: number;
  therapistSlug: string;
}

/** Deletes the owner's reply to a review of their listing (not one a moderator removed). */
export async function deleteReply(viewer: Viewer | null, input: unknown): Promise<DeletedReply> {
  const listing = await requireListingOwner(viewer);
  const { reviewId } = parseInput(replyTargetInput, input);
  const me = listing.owner;
  await consumeRateLimit(replyChangeLimit(), me.userId);

  return getDb().transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    if (!review || review.therapistId !== listing.therapistId) throw notYourReview();
    const existing = await lockReply(tx, review.id);
    if (!existing || existing.therapistId !== listing.therapistId) {
      throw new AppError('not_found', 'There is no reply to this review to delete.');
    }
    if (existing.status === 'removed') throw new AppError('forbidden', removedMessage);
    await tx.delete(reviewReplies).where(eq(reviewReplies.id, existing.id));
    await recordAudit(tx, {
      actorId: me.userId,
      action: 'reply.deleted',
      therapistId: listing.therapistId,
      detail: { replyId: existing.id, reviewId: review.id, previousStatus: existing.status },
    });
    return { reviewId: review.id, therapistSlug: listing.slug };
  });
}

export interface ReplyDecisionOutcome {
  replyId: number;
  reviewId: number;
  therapistSlug: string;
  status: ReplyStatus;
  reason: ReplyDecisionReason;
}

const DECISION_STATUS: Record<ReplyDecision, ReplyStatus> = {
  approve: 'published',
  remove: 'removed',
};

/**
 * A moderator publishes or removes a held reply, with a reason, in one transaction with the
 * reply locked; one audit entry. Never on a reply to a review of a listing they hold, one
 * they wrote, or one to a review they wrote. When `seen` is given, the decision is refused if the owner changed the text since.
 */
export async function decideReply(
  viewer: Viewer | null,
  input: unknown,
): Promise<ReplyDecisionOutcome> {
  const me = requireRole(viewer, 'moderator');
  const { replyId, decision, reason, seen } = parseInput(replyDecisionInput, input);
  return getDb().transaction(async (tx) => {
    const [reply] = await tx
      .select({
        ...REPLY_COLUMNS,
        claimedBy: therapists.claimedByUserId,
        therapistSlug: therapists.slug,
        reviewAuthorId: reviews.authorId,
      })
      .from(reviewReplies)
      .innerJoin(therapists, eq(therapists.id, reviewReplies.therapistId))
      .innerJoin(reviews, eq(reviews.id, reviewReplies.reviewId))
      .where(eq(reviewReplies.id, replyId))
      .for('update', { of: reviewReplies });
    if (!reply) throw new AppError('not_found', 'There is no such reply.');
    if (
      reply.claimedBy === me.userId ||
      reply.authorId === me.userId ||
      reply.reviewAuthorId === me.userId
    ) {
      throw new AppError(
        'forbidden',
        'Another moderator decides on replies to reviews of your own listing or to your own reviews.',
      );
    }
    if (reply.status !== 'pending') {
      throw new AppError('forbidden', 'This reply is no longer waiting for a decision.');
    }
    if (seen !== undefined && seen !== reply.updatedAt.toISOString()) {
      throw new AppError(
        'validation',
        'The owner changed this reply after you opened it: read the new text before deciding.',
      );
    }
    const status = DECISION_STATUS[decision];
    await tx
      .update(reviewReplies)
      .set({
        status,
        statusReason: decision === 'approve' ? null : reason,
        moderatedById: me.userId,
        moderatedAt: sql`now()`,
      })
      .where(and(eq(reviewReplies.id, reply.id), eq(reviewReplies.status, 'pending')));
    await recordAudit(tx, {
      actorId: me.userId,
      action: decision === 'approve' ? 'reply.approved' : 'reply.removed',
      subjectUserId: reply.authorId,
      therapistId: reply.therapistId,
      detail: {
        replyId: reply.id,
        reviewId: reply.reviewId,
        reason,
        previousStatus: reply.status,
      },
    });
    return {
      replyId: reply.id,
      reviewId: reply.reviewId,
      therapistSlug: reply.therapistSlug,
      status,
      reason,
    };
  });
}
