import 'server-only';
import { getDb } from '@/db';
import type { FollowUpWeeks } from '@/db/aggregates';
import { closedReason, loadFollowUpSubject } from './subject';
import { checkFollowUpToken, type TokenProblem } from './token';

/** What the follow-up page shows: the question of one review, by its signed link. */
export interface FollowUpQuestion {
  therapistName: string;
  weeks: FollowUpWeeks;
  /** The earlier answer to this question, if any (answering again replaces it). */
  answer: { painNow: number; answeredAt: string } | null;
}

export type FollowUpQuestionResult =
  | { ok: true; question: FollowUpQuestion }
  | { ok: false; problem: TokenProblem | 'closed'; message: string };

export const FOLLOW_UP_CLOSED_MESSAGE =
  'This question is closed: the review it was about is no longer on Unknot under your name.';

/**
 * Reads the question behind a follow-up link. Reading only: opening a link records nothing
 * (mail scanners open links too). The token is the authority: no sign-in is needed, and it
 * gives access to exactly this one question.
 */
export async function getFollowUpQuestion(
  token: unknown,
  now: Date = new Date(),
): Promise<FollowUpQuestionResult> {
  const check = checkFollowUpToken(token, now);
  if (!check.ok) return check;
  const { reviewId, weeks } = check.claims;
  const subject = await loadFollowUpSubject(getDb(), reviewId, weeks);
  if (!subject || closedReason(subject))
    return { ok: false, problem: 'closed', message: FOLLOW_UP_CLOSED_MESSAGE };
  return {
    ok: true,
    question: {
      therapistName: subject.therapistName,
      weeks,
      answer: subject.answer
        ? {
            painNow: subject.answer.painNow,
            answeredAt: subject.answer.answeredAt.toISOString(),
          }
        : null,
    },
  };
}
