import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import {
  auditLog,
  listingClaims,
  therapists,
  users,
  OPEN_CLAIM_STATUSES,
  type ClaimKind,
  type ClaimStatus,
  type TherapistStatus,
  type UserRole,
} from '@/db/schema';
import { requireRole, requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { MAX_CODE_ATTEMPTS } from './code';
import { claimantProblem } from './grant';
import { maskEmail } from './licence';

type LicenceMatched = 'yes' | 'no' | 'not_on_listing' | null;

/* ------------------------------------------------------------------------------------------ */
/* The claimant's pages                                                                        */
/* ------------------------------------------------------------------------------------------ */

export interface ClaimPageData {
  listing: {
    slug: string;
    name: string;
    credentials: string;
    /** The listing has a licence to compare with, and an address to send a code to. */
    hasLicence: boolean;
    hasContactEmail: boolean;
    /** Held by an account (another's: a claim is a dispute). */
    claimed: boolean;
    /** Held by the viewer. */
    yours: boolean;
  };
  /** Why this account cannot claim (staff, banned, holding another listing), or null. */
  blocked: string | null;
  /** The viewer's open claim on this listing. */
  openClaim: {
    id: number;
    kind: ClaimKind;
    status: ClaimStatus;
    /** Masked address the code went to. */
    sentTo: string | null;
    codeExpiresAt: Date | null;
    attemptsLeft: number;
    moderatorMessage: string | null;
  } | null;
  /** No open claim, and the viewer's latest claim here was cancelled by wrong codes. */
  cancelledByCodes: boolean;
}

/** What the claim page of a published listing needs for the signed-in viewer; null if none. */
export async function getClaimPage(
  viewer: Viewer | null,
  slug: string,
): Promise<ClaimPageData | null> {
  const me = requireSignedIn(viewer);
  const db = getDb();
  const [listing] = await db
    .select({
      id: therapists.id,
      slug: therapists.slug,
      name: therapists.name,
      credentials: therapists.credentials,
      licenseNumber: therapists.licenseNumber,
      contactEmail: therapists.contactEmail,
      claimedByUserId: therapists.claimedByUserId,
    })
    .from(therapists)
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  if (!listing) return null;
  const yours = listing.claimedByUserId === me.userId;
  const [open] = await db
    .select()
    .from(listingClaims)
    .where(
      and(
        eq(listingClaims.therapistId, listing.id),
        eq(listingClaims.userId, me.userId),
        inArray(listingClaims.status, [...OPEN_CLAIM_STATUSES]),
      ),
    )
    .limit(1);
  let cancelledByCodes = false;
  if (!open) {
    const [latest] = await db
      .select({ status: listingClaims.status, codeAttempts: listingClaims.codeAttempts })
      .from(listingClaims)
      .where(and(eq(listingClaims.therapistId, listing.id), eq(listingClaims.userId, me.userId)))
      .orderBy(desc(listingClaims.id))
      .limit(1);
    cancelledByCodes = latest?.status === 'cancelled' && latest.codeAttempts >= MAX_CODE_ATTEMPTS;
  }
  return {
    listing: {
      slug: listing.slug,
      name: listing.name,
      credentials: listing.credentials,
      hasLicence: listing.licenseNumber !== null,
      hasContactEmail: listing.contactEmail !== null,
      claimed: listing.claimedByUserId !== null,
      yours,
    },
    blocked: yours ? null : await claimantProblem(db, me.userId, listing.id),
    openClaim: open
      ? {
          id: open.id,
          kind: open.kind,
          status: open.status,
          sentTo: open.codeSentTo ? maskEmail(open.codeSentTo) : null,
          codeExpiresAt: open.codeExpiresAt,
          attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - open.codeAttempts),
          moderatorMessage: open.moderatorMessage,
        }
      : null,
    cancelledByCodes,
  };
}

export interface OwnClaimSummary {
  id: number;
  kind: ClaimKind;
  status: ClaimStatus;
  createdAt: Date;
  updatedAt: Date;
  moderatorMessage: string | null;
  listing: { slug: string; name: string; status: TherapistStatus };
}

