import 'server-only';
import { linkNotValid, readSignedLink, signLink, type SignedLinkKind } from '@/lib/signed-links';

/**
 * Signed links that stop one waiting contact change, sent to the listing's old address. The
 * token names the change and when the link expires (when the change applies); it can do
 * nothing else.
 */
export const CONTACT_CHANGE_PURPOSE = 'contact-change';

const CONTACT_CHANGE_LINK: SignedLinkKind = {
  purpose: CONTACT_CHANGE_PURPOSE,
  fields: 1,
  unavailable: 'Links cannot be checked right now.',
};

export interface ContactChangeClaims {
  changeId: number;
  expiresAt: Date;
}

export type ContactTokenCheck =
  | { ok: true; claims: ContactChangeClaims }
  | { ok: false; problem: 'invalid' | 'expired'; message: string };

export function createContactChangeToken(changeId: number, expiresAt: Date): string {
  return signLink(CONTACT_CHANGE_LINK, [changeId], expiresAt);
}

/** Checks the signature, then the purpose, then the expiry. */
export function checkContactChangeToken(token: unknown, now: Date = new Date()): ContactTokenCheck {
  const read = readSignedLink(CONTACT_CHANGE_LINK, token, now);
  if (read.ok)
    return { ok: true, claims: { changeId: read.fields[0]!, expiresAt: read.expiresAt } };
  if (read.problem === 'expired') {
    return {
      ok: false,
      problem: 'expired',
      message:
        'This link has expired: the change it was about has already applied, or was stopped. Sign in to see the listing’s contact details.',
    };
  }
  return { ok: false, problem: 'invalid', message: linkNotValid('link') };
}
