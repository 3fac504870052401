import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { listingClaims, type ClaimKind, type ClaimStatus } from '@/db/schema';
import { parseInput } from '@/lib/input';
import { recordAudit } from '@/lib/audit';
import { requireRole, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { grantListing, lockClaimWithListing, withdrawNewListing } from './grant';
import { claimDecisionInput } from './input';
import type { ClaimDecision } from './labels';
import { enqueueClaimNotices } from './mail';
import type { ClaimClock } from './mutations';

const AUDIT_ACTIONS: Record<ClaimDecision, string> = {
  approve: 'claim.approved',
  refuse: 'claim.refused',
  more_info: 'claim.more_info_requested',
};

const NEW_STATUS: Record<ClaimDecision, ClaimStatus> = {
  approve: 'approved',
  refuse: 'refused',
  more_info: 'more_info',
};

const STALE = 'This claim or its listing changed since you opened it: reload the page.';

export interface ClaimDecisionOutcome {
  claimId: number;
  kind: ClaimKind;
  decision: ClaimDecision;
  status: ClaimStatus;
  slug: string;
}

/**
 * A moderator's decision on a claim with the moderators, in one transaction with the listing
 * and the claim locked (in that order). Approve: a claim of an unclaimed listing is granted as
 * after a code; a dispute moves the listing from its holder to the claimant (both told); a new
 * listing is published and given to the claimant. Refuse (with a reason the claimant reads):
 * the claim is closed, and a new listing is hidden without its licence and address. Ask for
 * more (with a message): the claimant can add to it. Moderators (and admins) with a confirmed
 * passkey, never on their own claim or on a listing they hold. Refused when the claim or the
 * listing's holder changed since the moderator opened the page (`version`, `holder`).
 */
export async function decideClaim(
  viewer: Viewer | null,
  claimId: number,
  input: unknown,
  clock: ClaimClock = {},
): Promise<ClaimDecisionOutcome> {
  const me = requireRole(viewer, 'moderator');
  const { decision, message, version, holder } = parseInput(claimDecisionInput, input);
  const now = clock.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const { claim, listing } = await lockClaimWithListing(tx, claimId, {
      missing: 'There is no such claim.',
    });
    if (claim.userId === me.userId) {
      throw new AppError('forbidden', 'Another moderator decides on your own claim.');
    }
    if (claim.status !== 'pending_review' && claim.status !== 'more_info') {
      throw new AppError(
        'forbidden',
        claim.status === 'awaiting_code'
          ? 'This claim waits for its code: it is not with the moderators.'
          : 'This claim is already closed.',
      );
    }
    if (!listing) throw new AppError('not_found', 'The listing of this claim no longer exists.');
    // The decision was made on the page as it was: evidence added or a holder changed since
    // then would be decided unseen.
    if (claim.updatedAt.toISOString() !== version || (listing.claimedByUserId ?? '') !== holder) {
      throw new AppError('forbidden', STALE);
    }
    if (listing.claimedByUserId === me.userId) {
      throw new AppError('forbidden', 'Another moderator decides on claims of your own listing.');
    }

    if (decision === 'approve') {
      if (claim.kind === 'listing' && listing.claimedByUserId) {
        throw new AppError(
          'forbidden',
          'This listing is held by an account now: decide this claim as a dispute.',
        );
      }
      if (claim.kind === 'new_listing' && listing.status !== 'pending') {
        throw new AppError('forbidden', 'This new listing is no longer waiting for approval.');
      }
      if (claim.kind !== 'new_listing' && listing.status !== 'published') {
        throw new AppError('forbidden', 'This listing is not public: it cannot be given now.');
      }
    }

    await tx
      .update(listingClaims)
      .set({
        status: NEW_STATUS[decision],
        moderatorMessage: message || null,
        decidedById: me.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(listingClaims.id, claim.id));
    await recordAudit(tx, {
      actorId: me.userId,
      action: AUDIT_ACTIONS[decision],
      subjectUserId: claim.userId,
      therapistId: listing.id,
      detail: { claimId: claim.id, kind: claim.kind, previousStatus: claim.status },
    });

    if (decision === 'approve') {
      await grantListing(tx, {
        claim: { id: claim.id, kind: claim.kind, userId: claim.userId },
        listing,
        actorId: me.userId,
        via: 'moderator',
        now,
      });
    } else if (
      decision === 'refuse' &&
      claim.kind === 'new_listing' &&
      listing.status === 'pending'
    ) {
      await withdrawNewListing(tx, listing.id, now);
    }
    await enqueueClaimNotices(tx, [
      {
        notice: 'claim_decided',
        userId: claim.userId,
        claimId: claim.id,
        therapistName: listing.name,
        decision,
        message,
      },
    ]);
    return {
      claimId: claim.id,
      kind: claim.kind,
      decision,
      status: NEW_STATUS[decision],
      slug: listing.slug,
    };
  });
}
