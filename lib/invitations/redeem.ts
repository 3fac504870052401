import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { reviewInvitations, reviews } from '@/db/schema';
import { checkInvitationToken } from './token';

/** What an invitation link can do for a review of one listing. */
export type InvitationUse =
  { status: 'valid'; invitationId: number } | { status: 'not_valid' | 'used'; message: string };

const OTHER_LISTING =
  'This invitation link was sent for a different practitioner, so it cannot be used here.';
const GONE = 'This invitation no longer exists.';
const USED = 'This invitation has already been used for a review.';

/**
 * Whether `token` is a valid invitation to review the therapist `therapistId` that no review
 * carries yet. With `lock`, the invitation row is locked for the caller's transaction, so two
 * reviews cannot both take it (the unique index on reviews.invitation_id backs this up).
 */
export async function resolveInvitation(
  executor: Executor,
  token: unknown,
  therapistId: number,
  options: { now?: Date; lock?: boolean } = {},
): Promise<InvitationUse> {
  const check = checkInvitationToken(token, options.now);
  if (!check.ok) return { status: 'not_valid', message: check.message };
  const { invitationId } = check.claims;
  if (check.claims.therapistId !== therapistId) {
    return { status: 'not_valid', message: OTHER_LISTING };
  }
  const query = executor
    .select({ id: reviewInvitations.id })
    .from(reviewInvitations)
    .where(
      and(eq(reviewInvitations.id, invitationId), eq(reviewInvitations.therapistId, therapistId)),
    )
    .limit(1);
  const [invitation] = options.lock ? await query.for('no key update') : await query;
  if (!invitation) return { status: 'not_valid', message: GONE };
  const [used] = await executor
    .select({ id: reviews.id })
    .from(reviews)
    .where(eq(reviews.invitationId, invitationId))
    .limit(1);
  if (used) return { status: 'used', message: USED };
  return { status: 'valid', invitationId };
}