/** The viewer's claims, newest first. */
export async function listOwnClaims(viewer: Viewer | null): Promise<OwnClaimSummary[]> {
  const me = requireSignedIn(viewer);
  const rows = await getDb()
    .select({
      id: listingClaims.id,
      kind: listingClaims.kind,
      status: listingClaims.status,
      createdAt: listingClaims.createdAt,
      updatedAt: listingClaims.updatedAt,
      moderatorMessage: listingClaims.moderatorMessage,
      slug: therapists.slug,
      name: therapists.name,
      listingStatus: therapists.status,
    })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(eq(listingClaims.userId, me.userId))
    .orderBy(desc(listingClaims.createdAt), desc(listingClaims.id))
    .limit(200);
  return rows.map(({ slug, name, listingStatus, ...row }) => ({
    ...row,
    listing: { slug, name, status: listingStatus },
  }));
}

export interface OwnClaim extends OwnClaimSummary {
  /** The viewer holds the claim's listing now (an approved claim's listing may have moved). */
  holdsListing: boolean;
  licence: { state: string | null; number: string | null; name: string | null };
  licenseMatched: LicenceMatched;
  evidence: string;
  evidenceLinks: string[];
  sentTo: string | null;
  decidedAt: Date | null;
}

/** What the claimant's page and the moderators' page both say about a claim itself. */
function claimDetails(claim: typeof listingClaims.$inferSelect) {
  return {
    id: claim.id,
    kind: claim.kind,
    status: claim.status,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    decidedAt: claim.decidedAt,
    moderatorMessage: claim.moderatorMessage,
    licence: { state: claim.licenseState, number: claim.licenseNumber, name: claim.licenseName },
    licenseMatched: claim.licenseMatched,
    evidence: claim.evidence,
    evidenceLinks: claim.evidenceLinks,
  };
}

