import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';

/**
 * Signed links in emails: a token is base64url("<purpose>.<number>….<expires, unix seconds>")
 * "." base64url(HMAC-SHA256 with the app secret). The purpose is signed with the numbers, so a
 * token made for one thing never passes as another; each area keeps its own purpose, numbers and
 * wording, and checks what the numbers mean.
 */
export interface SignedLinkKind {
  /** Lower-case words and hyphens, written first in every token of this kind. */
  purpose: string;
  /** How many numbers the token carries besides its expiry. */
  fields: number;
  /** The refusal when there is no secret to sign or check with. */
  unavailable: string;
}

export type SignedLinkRead =
  | { ok: true; fields: number[]; expiresAt: Date }
  | { ok: false; problem: 'invalid' | 'wrong_purpose' }
  | { ok: false; problem: 'expired'; expiresAt: Date };

/** Keeps these signatures apart from anything else ever signed with the same secret. */
const DOMAIN = 'unknot:signed-link:v1';
const MAX_TOKEN_LENGTH = 300;
/** Every number is a database id or a small count: a positive 32-bit integer. */
const MAX_FIELD = 2_147_483_647;
const DAY_MS = 24 * 3_600_000;

function signature(kind: SignedLinkKind, body: string): Buffer {
  const secret = authSecret();
  if (!secret) throw new AppError('unavailable', kind.unavailable);
  return createHmac('sha256', secret).update(`${DOMAIN}\n${body}`).digest();
}

/** The moment a link sent at `sentAt` stops working. */
export function linkExpiry(sentAt: Date, days: number): Date {
  return new Date(sentAt.getTime() + days * DAY_MS);
}

export function signLink(kind: SignedLinkKind, fields: readonly number[], expiresAt: Date): string {
  if (!/^[a-z-]+$/.test(kind.purpose)) throw new Error('A purpose is lower-case letters.');
  if (fields.length !== kind.fields || !fields.every((n) => Number.isSafeInteger(n) && n > 0)) {
    throw new Error(`A ${kind.purpose} link carries ${kind.fields} positive whole numbers.`);
  }
  const body = [
    kind.purpose,
    ...fields.map(String),
    String(Math.floor(expiresAt.getTime() / 1000)),
  ].join('.');
  return `${Buffer.from(body).toString('base64url')}.${signature(kind, body).toString('base64url')}`;
}

/** Base64url that decodes and encodes back to exactly the same text (no lenient decoding). */
function strictBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/**
 * Checks a token: the signature first (compared in constant time), then its shape, then what it
 * is for, then its expiry.
 */
export function readSignedLink(
  kind: SignedLinkKind,
  token: unknown,
  now: Date = new Date(),
): SignedLinkRead {
  const invalid = { ok: false, problem: 'invalid' } as const;
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return invalid;
  }
  const parts = token.split('.');
  if (parts.length !== 2) return invalid;
  const bodyBytes = strictBase64url(parts[0]!);
  const given = strictBase64url(parts[1]!);
  if (!bodyBytes || !given) return invalid;
  const body = bodyBytes.toString('utf8');
  const expected = signature(kind, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  const words = body.split('.');
  const [purpose, expires] = [words[0]!, words.at(-1)!];
  const fields = words.slice(1, -1);
  if (
    !/^[a-z-]+$/.test(purpose) ||
    !/^[0-9]{1,12}$/.test(expires) ||
    fields.length !== kind.fields ||
    !fields.every((field) => /^[1-9][0-9]{0,9}$/.test(field) && Number(field) <= MAX_FIELD)
  ) {
    return invalid;
  }
  if (purpose !== kind.purpose) return { ok: false, problem: 'wrong_purpose' };
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired', expiresAt };
  return { ok: true, fields: fields.map(Number), expiresAt };
}

/** The refusal of a link that was changed, cut short or made with another secret. */
export function linkNotValid(what: string): string {
  return `This ${what} is not valid. Open it exactly as it is in the email; if it was copied, part of it may be missing.`;
}

/** The refusal of a link past its time, with the day it ended. */
export function linkExpired(what: string, expiresAt: Date, days: number): string {
  return `This ${what} expired on ${expiresAt.toLocaleDateString('en-US', {
    dateStyle: 'long',
    timeZone: 'UTC',
  })}: links work for ${days} days after the email.`;
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
