import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';

/**
 * Signed links that stop one waiting contact change, sent to the listing's old address. The
 * token names the change and when the link expires (when the change applies); it can do
 * nothing else.
 */
export const CONTACT_CHANGE_PURPOSE = 'contact-change';

const MAX_TOKEN_LENGTH = 300;
/** Keeps these signatures apart from anything else signed with the same secret. */
const DOMAIN = 'unknot:listing-contact-change:v1';

export interface ContactChangeClaims {
  changeId: number;
  expiresAt: Date;
}

export type ContactTokenCheck =
  | { ok: true; claims: ContactChangeClaims }
  | { ok: false; problem: 'invalid' | 'expired'; message: string };

function secret(): string {
  const value = authSecret();
  if (!value) throw new AppError('unavailable', 'Links cannot be checked right now.');
  return value;
}

function signature(body: string): Buffer {
  return createHmac('sha256', secret()).update(`${DOMAIN}\n${body}`).digest();
}

/** base64url("contact-change.<changeId>.<expires, unix seconds>") "." base64url(HMAC-SHA256). */
export function createContactChangeToken(changeId: number, expiresAt: Date): string {
  const body = [
    CONTACT_CHANGE_PURPOSE,
    String(changeId),
    String(Math.floor(expiresAt.getTime() / 1000)),
  ].join('.');
  return `${Buffer.from(body).toString('base64url')}.${signature(body).toString('base64url')}`;
}

/** Base64url that decodes and encodes back to exactly the same text (no lenient decoding). */
function strictBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

const INVALID =
  'This link is not valid. Open it exactly as it is in the email; if it was copied, part of it may be missing.';

/** Checks the signature (in constant time), then the purpose, then the expiry. */
export function checkContactChangeToken(token: unknown, now: Date = new Date()): ContactTokenCheck {
  const invalid = { ok: false, problem: 'invalid', message: INVALID } as const;
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return invalid;
  }
  const parts = token.split('.');
  if (parts.length !== 2) return invalid;
  const bodyBytes = strictBase64url(parts[0]!);
  const given = strictBase64url(parts[1]!);
  if (!bodyBytes || !given) return invalid;
  const body = bodyBytes.toString('utf8');
  const expected = signature(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  const match = /^([a-z-]+)\.([1-9][0-9]{0,9})\.([0-9]{1,12})$/.exec(body);
  if (!match || match[1] !== CONTACT_CHANGE_PURPOSE) return invalid;
  const expiresAt = new Date(Number(match[3]) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    return {
      ok: false,
      problem: 'expired',
      message:
        'This link has expired: the change it was about has already applied, or was stopped. Sign in to see the listing’s contact details.',
    };
  }
  return { ok: true, claims: { changeId: Number(match[2]), expiresAt } };
}
