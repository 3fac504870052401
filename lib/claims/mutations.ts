import 'server-only';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import {
  auditLog,
  listingClaims,
  therapists,
  OPEN_CLAIM_STATUSES,
  type ClaimKind,
} from '@/db/schema';
import { parseInput } from '@/lib/input';
import { recordAudit } from '@/lib/audit';
import { requireSignedIn, type Viewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { log, errorMessage } from '@/lib/log';
import { sendMail } from '@/lib/mail';
import { configuredLimit, consumeRateLimit, type RateLimit } from '@/lib/rate-limit';
import {
  CLAIM_CODE_MINUTES,
  MAX_CODE_ATTEMPTS,
  claimCodeMatches,
  generateClaimCode,
  hashClaimCode,
} from './code';
import {
  claimantProblem,
  grantListing,
  lockClaimWithListing,
  lockListing,
  withdrawNewListing,
  type LockedListing,
} from './grant';
import {
  codeInput,
  evidenceInput,
  licenceInput,
  moreEvidenceInput,
  type LicenceInput,
} from './input';
import { CLAIM_LIMITS } from './labels';
import { maskEmail, matchLicence, type LicenceMatch } from './licence';
import { claimCodeMail, enqueueClaimNotices } from './mail';

/** Options of every claim mutation: the clock, so that tests can move it. */
export interface ClaimClock {
  now?: Date;
}

/* ------------------------------------------------------------------------------------------ */
/* Rate limits                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Licence checks per account and listing and day (RATE_LIMIT_CLAIM_LICENCE_PER_LISTING). */
export function licencePerListingLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_CLAIM_LICENCE_PER_LISTING', 5, {
    name: 'licence checks on this listing',
    windowSeconds: 86_400,
  });
}

/** Licence checks per account and day, all listings (RATE_LIMIT_CLAIM_LICENCE_PER_ACCOUNT). */
export function licencePerAccountLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_CLAIM_LICENCE_PER_ACCOUNT', 20, {
    name: 'licence checks',
    windowSeconds: 86_400,
  });
}

/** New codes per claim and hour (RATE_LIMIT_CLAIM_CODE_RESENDS). */
export function codeResendLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_CLAIM_CODE_RESENDS', 3, {
    name: 'new codes',
    windowSeconds: 3600,
  });
}

/**
 * Codes sent for one listing per day, whoever asks (RATE_LIMIT_CLAIM_CODES_PER_LISTING): many
 * accounts together cannot keep guessing a listing's code with fresh ones.
 */
export function codesPerListingLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_CLAIM_CODES_PER_LISTING', 10, {
    name: 'codes for this listing',
    windowSeconds: 86_400,
  });
}

/**
 * Wrong codes entered for one listing per day, by any account
 * (RATE_LIMIT_CLAIM_WRONG_CODES_PER_LISTING); once reached, codes for that listing are not
 * checked until the oldest of them is a day old. Counted from the audit log's wrong codes,
 * under the listing's lock, so that parallel guesses cannot pass it.
 */
export function wrongCodesPerListingLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_CLAIM_WRONG_CODES_PER_LISTING', 20, {
    name: 'wrong codes for this listing',
    windowSeconds: 86_400,
  });
}

/** Claims sent to the moderators per account and day (RATE_LIMIT_CLAIM_EVIDENCE). */
export function evidenceLimit(env = process.env): RateLimit {
  return configuredLimit(env, 'RATE_LIMIT_CLAIM_EVIDENCE', 10, {
    name: 'claims sent to the moderators',
    windowSeconds: 86_400,
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Shared checks                                                                               */
/* ------------------------------------------------------------------------------------------ */

const NO_LISTING = 'There is no such listing.';
const NO_CLAIM = 'There is no such claim.';

async function publishedListingId(slug: string): Promise<number> {
  const [row] = await getDb()
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.slug, slug), eq(therapists.status, 'published')))
    .limit(1);
  if (!row) throw new AppError('not_found', NO_LISTING);
  return row.id;
}

