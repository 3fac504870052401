import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { recomputeTherapistStats, type FollowUpWeeks } from '@/db/aggregates';
import { reviewFollowUps } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { clientAddress, configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import { FOLLOW_UP_CLOSED_MESSAGE } from './queries';
import { closedReason, loadFollowUpSubject } from './subject';
import { verifyFollowUpToken } from './token';

export const followUpAnswerInput = z.strictObject({
  token: z
    .string({ error: 'This link is not complete.' })
    .min(1, { error: 'This link is not complete.' })
    .max(300, { error: 'This follow-up link is not valid.' }),
  pain: z.union(
    [
      z
        .string()
        .regex(/^(?:10|[0-9])$/)
        .transform(Number),
      z.number().int().min(0).max(10),
    ],
    { error: 'Choose a number from 0 to 10.' },
  ),
});
export type FollowUpAnswerInput = z.output<typeof followUpAnswerInput>;

/** What the thank-you message shows. */
export interface FollowUpAnswered {
  therapistName: string;
  /** The therapist's public page, when there is one. */
  therapistSlug: string | null;
  weeks: FollowUpWeeks;
  painBefore: number | null;
  painAfterVisits: number | null;
  painNow: number;
  /** An earlier answer to the same question was replaced. */
  replaced: boolean;
}

/** Follow-up answers per client address and hour (RATE_LIMIT_FOLLOW_UP_ANSWERS, 0 turns it off). */
export function followUpAnswerLimit(
  env: Readonly<Record<string, string | undefined>> = process.env,
): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_FOLLOW_UP_ANSWERS', 30, {
    name: 'follow-up answers',
    windowSeconds: 3600,
  });
}

/**
 * Records (or replaces) the answer to one follow-up question. The signed token is the authority
 * for exactly that answer: no sign-in. Counted per client address first; a tampered, expired or
 * foreign token, or a review that is gone, removed, anonymised or whose author is banned, changes
 * nothing. The therapist's aggregates are recomputed in the same transaction (and reach the
 * search documents through the outbox triggers).
 */
export async function answerFollowUp(
  input: FollowUpAnswerInput,
  requestHeaders: Headers,
  options: { now?: Date } = {},
): Promise<FollowUpAnswered> {
  await consumeRateLimit(followUpAnswerLimit(), clientAddress(requestHeaders));
  const { reviewId, weeks } = verifyFollowUpToken(input.token, options.now);
  if (!Number.isInteger(input.pain) || input.pain < 0 || input.pain > 10) {
    throw new AppError('validation', 'Choose a number from 0 to 10.', {
      issues: [{ field: 'pain', message: 'Choose a number from 0 to 10.' }],
    });
  }
  return getDb().transaction(async (tx) => {
    const subject = await loadFollowUpSubject(tx, reviewId, weeks, { lock: true });
    if (!subject || closedReason(subject)) {
      throw new AppError('not_found', FOLLOW_UP_CLOSED_MESSAGE);
    }
    await tx
      .insert(reviewFollowUps)
      .values({ reviewId, weeksAfter: weeks, painNow: input.pain })
      .onConflictDoUpdate({
        target: [reviewFollowUps.reviewId, reviewFollowUps.weeksAfter],
        set: { painNow: input.pain, answeredAt: sql`now()` },
      });
    await recomputeTherapistStats(tx, [subject.therapistId]);
    return {
      therapistName: subject.therapistName,
      therapistSlug: subject.therapistSlug,
      weeks,
      painBefore: subject.painBefore,
      painAfterVisits: subject.painAfterVisits,
      painNow: input.pain,
      replaced: subject.answer !== null,
    };
  });
}
