import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';
import { siteOrigin } from '@/lib/follow-ups/token';
import { INVITATION_LINK_DAYS } from './link-days';

export { INVITATION_LINK_DAYS } from './link-days';

const PURPOSE = 'review-invitation';
/** Keeps these signatures apart from anything else signed with the same secret. */
const DOMAIN = 'unknot:review-invitation:v1';
const DAY_MS = 24 * 3_600_000;
const MAX_TOKEN_LENGTH = 300;

export interface InvitationClaims {
  invitationId: number;
  therapistId: number;
  expiresAt: Date;
}

export type InvitationTokenCheck =
  | { ok: true; claims: InvitationClaims }
  | { ok: false; problem: 'invalid' | 'expired'; message: string };

function signature(body: string): Buffer {
  const secret = authSecret();
  if (!secret) throw new AppError('unavailable', 'Invitation links cannot be checked right now.');
  return createHmac('sha256', secret).update(`${DOMAIN}\n${body}`).digest();
}

/** Signs the claims: base64url(purpose.invitationId.therapistId.expires) "." base64url(HMAC). */
export function signInvitationClaims(claims: InvitationClaims): string {
  const body = [
    PURPOSE,
    String(claims.invitationId),
    String(claims.therapistId),
    String(Math.floor(claims.expiresAt.getTime() / 1000)),
  ].join('.');
  return `${Buffer.from(body).toString('base64url')}.${signature(body).toString('base64url')}`;
}

/** The token of one invitation, valid for INVITATION_LINK_DAYS from `sentAt`. */
export function createInvitationToken(
  invitationId: number,
  therapistId: number,
  sentAt: Date = new Date(),
): { token: string; expiresAt: Date } {
  const expiresAt = new Date(sentAt.getTime() + INVITATION_LINK_DAYS * DAY_MS);
  return { token: signInvitationClaims({ invitationId, therapistId, expiresAt }), expiresAt };
}

const INVALID =
  'This invitation link is not valid. Open it exactly as it is in the email; if it was copied, part of it may be missing.';

function strictBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** Checks an invitation token: signature (constant time), purpose and shape, then expiry. */
export function checkInvitationToken(token: unknown, now: Date = new Date()): InvitationTokenCheck {
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
  const match = /^([a-z-]+)\.([1-9][0-9]{0,9})\.([1-9][0-9]{0,9})\.([0-9]{1,12})$/.exec(body);
  if (!match || match[1] !== PURPOSE) return invalid;
  const invitationId = Number(match[2]);
  const therapistId = Number(match[3]);
  if (invitationId > 2_147_483_647 || therapistId > 2_147_483_647) return invalid;
  const expiresAt = new Date(Number(match[4]) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    return {
      ok: false,
      problem: 'expired',
      message: `This invitation link expired on ${expiresAt.toLocaleDateString('en-US', {
        dateStyle: 'long',
        timeZone: 'UTC',
      })}: links work for ${INVITATION_LINK_DAYS} days after the email.`,
    };
  }
  return { ok: true, claims: { invitationId, therapistId, expiresAt } };
}

/** The review page of the listing, opened from the invitation. */
export function invitationLink(
  slug: string,
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return `${siteOrigin(env)}/therapists/${encodeURIComponent(slug)}/review?invitation=${encodeURIComponent(token)}`;
}
