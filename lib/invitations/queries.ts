import 'server-only';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { reviewInvitations, reviews, therapists, type TherapistStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { requireListingOwner } from '@/lib/listings/owner';
import { invitationWording, type InvitationWording } from './mail';
import { resolveInvitation, type InvitationUse } from './redeem';

/** The invitations page of the owner's dashboard: counts only, never an address. */
export interface InvitationOverview {
  listing: { name: string; slug: string; status: TherapistStatus };
  /** Invitations whose email went out. */
  sent: number;
  /** Invitations waiting to be sent (they go out within minutes). */
  waiting: number;
  /** Reviews written from one of this listing's invitations. */
  reviewsFromInvitations: number;
  /** When the latest batch was sent, or null. */
  lastBatchAt: string | null;
  /** The exact words every client receives. */
  wording: InvitationWording;
}

/** The owner's invitation figures; throws like requireListingOwner for anyone else. */
export async function getInvitationOverview(viewer: Viewer | null): Promise<InvitationOverview> {
  const listing = await requireListingOwner(viewer);
  const db = getDb();
  const mine = eq(reviewInvitations.therapistId, listing.therapistId);
  const [counts] = await db
    .select({
      sent: sql<number>`(count(*) filter (where ${isNotNull(reviewInvitations.sentAt)}))::int`,
      waiting: sql<number>`(count(*) filter (where ${and(isNull(reviewInvitations.sentAt), isNotNull(reviewInvitations.email))}))::int`,
      last: sql<Date | null>`max(${reviewInvitations.createdAt})`.mapWith(
        reviewInvitations.createdAt,
      ),
    })
    .from(reviewInvitations)
    .where(mine);
  const [received] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(reviews)
    .innerJoin(reviewInvitations, eq(reviewInvitations.id, reviews.invitationId))
    .where(and(mine, eq(reviews.therapistId, listing.therapistId)));
  return {
    listing: { name: listing.name, slug: listing.slug, status: listing.status },
    sent: Number(counts?.sent ?? 0),
    waiting: Number(counts?.waiting ?? 0),
    reviewsFromInvitations: Number(received?.count ?? 0),
    lastBatchAt: counts?.last ? counts.last.toISOString() : null,
    wording: invitationWording(listing.name),
  };
}

/** A value from the address that may be an invitation token (anything else is ignored). */
export function invitationParam(value: unknown): string | null {
  const single = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof single === 'string' && /^[A-Za-z0-9_.-]{1,300}$/.test(single) ? single : null;
}

/**
 * What the invitation in a review page's address can do for a review of the published listing
 * `slug`; null when there is no such listing. Reading only: opening the link changes nothing.
 */
export async function checkInvitationForListing(
  token: string,
  slug: string,
): Promise<InvitationUse | null> {
  const db = getDb();
  const [therapist] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  if (!therapist) return null;
  return resolveInvitation(db, token, therapist.id);
}
