import 'server-only';
import { FOLLOW_UP_WEEKS, type FollowUpWeeks } from '@/db/aggregates';
import { AppError } from '@/lib/errors';
import {
  linkExpired,
  linkExpiry,
  linkNotValid,
  readSignedLink,
  signLink,
  siteOrigin,
  type SignedLinkKind,
} from '@/lib/signed-links';
import { FOLLOW_UP_LINK_DAYS } from './format';

export { FOLLOW_UP_LINK_DAYS } from './format';

/** What a follow-up link may do: answer that one question, nothing else. */
export const FOLLOW_UP_PURPOSE = 'follow-up';

const FOLLOW_UP_LINK: SignedLinkKind = {
  purpose: FOLLOW_UP_PURPOSE,
  fields: 2,
  unavailable: 'Follow-up links cannot be checked right now.',
};

export interface SignedLinkClaims {
  purpose: string;
  reviewId: number;
  weeks: number;
  expiresAt: Date;
}

export interface FollowUpClaims {
  reviewId: number;
  weeks: FollowUpWeeks;
  expiresAt: Date;
}

export type TokenProblem = 'invalid' | 'wrong_purpose' | 'expired';

export type TokenCheck =
  { ok: true; claims: FollowUpClaims } | { ok: false; problem: TokenProblem; message: string };

/**
 * Signs a review and a week for a purpose. Only follow-up links are made in the app; other
 * purposes exist so that a token made for one thing can be shown to fail for another.
 */
export function signLinkClaims(claims: SignedLinkClaims): string {
  return signLink(
    { ...FOLLOW_UP_LINK, purpose: claims.purpose },
    [claims.reviewId, claims.weeks],
    claims.expiresAt,
  );
}

/** The token of the links in one follow-up email: valid for 30 days from `sentAt`. */
export function createFollowUpToken(
  reviewId: number,
  weeks: FollowUpWeeks,
  sentAt: Date = new Date(),
): { token: string; expiresAt: Date } {
  const expiresAt = linkExpiry(sentAt, FOLLOW_UP_LINK_DAYS);
  return {
    token: signLinkClaims({ purpose: FOLLOW_UP_PURPOSE, reviewId, weeks, expiresAt }),
    expiresAt,
  };
}

const INVALID = linkNotValid('follow-up link');

function refuse(problem: TokenProblem, message = INVALID): TokenCheck {
  return { ok: false, problem, message };
}

/**
 * Checks a follow-up token: the signature, what it is for, the week and its expiry. Refusals
 * say which of these failed, in words for the person holding it.
 */
export function checkFollowUpToken(token: unknown, now: Date = new Date()): TokenCheck {
  const read = readSignedLink(FOLLOW_UP_LINK, token, now);
  if (read.ok === false) {
    if (read.problem === 'wrong_purpose') {
      return refuse(
        'wrong_purpose',
        'This link was not made for answering a follow-up question, so it cannot be used here.',
      );
    }
    if (read.problem === 'expired') {
      return refuse('expired', linkExpired('follow-up link', read.expiresAt, FOLLOW_UP_LINK_DAYS));
    }
    return refuse('invalid');
  }
  const [reviewId, week] = read.fields as [number, number];
  if (!(FOLLOW_UP_WEEKS as readonly number[]).includes(week)) return refuse('invalid');
  return {
    ok: true,
    claims: { reviewId, weeks: week as FollowUpWeeks, expiresAt: read.expiresAt },
  };
}

/** The claims of a valid follow-up token; a refused one throws a `forbidden` AppError. */
export function verifyFollowUpToken(token: unknown, now: Date = new Date()): FollowUpClaims {
  const check = checkFollowUpToken(token, now);
  if (!check.ok) {
    throw new AppError('forbidden', check.message, {
      issues: [{ field: 'token', message: check.message }],
    });
  }
  return check.claims;
}

/** One tap in the email: opens the question with `pain` chosen (it records nothing yet). */
export function followUpLink(
  token: string,
  pain: number,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return `${siteOrigin(env)}/follow-up/${token}?pain=${pain}`;
}
