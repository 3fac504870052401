import 'server-only';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Executor } from '@/db';
import {
  contactChanges,
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

/**
 * Locks a listing's row for the rest of the transaction. Every claim change takes it first,
 * before any claim or account row: one order everywhere, so that changes never wait for each
 * other in a circle.
 */
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

type ClaimRow = typeof listingClaims.$inferSelect;

/**
 * Locks a claim for a change, in the order every claim change uses: its listing first, then the
 * claim itself (read again under the lock, so its status is the latest). `userId` limits it to
 * the claimant's own claims. not_found when there is no such claim (or it is someone else's).
 */
export async function lockClaimWithListing(
  tx: Executor,
  claimId: number,
  options: { userId?: string; missing: string },
): Promise<{ claim: ClaimRow; listing: LockedListing | null }> {
  const mine = (id: number) =>
    options.userId
      ? and(eq(listingClaims.id, id), eq(listingClaims.userId, options.userId))
      : eq(listingClaims.id, id);
  // The listing is known from an unlocked read; a claim never changes its listing.
  const [peek] = await tx
    .select({ therapistId: listingClaims.therapistId })
    .from(listingClaims)
    .where(mine(claimId));
  if (!peek) throw new AppError('not_found', options.missing);
  const listing = await lockListing(tx, peek.therapistId);
  const [claim] = await tx.select().from(listingClaims).where(mine(claimId)).for('update');
  if (!claim) throw new AppError('not_found', options.missing);
  if (claim.therapistId !== peek.therapistId) {
    throw new AppError('unavailable', 'This claim changed a moment ago: please try again.');
  }
  return { claim, listing };
}

/**
 * A request for a new listing that ends without approval (refused or withdrawn): the listing,
 * never published, is hidden, and its licence and address are cleared, so that the licence is
 * free for another listing and no private detail is kept.
 */
export async function withdrawNewListing(
  tx: Executor,
  therapistId: number,
  now: Date,
): Promise<void> {
  await tx
    .update(therapists)
    .set({
      status: 'hidden',
      licenseState: null,
      licenseNumber: null,
      contactEmail: null,
      updatedAt: now,
    })
    .where(and(eq(therapists.id, therapistId), eq(therapists.status, 'pending')));
}

export const STAFF_MESSAGE =
  'Staff accounts cannot claim listings: moderators and admins decide on claims, so they cannot hold one.';

const PROBLEMS = {
  claimant: {
    gone: 'This account no longer exists.',
    banned: 'This account is banned and cannot claim listings.',
    staff: STAFF_MESSAGE,
    holds: 'Your account already holds a listing, and an account holds only one.',
  },
  // A moderator approving a claim reads about the claimant, not about their own account.
  moderator: {
    gone: 'The claimant’s account no longer exists: refuse this claim.',
    banned: 'The claimant’s account is banned, so it cannot be given a listing.',
    staff:
      'The claimant’s account is a staff account now. Staff accounts cannot claim listings: moderators and admins decide on claims, so they cannot hold one.',
    holds:
      'The claimant’s account already holds a listing, and an account holds only one: it cannot be given this one as well.',
  },
} as const;

/**
 * Why this account may not hold a listing now, or null: staff (a conflict of interest), banned,
 * or already holding another listing (an account holds one). `lock` takes the account's row for
 * the rest of the transaction; `reader` phrases it for the claimant (the default) or for a
 * moderator deciding on their claim.
 */
export async function claimantProblem(
  executor: Executor,
  userId: string,
  therapistId: number,
  options: { lock?: boolean; reader?: 'claimant' | 'moderator' } = {},
): Promise<string | null> {
  const words = PROBLEMS[options.reader ?? 'claimant'];
  const query = executor
    .select({ role: users.role, bannedAt: users.bannedAt })
    .from(users)
    .where(eq(users.id, userId));
  const [account] = options.lock ? await query.for('update') : await query;
  if (!account) return words.gone;
  if (account.bannedAt) return words.banned;
  if (account.role === 'moderator' || account.role === 'admin') return words.staff;
  const [held] = await executor
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.claimedByUserId, userId), ne(therapists.id, therapistId)))
    .limit(1);
  if (held) return words.holds;
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
 * them. A contact change the previous holder left waiting is cancelled. Refuses, changing
 * nothing, when the claimant may not hold a listing.
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
  const problem = await claimantProblem(tx, claim.userId, listing.id, {
    reader: input.via === 'moderator' ? 'moderator' : 'claimant',
  });
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
    // A contact change the previous holder asked for must not reach the new holder's listing.
    const stopped = await tx
      .update(contactChanges)
      .set({ cancelledAt: now, cancelledById: null })
      .where(
        and(
          eq(contactChanges.therapistId, listing.id),
          isNull(contactChanges.appliedAt),
          isNull(contactChanges.cancelledAt),
        ),
      )
      .returning({ id: contactChanges.id });
    for (const change of stopped) {
      await recordAudit(tx, {
        actorId: null,
        action: 'listing.contact_change_cancelled',
        therapistId: listing.id,
        detail: { changeId: change.id, by: 'owner_changed' },
      });
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
