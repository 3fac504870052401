import 'server-only';
import { createHmac } from 'node:crypto';
import { authSecret } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';

/** Keeps this key apart from anything else derived from or signed with the same secret. */
const DOMAIN = 'unknot:invitation-email-hash:v1';

function hashKey(): Buffer {
  const secret = authSecret();
  if (!secret) throw new AppError('unavailable', 'Invitations cannot be sent right now.');
  return createHmac('sha256', secret).update(DOMAIN).digest();
}

/**
 * The keyed hash that remembers an invited address after the address itself is gone: one per
 * listing and normalised address (the listing is part of the hash, so the same client invited by
 * two practitioners cannot be linked across listings). Changing AUTH_SECRET forgets who was
 * invited.
 */
export function invitationEmailHash(therapistId: number, normalizedEmail: string): string {
  return createHmac('sha256', hashKey())
    .update(`${therapistId}\n${normalizedEmail}`)
    .digest('base64url');
}
