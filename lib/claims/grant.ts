import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '@/db';
import {
  listingClaims,
  therapists,
  users,
  type ClaimKind,
  type TherapistStatus,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { enqueueClaimNotices, type ClaimNotice } from './mail';

/** A listing locked for a claim decision. */
export interface LockedListing {
  id: number;
  slug: string;
  name: string;
  status: TherapistStatus;
  contactEmail: string | null;
  licenseState: string | null;
  licenseNumber: string | null;
  claimedByUserId: string | null;
}

/** Locks a listing's row for the rest of the transaction (every claim change takes it first). */
export async function lockListing(
  tx: Executor,
  therapistId: number,
): Promise<LockedListing | null> {
  const [row] = await tx
    .select({
      id: therapists.id,
      slug: therapists.slug,
      name: therapists.name,
      status: therapists.status,
      contactEmail: therapists.contactEmail,
      licenseState: therapists.licenseState,
      licenseNumber: therapists.licenseNumber,
      claimedByUserId: therapists.claimedByUserId,
    })
    .from(therapists)
    .where(eq(therapists.id, therapistId))
    .for('update');
  return row ?? null;
}

export const STAFF_MESSAGE =
  'Staff accounts cannot claim listings: moderators and admins decide on claims, so they cannot hold one.';

/**
 * Why this account may not hold a listing now, or null: staff (a conflict of interest), banned,
 * or already holding another listing (an account holds one). `lock` takes the account's row for
 * the rest of the transaction.
 */
export async function claimantProblem(
  executor: Executor,
  userId: string,
  therapistId: number,
  options: { lock?: boolean } = {},
): Promise<string | null> {
  const query = executor
    .select({ role: users.role, bannedAt: users.bannedAt })
    .from(users)
    .where(eq(users.id, userId));
  const [account] = options.lock ? await query.for('update') : await query;
  if (!account) return 'This account no longer exists.';
  if (account.bannedAt) return 'This account is banned and cannot claim listings.';
  if (account.role === 'moderator' || account.role === 'admin') return STAFF_MESSAGE;
  const [held] = await executor
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.claimedByUserId, userId), ne(therapists.id, therapistId)))
    .limit(1);
  if (held) return 'Your account already holds a listing, and an account holds only one.';
  return null;
}

export interface GrantInput {
  claim: { id: number; kind: ClaimKind; userId: string };
  listing: LockedListing;
  /** Who decided: the claimant (after the code) or the moderator who approved. */
  actorId: string;
  via: 'code' | 'moderator';
  now: Date;
}

export interface GrantOutcome {
  previousOwnerId: string | null;
  /** Other claims on the listing that became disputes now that it is held. */
  disputes: number[];
}

/**
 * Gives a listing to a claimant, in the caller's transaction, with the listing's row already
 * locked: the listing is theirs (a new listing is published), their account becomes a
 * therapist account, the claim is approved. A previous holder (a dispute) loses it, and goes
 * back to a member account unless they hold another listing. The listing's contact address is
 * told; open claims of other accounts on it become disputes, and the new holder is told of
 * them. Refuses, changing nothing, when the claimant may not hold a listing.
 */
export async function grantListing(tx: Executor, input: GrantInput): Promise<GrantOutcome> {
  const { claim, listing, now } = input;
  const previousOwnerId =
    listing.claimedByUserId && listing.claimedByUserId !== claim.userId
      ? listing.claimedByUserId
      : null;
  // Accounts are locked in one order, so that two grants never wait for each other.
  const accounts = [claim.userId, previousOwnerId].filter((id): id is string => id !== null);
  await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.id, accounts))
    .orderBy(users.id)
    .for('update');
  const problem = await claimantProblem(tx, claim.userId, listing.id);
  if (problem) throw new AppError('forbidden', problem);

  await tx
    .update(therapists)
    .set({
      claimedByUserId: claim.userId,
      updatedAt: now,
      ...(claim.kind === 'new_listing' ? { status: 'published' as const } : {}),
    })
    .where(eq(therapists.id, listing.id));
  const [before] = await tx
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, claim.userId));
  await tx
    .update(users)
    .set({ role: 'therapist' })
    .where(and(eq(users.id, claim.userId), eq(users.role, 'member')));
  await tx
    .update(listingClaims)
    .set({
      status: 'approved',
      decidedById: input.via === 'moderator' ? input.actorId : null,
      decidedAt: now,
      codeHash: null,
      codeSentTo: null,
      codeExpiresAt: null,
      updatedAt: now,
    })
    .where(eq(listingClaims.id, claim.id));

  const notices: ClaimNotice[] = [];
  let previousOwnerDemoted = false;
  if (previousOwnerId) {
    const [other] = await tx
      .select({ id: therapists.id })
      .from(therapists)
      .where(eq(therapists.claimedByUserId, previousOwnerId))
      .limit(1);
    if (!other) {
      const demoted = await tx
        .update(users)
        .set({ role: 'member' })
        .where(and(eq(users.id, previousOwnerId), eq(users.role, 'therapist')))
        .returning({ id: users.id });
      previousOwnerDemoted = demoted.length > 0;
    }
    notices.push({
      notice: 'listing_transferred',
      userId: previousOwnerId,
      therapistName: listing.name,
    });
  }
  await recordAudit(tx, {
    actorId: input.actorId,
    action: 'claim.granted',
    subjectUserId: claim.userId,
    therapistId: listing.id,
    detail: {
      claimId: claim.id,
      kind: claim.kind,
      via: input.via,
      role: 'therapist',
      previousRole: before?.role ?? null,
      ...(previousOwnerId ? { previousOwnerId, previousOwnerDemoted } : {}),
    },
  });
  if (listing.contactEmail) {
    notices.push({
      notice: 'listing_claimed',
      to: listing.contactEmail,
      therapistName: listing.name,
      slug: listing.slug,
      claimedAt: now.toISOString(),
      via: claim.kind === 'new_listing' ? 'new_listing' : input.via,
    });
  }

  // Claims of an unclaimed listing by others now concern a held one: they are disputes.
  const converted = await tx
    .update(listingClaims)
    .set({ kind: 'dispute', updatedAt: now })
    .where(
      and(
        eq(listingClaims.therapistId, listing.id),
        ne(listingClaims.userId, claim.userId),
        eq(listingClaims.kind, 'listing'),
        inArray(listingClaims.status, ['pending_review', 'more_info']),
      ),
    )
    .returning({ id: listingClaims.id, userId: listingClaims.userId });
  for (const dispute of converted) {
    await recordAudit(tx, {
      actorId: null,
      action: 'claim.dispute_opened',
      subjectUserId: dispute.userId,
      therapistId: listing.id,
      detail: { claimId: dispute.id, reason: 'listing_claimed_meanwhile' },
    });
  }
  if (converted.length > 0) {
    notices.push({ notice: 'dispute_opened', ownerId: claim.userId, therapistName: listing.name });
  }
  await enqueueClaimNotices(tx, notices);
  return { previousOwnerId, disputes: converted.map((c) => c.id) };
}
