import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { FOLLOW_UP_WEEKS, type FollowUpWeeks } from '@/db/aggregates';
import { authSecret } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';
import { FOLLOW_UP_LINK_DAYS } from './format';

export { FOLLOW_UP_LINK_DAYS } from './format';

/** What a follow-up link may do: answer that one question, nothing else. */
export const FOLLOW_UP_PURPOSE = 'follow-up';

const DAY_MS = 24 * 3_600_000;
const MAX_TOKEN_LENGTH = 300;
/** Keeps these signatures apart from anything else ever signed with the same secret. */
const DOMAIN = 'unknot:signed-link:v1';

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

function secret(): string {
  const value = authSecret();
  if (!value) {
    throw new AppError('unavailable', 'Follow-up links cannot be checked right now.');
  }
  return value;
}

function signature(body: string): Buffer {
  return createHmac('sha256', secret()).update(`${DOMAIN}\n${body}`).digest();
}

/**
 * Signs claims into a URL-safe token: base64url(purpose.reviewId.weeks.expiresAt) "."
 * base64url(HMAC-SHA256 with the app secret). Only follow-up links are made in the app; other
 * purposes exist so that a token made for one thing can be shown to fail for another.
 */
export function signLinkClaims(claims: SignedLinkClaims): string {
  if (!/^[a-z-]+$/.test(claims.purpose)) throw new Error('A purpose is lower-case letters.');
  const body = [
    claims.purpose,
    String(claims.reviewId),
    String(claims.weeks),
    String(Math.floor(claims.expiresAt.getTime() / 1000)),
  ].join('.');
  return `${Buffer.from(body).toString('base64url')}.${signature(body).toString('base64url')}`;
}

/** The token of the links in one follow-up email: valid for 30 days from `sentAt`. */
export function createFollowUpToken(
  reviewId: number,
  weeks: FollowUpWeeks,
  sentAt: Date = new Date(),
): { token: string; expiresAt: Date } {
  const expiresAt = new Date(sentAt.getTime() + FOLLOW_UP_LINK_DAYS * DAY_MS);
  return {
    token: signLinkClaims({ purpose: FOLLOW_UP_PURPOSE, reviewId, weeks, expiresAt }),
    expiresAt,
  };
}

const INVALID =
  'This follow-up link is not valid. Open it exactly as it is in the email; if it was copied, part of it may be missing.';

function refuse(problem: TokenProblem, message = INVALID): TokenCheck {
  return { ok: false, problem, message };
}

/** Base64url that decodes and encodes back to exactly the same text (no lenient decoding). */
function strictBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/**
 * Checks a follow-up token: the signature first (compared in constant time), then what it is
 * for, then its expiry. Refusals say which of these failed, in words for the person holding it.
 */
export function checkFollowUpToken(token: unknown, now: Date = new Date()): TokenCheck {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return refuse('invalid');
  }
  const parts = token.split('.');
  if (parts.length !== 2) return refuse('invalid');
  const bodyBytes = strictBase64url(parts[0]!);
  const given = strictBase64url(parts[1]!);
  if (!bodyBytes || !given) return refuse('invalid');
  const body = bodyBytes.toString('utf8');
  const expected = signature(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse('invalid');
  }
  const match = /^([a-z-]+)\.([1-9][0-9]{0,9})\.([0-9]{1,3})\.([0-9]{1,12})$/.exec(body);
  if (!match) return refuse('invalid');
  const [, purpose, reviewId, weeks, expires] = match;
  if (purpose !== FOLLOW_UP_PURPOSE) {
    return refuse(
      'wrong_purpose',
      'This link was not made for answering a follow-up question, so it cannot be used here.',
    );
  }
  const week = Number(weeks);
  if (!(FOLLOW_UP_WEEKS as readonly number[]).includes(week)) return refuse('invalid');
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    return refuse(
      'expired',
      `This follow-up link expired on ${expiresAt.toLocaleDateString('en-US', {
        dateStyle: 'long',
        timeZone: 'UTC',
      })}: links work for ${FOLLOW_UP_LINK_DAYS} days after the email.`,
    );
  }
  return {
    ok: true,
    claims: { reviewId: Number(reviewId), weeks: week as FollowUpWeeks, expiresAt },
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

/**
 * The site's public origin for links in emails: AUTH_URL's, never a request's Host header.
 * Development without AUTH_URL uses http://localhost:PORT; production refuses.
 */
export function siteOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  if (env.NODE_ENV === 'production') {
    throw new Error('AUTH_URL is not set: links in emails need the public origin of the site.');
  }
  return `http://localhost:${env.PORT?.trim() || '3000'}`;
}

/** One tap in the email: opens the question with `pain` chosen (it records nothing yet). */
export function followUpLink(
  token: string,
  pain: number,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return `${siteOrigin(env)}/follow-up/${token}?pain=${pain}`;
}
