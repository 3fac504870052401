import 'server-only';
import {
  linkExpired,
  linkExpiry,
  linkNotValid,
  readSignedLink,
  signLink,
  siteOrigin,
  type SignedLinkKind,
} from '@/lib/signed-links';
import { INVITATION_LINK_DAYS } from './link-days';

export { INVITATION_LINK_DAYS } from './link-days';

const INVITATION_LINK: SignedLinkKind = {
  purpose: 'review-invitation',
  fields: 2,
  unavailable: 'Invitation links cannot be checked right now.',
};

export interface InvitationClaims {
  invitationId: number;
  therapistId: number;
  expiresAt: Date;
}

export type InvitationTokenCheck =
  | { ok: true; claims: InvitationClaims }
  | { ok: false; problem: 'invalid' | 'expired'; message: string };

/** Signs the invitation and its listing. */
export function signInvitationClaims(claims: InvitationClaims): string {
  return signLink(INVITATION_LINK, [claims.invitationId, claims.therapistId], claims.expiresAt);
}

/** The token of one invitation, valid for INVITATION_LINK_DAYS from `sentAt`. */
export function createInvitationToken(
  invitationId: number,
  therapistId: number,
  sentAt: Date = new Date(),
): { token: string; expiresAt: Date } {
  const expiresAt = linkExpiry(sentAt, INVITATION_LINK_DAYS);
  return { token: signInvitationClaims({ invitationId, therapistId, expiresAt }), expiresAt };
}

/** Checks an invitation token: signature, purpose and shape, then expiry. */
export function checkInvitationToken(token: unknown, now: Date = new Date()): InvitationTokenCheck {
  const read = readSignedLink(INVITATION_LINK, token, now);
  if (read.ok) {
    const [invitationId, therapistId] = read.fields as [number, number];
    return { ok: true, claims: { invitationId, therapistId, expiresAt: read.expiresAt } };
  }
  if (read.problem === 'expired') {
    return {
      ok: false,
      problem: 'expired',
      message: linkExpired('invitation link', read.expiresAt, INVITATION_LINK_DAYS),
    };
  }
  return { ok: false, problem: 'invalid', message: linkNotValid('invitation link') };
}

/** The review page of the listing, opened from the invitation. */
export function invitationLink(
  slug: string,
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return `${siteOrigin(env)}/therapists/${encodeURIComponent(slug)}/review?invitation=${encodeURIComponent(token)}`;
}