/** One of the viewer's claims; not_found for anyone else's. */
export async function getOwnClaim(viewer: Viewer | null, claimId: number): Promise<OwnClaim> {
  const me = requireSignedIn(viewer);
  const [row] = await getDb()
    .select({
      claim: listingClaims,
      slug: therapists.slug,
      name: therapists.name,
      listingStatus: therapists.status,
      holderId: therapists.claimedByUserId,
    })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(and(eq(listingClaims.id, claimId), eq(listingClaims.userId, me.userId)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'There is no such claim.');
  const { claim } = row;
  return {
    ...claimDetails(claim),
    listing: { slug: row.slug, name: row.name, status: row.listingStatus },
    holdsListing: row.holderId === me.userId,
    sentTo: claim.codeSentTo ? maskEmail(claim.codeSentTo) : null,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* The moderators' pages                                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface QueueClaim {
  id: number;
  kind: ClaimKind;
  status: ClaimStatus;
  createdAt: Date;
  waitingHours: number;
  licenseMatched: LicenceMatched;
  evidenceLength: number;
  links: number;
  listing: { slug: string; name: string; status: TherapistStatus };
  claimantName: string;
  /** The viewer made this claim, so another moderator decides it. */
  yours: boolean;
}

export interface ClaimQueue {
  /** Claims of unclaimed listings with evidence, oldest first. */
  evidence: QueueClaim[];
  /** Claims of listings someone holds, oldest first. */
  disputes: QueueClaim[];
  /** Requests for new listings, oldest first. */
  newListings: QueueClaim[];
}

/** Claims with the moderators, oldest first, in three groups. Moderators (and admins) only. */
export async function listClaimQueue(viewer: Viewer | null): Promise<ClaimQueue> {
  const me = requireRole(viewer, 'moderator');
  const rows = await getDb()
    .select({
      id: listingClaims.id,
      kind: listingClaims.kind,
      status: listingClaims.status,
      createdAt: listingClaims.createdAt,
      waitingHours:
        sql<number>`round((extract(epoch from now() - ${listingClaims.createdAt}) / 3600)::numeric, 1)::float8`.mapWith(
          Number,
        ),
      licenseMatched: listingClaims.licenseMatched,
      evidenceLength: sql<number>`char_length(${listingClaims.evidence})`.mapWith(Number),
      links: sql<number>`cardinality(${listingClaims.evidenceLinks})`.mapWith(Number),
      slug: therapists.slug,
      name: therapists.name,
      listingStatus: therapists.status,
      userId: listingClaims.userId,
      claimantName: users.displayName,
    })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .innerJoin(users, eq(users.id, listingClaims.userId))
    .where(inArray(listingClaims.status, ['pending_review', 'more_info']))
    .orderBy(asc(listingClaims.createdAt), asc(listingClaims.id))
    .limit(500);
  const items: QueueClaim[] = rows.map(({ slug, name, listingStatus, userId, ...row }) => ({
    ...row,
    listing: { slug, name, status: listingStatus },
    yours: userId === me.userId,
  }));
  return {
    evidence: items.filter((i) => i.kind === 'listing'),
    disputes: items.filter((i) => i.kind === 'dispute'),
    newListings: items.filter((i) => i.kind === 'new_listing'),
  };
}

export interface ClaimAuditEntry {
  id: number;
  at: Date;
  action: string;
  actor: { name: string; role: UserRole } | null;
  detail: Record<string, string | number | boolean>;
}

export interface ModeratorClaim {
  id: number;
  kind: ClaimKind;
  status: ClaimStatus;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  moderatorMessage: string | null;
  licence: { state: string | null; number: string | null; name: string | null };
  licenseMatched: LicenceMatched;
  evidence: string;
  evidenceLinks: string[];
  listing: {
    id: number;
    slug: string;
    name: string;
    credentials: string;
    status: TherapistStatus;
    licenseState: string | null;
    licenseNumber: string | null;
    contactEmail: string | null;
    holderName: string | null;
    /** The holder's account id ('' for none): the decision form sends it back. */
    holderId: string;
  };
  claimant: {
    displayName: string;
    email: string;
    role: UserRole;
    createdAt: Date;
    banned: boolean;
    /** Other claims by this account, any listing. */
    otherClaims: number;
  };
  /** The viewer made this claim, so another moderator decides it. */
  yours: boolean;
  /** The listing's audit trail: its newest entries (at most 300), oldest first. */
  trail: ClaimAuditEntry[];
}

/** Everything a moderator needs to decide one claim. Moderators (and admins) only. */
export async function getClaimForModerator(
  viewer: Viewer | null,
  claimId: number,
): Promise<ModeratorClaim> {
  const me = requireRole(viewer, 'moderator');
  const db = getDb();
  const holder = alias(users, 'holder');
  const decider = alias(users, 'decider');
  const [row] = await db
    .select({
      claim: listingClaims,
      listing: {
        id: therapists.id,
        slug: therapists.slug,
        name: therapists.name,
        credentials: therapists.credentials,
        status: therapists.status,
        licenseState: therapists.licenseState,
        licenseNumber: therapists.licenseNumber,
        contactEmail: therapists.contactEmail,
        holderId: therapists.claimedByUserId,
      },
      holderName: holder.displayName,
      decidedByName: decider.displayName,
      claimant: {
        displayName: users.displayName,
        email: users.email,
        role: users.role,
        createdAt: users.createdAt,
        bannedAt: users.bannedAt,
      },
    })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .innerJoin(users, eq(users.id, listingClaims.userId))
    .leftJoin(holder, eq(holder.id, therapists.claimedByUserId))
    .leftJoin(decider, eq(decider.id, listingClaims.decidedById))
    .where(eq(listingClaims.id, claimId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'There is no such claim.');
  const { claim } = row;
  const [others] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(listingClaims)
    .where(and(eq(listingClaims.userId, claim.userId), sql`${listingClaims.id} <> ${claim.id}`));
  const actor = alias(users, 'actor');
  const newest = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: actor.displayName,
      actorRole: actor.role,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(eq(auditLog.therapistId, claim.therapistId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(300);
  const trail = newest.reverse();
  return {
    ...claimDetails(claim),
    decidedByName: row.decidedByName,
    listing: { ...row.listing, holderId: row.listing.holderId ?? '', holderName: row.holderName },
    claimant: {
      displayName: row.claimant.displayName,
      email: row.claimant.email,
      role: row.claimant.role,
      createdAt: row.claimant.createdAt,
      banned: row.claimant.bannedAt !== null,
      otherClaims: others?.n ?? 0,
    },
    yours: claim.userId === me.userId,
    trail: trail.map((entry) => ({
      id: entry.id,
      at: entry.at,
      action: entry.action,
      actor:
        entry.actorName && entry.actorRole
          ? { name: entry.actorName, role: entry.actorRole }
          : null,
      detail: Object.fromEntries(
        Object.entries(entry.detail).filter((pair): pair is [string, string | number | boolean] =>
          ['string', 'number', 'boolean'].includes(typeof pair[1]),
        ),
      ),
    })),
  };
}
