import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { reviewInvitations, therapists } from '@/db/schema';
import { parseInput } from '@/lib/input';
import { recordAudit } from '@/lib/audit';
import { normalizeEmail } from '@/lib/auth/email';
import type { Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { enqueueJobs } from '@/lib/jobs/queue';
import { requireListingOwner } from '@/lib/listings/owner';
import { configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import { invitationEmailHash } from './email-hash';
import {
  addressListError,
  parseAddressList,
  sendInvitationsInput,
  tooFewNewAddresses,
} from './input';
import { INVITATION_JOB } from './job';

/** Batches per listing and hour (RATE_LIMIT_INVITATION_BATCHES_PER_HOUR; 0 turns it off). */
export function invitationBatchLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_INVITATION_BATCHES_PER_HOUR', 5, {
    name: 'batches of invitations this hour',
    windowSeconds: 3600,
  });
}

/** Invitations per listing in any 24 hours (RATE_LIMIT_INVITATIONS_PER_DAY; 0 turns it off). */
export function invitationDailyLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_INVITATIONS_PER_DAY', 500, {
    name: 'invitations today',
    windowSeconds: 24 * 3600,
  });
}

/** What one batch did. Never the addresses: only counts. */
export interface SendInvitationsResult {
  /** New invitations, each on its way in its own email. */
  sent: number;
  /** Addresses this listing invited before (each address is invited once, ever). */
  alreadyInvited: number;
  /** The owner's own address or the listing's contact address, left out. */
  ownAddresses: number;
  /** Entries that repeated an address earlier in the same list. */
  repeated: number;
}

function normalizedOrNull(email: string | null | undefined): string | null {
  if (!email) return null;
  try {
    return normalizeEmail(email);
  } catch {
    return null;
  }
}

/**
 * Invites the owner's clients to review the listing: the same neutral email to every address in
 * the list, which the owner confirms holds all of them, whatever their experience. The list is
 * taken whole or not at all (any invalid address refuses it). Each address is invited at most
 * once per listing, ever (a keyed hash remembers it after the address is forgotten); addresses
 * invited before and the owner's own are skipped and counted, and at least
 * INVITATION_LIMITS.minNew new addresses must remain, so that no "invited" review points at one
 * client. The rows, one mail job each and
 * the audit entry (counts only) are written in one transaction.
 */
export async function sendInvitations(
  viewer: Viewer | null,
  input: unknown,
): Promise<SendInvitationsResult> {
  const listing = await requireListingOwner(viewer);
  const { owner, therapistId } = listing;
  const values = parseInput(sendInvitationsInput, input);
  const { addresses, repeated } = parseAddressList(values.emails);
  if (listing.status !== 'published') {
    throw new AppError(
      'forbidden',
      'Your listing is not published, so there is nothing to review yet. You can invite clients once it is published.',
    );
  }
  await consumeRateLimit(invitationBatchLimit(), `therapist:${therapistId}`);

  return getDb().transaction(async (tx) => {
    // One batch per listing at a time: the daily count and the "invited once" check stay exact.
    const [locked] = await tx
      .select({
        status: therapists.status,
        claimedByUserId: therapists.claimedByUserId,
        contactEmail: therapists.contactEmail,
      })
      .from(therapists)
      .where(eq(therapists.id, therapistId))
      .for('no key update');
    if (!locked || locked.claimedByUserId !== owner.userId) {
      throw new AppError('forbidden', 'Your account does not hold a listing.');
    }
    if (locked.status !== 'published') {
      throw new AppError('forbidden', 'Your listing is not published, so it cannot be reviewed.');
    }

    const own = new Set(
      [normalizedOrNull(owner.email), normalizedOrNull(locked.contactEmail)].filter(
        (email): email is string => email !== null,
      ),
    );
    const candidates = addresses
      .filter((email) => !own.has(email))
      .map((email) => ({ email, emailHash: invitationEmailHash(therapistId, email) }));
    const ownAddresses = addresses.length - candidates.length;

    const known =
      candidates.length === 0
        ? []
        : await tx
            .select({ emailHash: reviewInvitations.emailHash })
            .from(reviewInvitations)
            .where(
              and(
                eq(reviewInvitations.therapistId, therapistId),
                inArray(
                  reviewInvitations.emailHash,
                  candidates.map((c) => c.emailHash),
                ),
              ),
            );
    const invited = new Set(known.map((row) => row.emailHash));
    const fresh = candidates.filter((c) => !invited.has(c.emailHash));
    const tooFew = tooFewNewAddresses({
      fresh: fresh.length,
      alreadyInvited: candidates.length - fresh.length,
      ownAddresses,
    });
    if (tooFew) throw addressListError(tooFew);

    const daily = invitationDailyLimit();
    if (daily.limit > 0 && fresh.length > 0) {
      const [recent] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(reviewInvitations)
        .where(
          and(
            eq(reviewInvitations.therapistId, therapistId),
            gt(reviewInvitations.createdAt, sql`now() - interval '24 hours'`),
          ),
        );
      const left = Math.max(0, daily.limit - Number(recent?.count ?? 0));
      if (fresh.length > left) {
        throw new AppError(
          'rate_limited',
          left === 0
            ? `You have sent the ${daily.limit} invitations a listing can send in 24 hours. Please try again tomorrow; no invitation was sent.`
            : `A listing can send ${daily.limit} invitations in 24 hours: ${left} more for now, and this list has ${fresh.length} new addresses. No invitation was sent.`,
        );
      }
    }

    const inserted =
      fresh.length === 0
        ? []
        : await tx
            .insert(reviewInvitations)
            .values(
              fresh.map((c) => ({
                therapistId,
                senderId: owner.userId,
                emailHash: c.emailHash,
                email: c.email,
              })),
            )
            .onConflictDoNothing({
              target: [reviewInvitations.therapistId, reviewInvitations.emailHash],
            })
            .returning({ id: reviewInvitations.id });
    await enqueueJobs(
      tx,
      inserted.map((row) => ({
        kind: INVITATION_JOB,
        payload: { invitationId: row.id },
        dedupeKey: `${INVITATION_JOB}:${row.id}`,
      })),
    );
    const result: SendInvitationsResult = {
      sent: inserted.length,
      alreadyInvited: candidates.length - inserted.length,
      ownAddresses,
      repeated,
    };
    await recordAudit(tx, {
      actorId: owner.userId,
      action: 'invitation.sent',
      subjectUserId: owner.userId,
      therapistId,
      detail: { ...result },
    });
    return result;
  });
}