/** A published listing locked for a claim, or not_found. */
async function lockPublishedListing(tx: Executor, therapistId: number): Promise<LockedListing> {
  const listing = await lockListing(tx, therapistId);
  if (!listing || listing.status !== 'published') throw new AppError('not_found', NO_LISTING);
  return listing;
}

/** Refuses accounts that may not claim (staff, banned, holding a listing). */
async function requireEligible(executor: Executor, userId: string, listing: LockedListing) {
  if (listing.claimedByUserId === userId) {
    throw new AppError('forbidden', 'This listing is already yours.');
  }
  const problem = await claimantProblem(executor, userId, listing.id, { lock: true });
  if (problem) throw new AppError('forbidden', problem);
}

async function openClaimOf(tx: Executor, userId: string, therapistId: number) {
  const [row] = await tx
    .select({ id: listingClaims.id, status: listingClaims.status, kind: listingClaims.kind })
    .from(listingClaims)
    .where(
      and(
        eq(listingClaims.userId, userId),
        eq(listingClaims.therapistId, therapistId),
        inArray(listingClaims.status, [...OPEN_CLAIM_STATUSES]),
      ),
    )
    .for('update');
  return row ?? null;
}

const ALREADY_OPEN = 'You already have a claim on this listing: see it under Your claims.';

function licenceResult(listing: LockedListing, match: LicenceMatch | null) {
  if (!listing.licenseNumber) return 'not_on_listing' as const;
  if (!match) return null;
  return match.matched ? ('yes' as const) : ('no' as const);
}

function matchAgainst(listing: LockedListing, licence: LicenceInput): LicenceMatch {
  return matchLicence(
    { state: licence.licenseState, number: licence.licenseNumber, name: licence.licenseName },
    { state: listing.licenseState, number: listing.licenseNumber, name: listing.name },
  );
}

/** Sends a code after its claim was committed; a failure leaves the claim to ask again. */
async function deliverCode(to: string, code: string, therapistName: string, claimId: number) {
  try {
    await sendMail(claimCodeMail({ to, code, therapistName }));
  } catch (error) {
    log.error('claim code not sent', { claimId, error: errorMessage(error) });
    throw new AppError(
      'unavailable',
      'We could not send the code just now. Ask for a new code in a minute.',
    );
  }
}

