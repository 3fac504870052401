import 'server-only';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/settings';
import { AppError } from '@/lib/errors';

/** How long a claim code works. */
export const CLAIM_CODE_MINUTES = 15;
/** Wrong codes allowed per claim; the last one cancels the claim. */
export const MAX_CODE_ATTEMPTS = 5;

/** Keeps these hashes apart from anything else keyed with the same secret. */
const DOMAIN = 'unknot:claim-code:v1';

function secret(): string {
  const value = authSecret();
  if (!value) throw new AppError('unavailable', 'Claims cannot be checked right now.');
  return value;
}

/** A fresh six-digit code, from the system's secure random source. */
export function generateClaimCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The keyed hash kept instead of a code: bound to one claim and to when the code expires, so a
 * hash is worthless for any other claim or any earlier code of the same claim.
 */
export function hashClaimCode(claimId: number, expiresAt: Date, code: string): string {
  return createHmac('sha256', secret())
    .update(`${DOMAIN}\n${claimId}\n${expiresAt.toISOString()}\n${code}`)
    .digest('hex');
}

/** Compares a typed code with the stored hash in constant time. */
export function claimCodeMatches(
  stored: string,
  claimId: number,
  expiresAt: Date,
  typed: string,
): boolean {
  const expected = Buffer.from(stored, 'hex');
  const given = Buffer.from(hashClaimCode(claimId, expiresAt, typed), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