/** A new code for a claim: stored as a keyed hash only, with the address and expiry. */
async function issueCode(tx: Executor, claimId: number, to: string, now: Date) {
  const code = generateClaimCode();
  const expiresAt = new Date(now.getTime() + CLAIM_CODE_MINUTES * 60_000);
  await tx
    .update(listingClaims)
    .set({
      codeHash: hashClaimCode(claimId, expiresAt, code),
      codeSentTo: to,
      codeExpiresAt: expiresAt,
      updatedAt: now,
    })
    .where(eq(listingClaims.id, claimId));
  return code;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 1: the licence                                                                         */
/* ------------------------------------------------------------------------------------------ */

export type LicenceOutcome =
  | { outcome: 'code_sent'; claimId: number; sentTo: string; slug: string }
  | { outcome: 'evidence_needed'; reason: 'no_licence' | 'no_email'; slug: string };

/**
 * The first step of a claim. A licence that matches a listing with an email address starts a
 * claim and sends a code to that address (the listing's, never one the claimant types); a
 * listing without a licence or an address needs evidence for the moderators instead. A licence
 * that does not match is refused and audited, changing nothing else; every check counts
 * against limits per account and listing and per account.
 */
export async function submitLicence(
  viewer: Viewer | null,
  slug: string,
  input: unknown,
  clock: ClaimClock = {},
): Promise<LicenceOutcome> {
  const me = requireSignedIn(viewer);
  const licence = parseInput(licenceInput, input);
  const now = clock.now ?? new Date();
  const therapistId = await publishedListingId(slug);

  // Who may claim is checked before anything is counted or compared.
  const listing = await getDb().transaction(async (tx) => {
    const locked = await lockPublishedListing(tx, therapistId);
    await requireEligible(tx, me.userId, locked);
    if (locked.claimedByUserId) {
      throw new AppError(
        'forbidden',
        'This listing is already claimed. If it is yours, open a dispute with evidence for the moderators.',
      );
    }
    if (await openClaimOf(tx, me.userId, locked.id)) throw new AppError('forbidden', ALREADY_OPEN);
    return locked;
  });

  await consumeRateLimit(licencePerListingLimit(), `${me.userId}:${listing.id}`);
  await consumeRateLimit(licencePerAccountLimit(), me.userId);

  if (!listing.licenseNumber) return { outcome: 'evidence_needed', reason: 'no_licence', slug };
  const match = matchAgainst(listing, licence);
  if (!match.matched) {
    await recordAudit(getDb(), {
      actorId: me.userId,
      action: 'claim.licence_mismatch',
      subjectUserId: me.userId,
      therapistId: listing.id,
      detail: { state: match.state, number: match.number, name: match.name },
    });
    throw new AppError(
      'validation',
      'The licence does not match this listing. Check the state, the number and your name as they are on the licence.',
      { issues: [{ field: 'licence', message: 'The licence does not match this listing.' }] },
    );
  }
  if (!listing.contactEmail) return { outcome: 'evidence_needed', reason: 'no_email', slug };
  await consumeRateLimit(codesPerListingLimit(), String(listing.id));

  const sent = await getDb().transaction(async (tx) => {
    const locked = await lockPublishedListing(tx, listing.id);
    await requireEligible(tx, me.userId, locked);
    if (locked.claimedByUserId) {
      throw new AppError('forbidden', 'This listing was claimed a moment ago.');
    }
    if (!locked.contactEmail || !matchAgainst(locked, licence).matched) {
      throw new AppError('forbidden', 'The listing changed a moment ago: please start again.');
    }
    const [claim] = await tx
      .insert(listingClaims)
      .values({
        therapistId: locked.id,
        userId: me.userId,
        kind: 'listing',
        status: 'awaiting_code',
        licenseState: licence.licenseState,
        licenseNumber: licence.licenseNumber,
        licenseName: licence.licenseName,
        licenseMatched: 'yes',
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: listingClaims.id });
    if (!claim) throw new AppError('forbidden', ALREADY_OPEN);
    const code = await issueCode(tx, claim.id, locked.contactEmail, now);
    await recordAudit(tx, {
      actorId: me.userId,
      action: 'claim.code_sent',
      subjectUserId: me.userId,
      therapistId: locked.id,
      detail: { claimId: claim.id, sentTo: maskEmail(locked.contactEmail) },
    });
    return { claimId: claim.id, code, to: locked.contactEmail, name: locked.name };
  });
  await deliverCode(sent.to, sent.code, sent.name, sent.claimId);
  return { outcome: 'code_sent', claimId: sent.claimId, sentTo: maskEmail(sent.to), slug };
}

/* ------------------------------------------------------------------------------------------ */
/* Step 2: the code                                                                            */
/* ------------------------------------------------------------------------------------------ */

export type CodeOutcome =
  | { outcome: 'granted'; claimId: number; slug: string }
  | { outcome: 'dispute'; claimId: number; slug: string };

type CodeCheck =
  | CodeOutcome
  | {
      outcome: 'refused';
      message: string;
      code: 'validation' | 'forbidden' | 'rate_limited';
      retryAfter?: number;
    };

/** The viewer's own claim and its listing, locked in the order every claim change uses. */
function lockOwnClaim(tx: Executor, userId: string, claimId: number) {
  return lockClaimWithListing(tx, claimId, { userId, missing: NO_CLAIM });
}

const WRONG_CODE_ACTIONS = ['claim.code_wrong', 'claim.cancelled'] as const;

/**
 * Seconds until a code for this listing may be checked again, or null: the listing's wrong
 * codes of the last day (any account) have reached the limit. Read with the listing locked.
 */
async function wrongCodesWait(tx: Executor, therapistId: number, now: Date) {
  const rule = wrongCodesPerListingLimit();
  if (rule.limit <= 0) return null;
  const since = new Date(now.getTime() - rule.windowSeconds * 1000);
  const recent = await tx
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.therapistId, therapistId),
        inArray(auditLog.action, [...WRONG_CODE_ACTIONS]),
        gt(auditLog.at, since),
        // A cancellation counts only when a wrong code caused it.
        sql`(${auditLog.action} = 'claim.code_wrong' or ${auditLog.detail}->>'reason' = 'too_many_codes')`,
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(rule.limit);
  if (recent.length < rule.limit) return null;
  // Once the oldest of these is a day old, the count is below the limit again.
  const oldest = recent[recent.length - 1]!.at;
  return Math.max(
    1,
    Math.ceil((oldest.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000),
  );
}

const CLOSED_CLAIM: Record<string, string> = {
  approved: 'This claim was already approved.',
  refused: 'This claim was refused.',
  cancelled: 'This claim was cancelled: start again from the licence step.',
  pending_review: 'This claim is with the moderators.',
  more_info: 'This claim is with the moderators, who asked you for more.',
};

/**
 * The code from the listing's email. Right and in time: in one transaction the listing (locked)
 * becomes the claimant's, their account a therapist account, the claim approved, and the
 * listing's address is told. Wrong: counted, and the fifth wrong code cancels the claim; once a
 * listing has had too many wrong codes in a day (from any accounts), its codes are not checked
 * for a while. If the listing was claimed by someone else meanwhile, the claim becomes a
 * dispute instead.
 */
export async function verifyClaimCode(
  viewer: Viewer | null,
  claimId: number,
  input: unknown,
  clock: ClaimClock = {},
): Promise<CodeOutcome> {
  const me = requireSignedIn(viewer);
  const { code } = parseInput(codeInput, input);
  const now = clock.now ?? new Date();
  // Refusals that count an attempt are returned, committed, and only then thrown.
  const result = await getDb().transaction(async (tx): Promise<CodeCheck> => {
    const { claim, listing } = await lockOwnClaim(tx, me.userId, claimId);
    if (claim.status !== 'awaiting_code' || !claim.codeHash || !claim.codeExpiresAt) {
      return {
        outcome: 'refused',
        code: 'forbidden',
        message: CLOSED_CLAIM[claim.status] ?? 'This claim does not wait for a code.',
      };
    }
    if (now.getTime() >= claim.codeExpiresAt.getTime()) {
      return {
        outcome: 'refused',
        code: 'validation',
        message: 'The code has expired; ask for a new one.',
      };
    }
    const wait = await wrongCodesWait(tx, claim.therapistId, now);
    if (wait !== null) {
      return {
        outcome: 'refused',
        code: 'rate_limited',
        message:
          'Too many wrong codes were entered for this listing today, so codes for it are not checked for now. Try again later, or send evidence to the moderators.',
        retryAfter: wait,
      };
    }
    if (!claimCodeMatches(claim.codeHash, claim.id, claim.codeExpiresAt, code)) {
      const attempts = claim.codeAttempts + 1;
      const exhausted = attempts >= MAX_CODE_ATTEMPTS;
      await tx
        .update(listingClaims)
        .set({
          codeAttempts: attempts,
          updatedAt: now,
          ...(exhausted
            ? {
                status: 'cancelled' as const,
                codeHash: null,
                codeSentTo: null,
                codeExpiresAt: null,
              }
            : {}),
        })
        .where(eq(listingClaims.id, claim.id));
      await recordAudit(tx, {
        actorId: me.userId,
        action: exhausted ? 'claim.cancelled' : 'claim.code_wrong',
        subjectUserId: me.userId,
        therapistId: claim.therapistId,
        detail: { claimId: claim.id, attempts, ...(exhausted ? { reason: 'too_many_codes' } : {}) },
      });
      const left = MAX_CODE_ATTEMPTS - attempts;
      return {
        outcome: 'refused',
        code: 'validation',
        message: exhausted
          ? `That code is not right, and that was the last try: this claim is cancelled. Start again from the licence step.`
          : `That code is not right. ${left === 1 ? '1 try' : `${left} tries`} left.`,
      };
    }

    if (!listing || listing.status !== 'published') {
      return {
        outcome: 'refused',
        code: 'forbidden',
        message: 'This listing is no longer public.',
      };
    }
    const slug = listing.slug;
    if (listing.claimedByUserId && listing.claimedByUserId !== me.userId) {
      // Someone else holds it now: the proof goes to the moderators as a dispute.
      await tx
        .update(listingClaims)
        .set({
          kind: 'dispute',
          status: 'more_info',
          moderatorMessage:
            'Another account claimed this listing before you entered the code. Your licence matched and you proved the listing’s email address: tell the moderators why the listing is yours.',
          codeHash: null,
          codeSentTo: null,
          codeExpiresAt: null,
          updatedAt: now,
        })
        .where(eq(listingClaims.id, claim.id));
      await recordAudit(tx, {
        actorId: me.userId,
        action: 'claim.dispute_opened',
        subjectUserId: me.userId,
        therapistId: listing.id,
        detail: { claimId: claim.id, reason: 'listing_claimed_meanwhile', codeVerified: true },
      });
      await enqueueClaimNotices(tx, [
        { notice: 'dispute_opened', ownerId: listing.claimedByUserId, therapistName: listing.name },
      ]);
      return { outcome: 'dispute', claimId: claim.id, slug };
    }
    await recordAudit(tx, {
      actorId: me.userId,
      action: 'claim.code_verified',
      subjectUserId: me.userId,
      therapistId: listing.id,
      detail: { claimId: claim.id },
    });
    await grantListing(tx, {
      claim: { id: claim.id, kind: claim.kind, userId: me.userId },
      listing,
      actorId: me.userId,
      via: 'code',
      now,
    });
    return { outcome: 'granted', claimId: claim.id, slug };
  });
  if (result.outcome === 'refused') {
    throw new AppError(result.code, result.message, {
      issues: [{ field: 'code', message: result.message }],
      ...(result.retryAfter ? { retryAfter: result.retryAfter } : {}),
    });
  }
  return result;
}

/**
 * A new code for a claim waiting for one (the earlier code stops working), to the listing's
 * address as it is now; at most a few per claim and hour, and a few per listing and day.
 */
export async function resendClaimCode(
  viewer: Viewer | null,
  claimId: number,
  clock: ClaimClock = {},
): Promise<{ sentTo: string }> {
  const me = requireSignedIn(viewer);
  const now = clock.now ?? new Date();
  const [owned] = await getDb()
    .select({
      id: listingClaims.id,
      therapistId: listingClaims.therapistId,
      status: listingClaims.status,
    })
    .from(listingClaims)
    .where(and(eq(listingClaims.id, claimId), eq(listingClaims.userId, me.userId)));
  if (!owned) throw new AppError('not_found', NO_CLAIM);
  // A closed claim spends none of the listing's codes (checked again under the lock below).
  if (owned.status !== 'awaiting_code') {
    throw new AppError(
      'forbidden',
      CLOSED_CLAIM[owned.status] ?? 'This claim does not wait for a code.',
    );
  }
  await consumeRateLimit(codeResendLimit(), String(claimId));
  await consumeRateLimit(codesPerListingLimit(), String(owned.therapistId));

  const sent = await getDb().transaction(async (tx) => {
    const { claim, listing: locked } = await lockOwnClaim(tx, me.userId, claimId);
    if (claim.status !== 'awaiting_code') {
      throw new AppError(
        'forbidden',
        CLOSED_CLAIM[claim.status] ?? 'This claim does not wait for a code.',
      );
    }
    if (!locked || locked.status !== 'published') throw new AppError('not_found', NO_LISTING);
    const listing = locked;
    if (listing.claimedByUserId) {
      throw new AppError(
        'forbidden',
        'This listing was claimed by another account meanwhile. If it is yours, send evidence to the moderators.',
      );
    }
    if (!listing.contactEmail) {
      throw new AppError(
        'forbidden',
        'The listing has no email address any more: send evidence to the moderators instead.',
      );
    }
    const code = await issueCode(tx, claim.id, listing.contactEmail, now);
    await recordAudit(tx, {
      actorId: me.userId,
      action: 'claim.code_sent',
      subjectUserId: me.userId,
      therapistId: listing.id,
      detail: { claimId: claim.id, sentTo: maskEmail(listing.contactEmail), resent: true },
    });
    return { code, to: listing.contactEmail, name: listing.name };
  });
  await deliverCode(sent.to, sent.code, sent.name, claimId);
  return { sentTo: maskEmail(sent.to) };
}

/* ------------------------------------------------------------------------------------------ */
/* Evidence for the moderators                                                                 */
/* ------------------------------------------------------------------------------------------ */

export interface EvidenceOutcome {
  claimId: number;
  kind: ClaimKind;
}

/**
 * Sends a claim to the moderators with evidence: a claim of an unclaimed listing (no licence
 * or address on it, a licence on it that the claimant says is wrong, or no access to its
 * address), or a dispute over a listing someone else holds; its holder is told, without
 * naming the claimant. A claim waiting for a code becomes this claim. Never granted by time:
 * only a moderator decides.
 */
export async function submitEvidence(
  viewer: Viewer | null,
  slug: string,
  input: unknown,
  clock: ClaimClock = {},
): Promise<EvidenceOutcome> {
  const me = requireSignedIn(viewer);
  const parsed = parseInput(evidenceInput, input);
  const now = clock.now ?? new Date();
  const therapistId = await publishedListingId(slug);
  await getDb().transaction(async (tx) => {
    await requireEligible(tx, me.userId, await lockPublishedListing(tx, therapistId));
  });
  await consumeRateLimit(evidenceLimit(), me.userId);

  return getDb().transaction(async (tx) => {
    const listing = await lockPublishedListing(tx, therapistId);
    await requireEligible(tx, me.userId, listing);
    const kind: ClaimKind = listing.claimedByUserId ? 'dispute' : 'listing';
    const match = parsed.licence ? matchAgainst(listing, parsed.licence) : null;
    const values = {
      kind,
      status: 'pending_review' as const,
      licenseState: parsed.licence?.licenseState ?? null,
      licenseNumber: parsed.licence?.licenseNumber ?? null,
      licenseName: parsed.licence?.licenseName ?? null,
      licenseMatched: licenceResult(listing, match),
      evidence: parsed.evidence,
      evidenceLinks: parsed.links,
      codeHash: null,
      codeSentTo: null,
      codeExpiresAt: null,
      updatedAt: now,
    };
    const open = await openClaimOf(tx, me.userId, listing.id);
    let claimId: number;
    if (open) {
      if (open.status !== 'awaiting_code') throw new AppError('forbidden', ALREADY_OPEN);
      await tx.update(listingClaims).set(values).where(eq(listingClaims.id, open.id));
      claimId = open.id;
    } else {
      const [created] = await tx
        .insert(listingClaims)
        .values({ ...values, therapistId: listing.id, userId: me.userId, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: listingClaims.id });
      if (!created) throw new AppError('forbidden', ALREADY_OPEN);
      claimId = created.id;
    }
    await recordAudit(tx, {
      actorId: me.userId,
      action: kind === 'dispute' ? 'claim.dispute_opened' : 'claim.evidence_submitted',
      subjectUserId: me.userId,
      therapistId: listing.id,
      detail: {
        claimId,
        links: parsed.links.length,
        licenseMatched: values.licenseMatched,
        ...(open ? { previousStatus: open.status } : {}),
      },
    });
    if (kind === 'dispute' && listing.claimedByUserId) {
      await enqueueClaimNotices(tx, [
        { notice: 'dispute_opened', ownerId: listing.claimedByUserId, therapistName: listing.name },
      ]);
    }
    return { claimId, kind };
  });
}

/** Adds evidence to a claim a moderator asked more about: it goes back to the moderators. */
export async function addClaimEvidence(
  viewer: Viewer | null,
  claimId: number,
  input: unknown,
  clock: ClaimClock = {},
): Promise<{ claimId: number }> {
  const me = requireSignedIn(viewer);
  const added = parseInput(moreEvidenceInput, input);
  const now = clock.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const { claim } = await lockOwnClaim(tx, me.userId, claimId);
    if (claim.status !== 'more_info') {
      throw new AppError('forbidden', 'The moderators have not asked for more about this claim.');
    }
    const evidence = claim.evidence
      ? `${claim.evidence}\n\n(Added ${now.toISOString().slice(0, 10)})\n${added.evidence}`
      : added.evidence;
    if (evidence.length > CLAIM_LIMITS.evidenceMax) {
      throw new AppError('validation', 'This is too long together with what you sent before.', {
        issues: [
          {
            field: 'evidence',
            message: `Together with what you sent before, keep it to ${CLAIM_LIMITS.evidenceMax.toLocaleString('en-US')} characters: ${Math.max(0, CLAIM_LIMITS.evidenceMax - (evidence.length - added.evidence.length))} are left.`,
          },
        ],
      });
    }
    const links = [...new Set([...claim.evidenceLinks, ...added.links])];
    if (links.length > CLAIM_LIMITS.links) {
      throw new AppError('validation', 'Too many links in all.', {
        issues: [
          {
            field: 'links',
            message: `A claim has at most ${CLAIM_LIMITS.links} links: ${CLAIM_LIMITS.links - claim.evidenceLinks.length} more fit.`,
          },
        ],
      });
    }
    await tx
      .update(listingClaims)
      .set({ evidence, evidenceLinks: links, status: 'pending_review', updatedAt: now })
      .where(eq(listingClaims.id, claim.id));
    await recordAudit(tx, {
      actorId: me.userId,
      action: 'claim.more_info_added',
      subjectUserId: me.userId,
      therapistId: claim.therapistId,
      detail: { claimId: claim.id, links: added.links.length },
    });
    return { claimId: claim.id };
  });
}

/**
 * The claimant withdraws an open claim (a new listing they asked for is hidden again, without
 * its licence and address).
 */
export async function withdrawClaim(
  viewer: Viewer | null,
  claimId: number,
  clock: ClaimClock = {},
): Promise<{ claimId: number; slug: string }> {
  const me = requireSignedIn(viewer);
  const now = clock.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const { claim, listing } = await lockOwnClaim(tx, me.userId, claimId);
    if (!(OPEN_CLAIM_STATUSES as readonly string[]).includes(claim.status)) {
      throw new AppError('forbidden', 'This claim is already closed.');
    }
    await tx
      .update(listingClaims)
      .set({
        status: 'cancelled',
        codeHash: null,
        codeSentTo: null,
        codeExpiresAt: null,
        updatedAt: now,
      })
      .where(eq(listingClaims.id, claim.id));
    if (claim.kind === 'new_listing' && listing?.status === 'pending') {
      await withdrawNewListing(tx, listing.id, now);
    }
    await recordAudit(tx, {
      actorId: me.userId,
      action: 'claim.withdrawn',
      subjectUserId: me.userId,
      therapistId: claim.therapistId,
      detail: { claimId: claim.id, previousStatus: claim.status },
    });
    return { claimId: claim.id, slug: listing?.slug ?? '' };
  });
}
