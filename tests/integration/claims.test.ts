/**
 * Claims (TRUST 20, 21): a licence that matches the listing and a code sent to the listing's own
 * address grant it; otherwise, and for listings someone holds, the moderators decide from the
 * evidence, and silence never grants. Every step is audited; codes never are.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contactChanges, jobs, listingClaims, therapists, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { decideClaim } from '@/lib/claims/decisions';
import {
  addClaimEvidence,
  resendClaimCode,
  submitEvidence,
  submitLicence,
  verifyClaimCode,
  withdrawClaim,
} from '@/lib/claims/mutations';
import {
  getClaimPage,
  getClaimForModerator,
  getOwnClaim,
  listClaimQueue,
  listOwnClaims,
} from '@/lib/claims/queries';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { createTherapist } from '../factories';
import {
  addPasskey,
  confirmedViewer,
  createSessionToken,
  signedInViewer,
  viewerOf,
  type SignedInMember,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { setUpMail } from '../support/env';
import { failure } from '../support/errors';
import { runAllDueJobs } from '../support/jobs';

const ORIGIN = 'https://unknot.example';
const DAY_MS = 86_400_000;

let database: TestDatabase;
const sink = setUpMail({
  authUrl: ORIGIN,
  authSecret: 'test-secret-for-claim-tests-0123456789abcdef',
  perTest: {
    RATE_LIMIT_CLAIM_LICENCE_PER_LISTING: undefined,
    RATE_LIMIT_CLAIM_LICENCE_PER_ACCOUNT: undefined,
    RATE_LIMIT_CLAIM_CODE_RESENDS: undefined,
    RATE_LIMIT_CLAIM_EVIDENCE: undefined,
    RATE_LIMIT_CLAIM_CODES_PER_LISTING: undefined,
    RATE_LIMIT_CLAIM_WRONG_CODES_PER_LISTING: undefined,
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const moderator = () => confirmedViewer('moderator');

let listingCounter = 0;

interface Listing {
  id: number;
  slug: string;
  name: string;
  contactEmail: string | null;
  licenseNumber: string | null;
}

/** A published listing of "Maya Rodriguez" with a Massachusetts licence and its own address. */
async function listing(
  overrides: Partial<{
    contactEmail: string | null;
    licensed: boolean;
    claimedByUserId: string | null;
    status: 'published' | 'pending' | 'hidden';
  }> = {},
): Promise<Listing> {
  listingCounter += 1;
  const tag = `${listingCounter}${randomBytes(2).toString('hex')}`;
  const licensed = overrides.licensed ?? true;
  const { therapist } = await createTherapist(database.db, {
    name: 'Maya Rodriguez',
    credentials: 'LMT',
    licenseState: licensed ? 'MA' : null,
    licenseNumber: licensed ? `MA00${listingCounter}${Date.now() % 100000}` : null,
    contactEmail:
      overrides.contactEmail === undefined
        ? `front-desk-${tag}@clinic.example`
        : overrides.contactEmail,
    claimedByUserId: overrides.claimedByUserId ?? null,
    status: overrides.status ?? 'published',
  });
  return {
    id: therapist.id,
    slug: therapist.slug,
    name: therapist.name,
    contactEmail: therapist.contactEmail,
    licenseNumber: therapist.licenseNumber,
  };
}

/** The licence as a practitioner might type it: other spacing, zeros, case and credentials. */
function typedLicence(target: Listing) {
  return {
    licenseState: 'ma',
    licenseNumber: ` ${target.licenseNumber!.replace(/^MA0*/, 'ma-')} `,
    licenseName: 'Maya J. Rodríguez, LMT',
  };
}

function expectRefusal(error: AppError, code: AppErrorCode, message?: string | RegExp) {
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toContain(message);
  else if (message) expect(error.message).toMatch(message);
}

/** The code in the latest claim mail to `address` (waiting for it to arrive). */
async function codeSentTo(address: string, already: number): Promise<string> {
  const mail = await sink.waitForMail(address, { already });
  const match = /The code is (\d{6})\./.exec(mail.text);
  expect(match, mail.text).not.toBeNull();
  return match![1]!;
}

/** Starts a claim with the right licence and returns the claim and its code. */
async function startClaim(claimant: SignedInMember, target: Listing) {
  const already = sink.mailsTo(target.contactEmail!).length;
  const outcome = await submitLicence(claimant.viewer, target.slug, typedLicence(target));
  expect(outcome.outcome).toBe('code_sent');
  if (outcome.outcome !== 'code_sent') throw new Error('no code');
  const code = await codeSentTo(target.contactEmail!, already);
  return { claimId: outcome.claimId, code, sentTo: outcome.sentTo };
}

async function claimRow(claimId: number) {
  const [row] = await database.db.select().from(listingClaims).where(eq(listingClaims.id, claimId));
  return row!;
}

async function claimsOn(therapistId: number) {
  return database.db.select().from(listingClaims).where(eq(listingClaims.therapistId, therapistId));
}

async function holderOf(therapistId: number) {
  const [row] = await database.db
    .select({ claimedBy: therapists.claimedByUserId, status: therapists.status })
    .from(therapists)
    .where(eq(therapists.id, therapistId));
  return row!;
}

async function roleOf(userId: string) {
  const [row] = await database.db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row!.role;
}

async function auditActions(therapistId: number): Promise<string[]> {
  const rows = await database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.therapistId, therapistId))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.action);
}

/** A moderator's decision as the form sends it, for the claim as it is now. */
async function decisionOn(claimId: number, choice: { decision: string; message: string }) {
  const [row] = await database.db
    .select({ updatedAt: listingClaims.updatedAt, holder: therapists.claimedByUserId })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(eq(listingClaims.id, claimId));
  return { ...choice, version: row!.updatedAt.toISOString(), holder: row!.holder ?? '' };
}

/** Decides the claim as the moderator's form would, on the claim as it is now. */
async function decide(by: Viewer, claimId: number, decision: string, message = '') {
  return decideClaim(by, claimId, await decisionOn(claimId, { decision, message }));
}

function minutesFromNow(minutes: number): Date {
  return new Date(Date.now() + minutes * 60_000);
}

/* ------------------------------------------------------------------------------------------ */
/* Licence and code                                                                            */
/* ------------------------------------------------------------------------------------------ */

describe('claiming with the licence and the code', () => {
  it('grants the listing: role, holder, approved claim, an audit entry per step, the old address told', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId, code, sentTo } = await startClaim(claimant, target);

    expect(sentTo).toMatch(/^f•••@c•••\.example$/);
    const waiting = await claimRow(claimId);
    expect(waiting).toMatchObject({
      kind: 'listing',
      status: 'awaiting_code',
      codeSentTo: target.contactEmail,
      licenseMatched: 'yes',
      licenseState: 'MA',
      codeAttempts: 0,
    });
    expect(waiting.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(waiting.codeHash).not.toContain(code);
    expect(waiting.codeExpiresAt!.getTime() - waiting.createdAt.getTime()).toBe(15 * 60_000);
    // The code went to the listing's address, and nowhere else.
    expect(sink.mailsTo(claimant.member.email)).toHaveLength(0);

    const page = await getClaimPage(claimant.viewer, target.slug);
    expect(page?.openClaim).toMatchObject({
      id: claimId,
      status: 'awaiting_code',
      sentTo,
      attemptsLeft: 5,
    });

    const outcome = await verifyClaimCode(claimant.viewer, claimId, {
      code: ` ${code.slice(0, 3)} ${code.slice(3)} `,
    });
    expect(outcome).toEqual({ outcome: 'granted', claimId, slug: target.slug });
    expect((await holderOf(target.id)).claimedBy).toBe(claimant.member.id);
    expect(await roleOf(claimant.member.id)).toBe('therapist');
    expect(await claimRow(claimId)).toMatchObject({
      status: 'approved',
      codeHash: null,
      codeSentTo: null,
      codeExpiresAt: null,
    });
    expect(await auditActions(target.id)).toEqual([
      'claim.code_sent',
      'claim.code_verified',
      'claim.granted',
    ]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.therapistId, target.id));
    expect(JSON.stringify(audit)).not.toContain(code);
    expect(audit.every((a) => a.subjectUserId === claimant.member.id)).toBe(true);

    // The listing's (previous) contact address is told.
    const before = sink.mailsTo(target.contactEmail!).length;
    await runAllDueJobs();
    const notice = await sink.waitForMail(target.contactEmail!, { already: before });
    expect(notice.subject).toBe('Your Unknot listing was claimed');
    expect(notice.text).toContain('was claimed on');
    expect(notice.text).toContain('proved the licence on the listing and this email address');
    expect(notice.text).toContain('reply to this email');
    expect(notice.text).not.toContain(claimant.member.email);

    // Now the holder: the page says so, and another claim by them is refused.
    expect((await getClaimPage(claimant.viewer, target.slug))?.listing.yours).toBe(true);
    const again = await failure(submitLicence(claimant.viewer, target.slug, typedLicence(target)));
    expectRefusal(again, 'forbidden', 'already yours');
  });

  it('refuses extra fields (email, userId, therapistId) and sends the code only to the listing', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const attacker = `attacker-${randomBytes(3).toString('hex')}@evil.test`;
    for (const extra of [
      { email: attacker },
      { userId: claimant.member.id },
      { therapistId: target.id },
      { codeSentTo: attacker },
    ]) {
      const refused = await failure(
        submitLicence(claimant.viewer, target.slug, { ...typedLicence(target), ...extra }),
      );
      expectRefusal(refused, 'validation');
      expect(refused.issues.map((i) => i.field)).toContain(Object.keys(extra)[0]);
    }
    expect(await claimsOn(target.id)).toHaveLength(0);

    const { claimId } = await startClaim(claimant, target);
    expect((await claimRow(claimId)).codeSentTo).toBe(target.contactEmail);
    // Extra fields on the code and evidence steps are refused the same way.
    const extraCode = await failure(
      verifyClaimCode(claimant.viewer, claimId, { code: '123456', email: attacker }),
    );
    expectRefusal(extraCode, 'validation');
    const extraEvidence = await failure(
      submitEvidence(claimant.viewer, target.slug, {
        evidence: 'I am the practitioner of this listing, see my clinic page.',
        links: [],
        email: attacker,
      }),
    );
    expectRefusal(extraEvidence, 'validation');
    await resendClaimCode(claimant.viewer, claimId);
    await runAllDueJobs();
    expect(sink.mailsTo(attacker)).toHaveLength(0);
    expect(sink.mailsTo(claimant.member.email)).toHaveLength(0);
    expect(sink.mailsTo(target.contactEmail!)).toHaveLength(2);
  });

  it('refuses a licence that does not match (state, number or name), audited, nothing else changed', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const right = typedLicence(target);
    for (const wrong of [
      { ...right, licenseState: 'NY' },
      { ...right, licenseNumber: `${target.licenseNumber}9` },
      { ...right, licenseName: 'Mia Rodriguez' },
    ]) {
      const refused = await failure(submitLicence(claimant.viewer, target.slug, wrong));
      expectRefusal(refused, 'validation', 'The licence does not match this listing');
    }
    expect(await claimsOn(target.id)).toHaveLength(0);
    expect(await auditActions(target.id)).toEqual([
      'claim.licence_mismatch',
      'claim.licence_mismatch',
      'claim.licence_mismatch',
    ]);
    const details = await database.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.therapistId, target.id))
      .orderBy(asc(auditLog.id));
    expect(details.map((d) => d.detail)).toEqual([
      { state: false, number: true, name: true },
      { state: true, number: false, name: true },
      { state: true, number: true, name: false },
    ]);
    expect(await holderOf(target.id)).toEqual({ claimedBy: null, status: 'published' });
    expect(await roleOf(claimant.member.id)).toBe('member');
    expect(sink.mailsTo(target.contactEmail!)).toHaveLength(0);
  });

  it('limits licence checks per account and listing, and per account', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const wrong = { ...typedLicence(target), licenseState: 'NY' };
    for (let i = 0; i < 5; i++) {
      expectRefusal(
        await failure(submitLicence(claimant.viewer, target.slug, wrong)),
        'validation',
      );
    }
    const limited = await failure(
      submitLicence(claimant.viewer, target.slug, typedLicence(target)),
    );
    expectRefusal(limited, 'rate_limited', 'Too many licence checks');
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(await claimsOn(target.id)).toHaveLength(0);

    // Another account is not held back by it.
    await startClaim(await signedInViewer(), target);

    process.env.RATE_LIMIT_CLAIM_LICENCE_PER_ACCOUNT = '2';
    const busy = await signedInViewer();
    const listings = [await listing(), await listing(), await listing()];
    for (const one of listings.slice(0, 2)) {
      await failure(
        submitLicence(busy.viewer, one.slug, { ...typedLicence(one), licenseState: 'NY' }),
      );
    }
    const accountLimited = await failure(
      submitLicence(busy.viewer, listings[2]!.slug, typedLicence(listings[2]!)),
    );
    expectRefusal(accountLimited, 'rate_limited');
  });

  it('counts wrong codes and cancels the claim at the fifth', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId, code } = await startClaim(claimant, target);
    const wrong = code === '000000' ? '000001' : '000000';
    const first = await failure(verifyClaimCode(claimant.viewer, claimId, { code: wrong }));
    expectRefusal(first, 'validation', 'That code is not right. 4 tries left.');
    expect((await claimRow(claimId)).codeAttempts).toBe(1);
    for (let i = 0; i < 3; i++)
      await failure(verifyClaimCode(claimant.viewer, claimId, { code: wrong }));
    const last = await failure(verifyClaimCode(claimant.viewer, claimId, { code: wrong }));
    expectRefusal(last, 'validation', 'this claim is cancelled');
    expect(await claimRow(claimId)).toMatchObject({
      status: 'cancelled',
      codeAttempts: 5,
      codeHash: null,
    });
    // The right code no longer helps: start again.
    const after = await failure(verifyClaimCode(claimant.viewer, claimId, { code }));
    expectRefusal(after, 'forbidden', 'cancelled');
    expect((await holderOf(target.id)).claimedBy).toBeNull();
    expect(await auditActions(target.id)).toEqual([
      'claim.code_sent',
      'claim.code_wrong',
      'claim.code_wrong',
      'claim.code_wrong',
      'claim.code_wrong',
      'claim.cancelled',
    ]);
    // A malformed code is a validation error that counts nothing.
    const restarted = await startClaim(claimant, target);
    expectRefusal(
      await failure(verifyClaimCode(claimant.viewer, restarted.claimId, { code: '12ab56' })),
      'validation',
      '6-digit',
    );
    expect((await claimRow(restarted.claimId)).codeAttempts).toBe(0);
  });

  it('refuses an expired code; a new code replaces the old one, at most 3 an hour', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId, code } = await startClaim(claimant, target);
    const expired = await failure(
      verifyClaimCode(claimant.viewer, claimId, { code }, { now: minutesFromNow(16) }),
    );
    expectRefusal(expired, 'validation', 'The code has expired; ask for a new one');
    expect((await holderOf(target.id)).claimedBy).toBeNull();

    const already = sink.mailsTo(target.contactEmail!).length;
    const resent = await resendClaimCode(claimant.viewer, claimId);
    expect(resent.sentTo).toMatch(/•••/);
    const fresh = await codeSentTo(target.contactEmail!, already);
    if (fresh !== code) {
      expectRefusal(
        await failure(verifyClaimCode(claimant.viewer, claimId, { code })),
        'validation',
        'not right',
      );
    }
    await resendClaimCode(claimant.viewer, claimId);
    const third = await codeSentTo(target.contactEmail!, already + 1);
    await resendClaimCode(claimant.viewer, claimId);
    const latest = await codeSentTo(target.contactEmail!, already + 2);
    const limited = await failure(resendClaimCode(claimant.viewer, claimId));
    expectRefusal(limited, 'rate_limited', 'Too many new codes');
    if (third !== latest) {
      expectRefusal(
        await failure(verifyClaimCode(claimant.viewer, claimId, { code: third })),
        'validation',
      );
    }
    expect(await verifyClaimCode(claimant.viewer, claimId, { code: latest })).toMatchObject({
      outcome: 'granted',
    });
    // Nobody else can ask for codes of this claim, or enter them.
    const stranger = await signedInViewer();
    expectRefusal(await failure(resendClaimCode(stranger.viewer, claimId)), 'not_found');
    expectRefusal(
      await failure(verifyClaimCode(stranger.viewer, claimId, { code: latest })),
      'not_found',
    );
  });

  it('refuses staff accounts, banned accounts and accounts that hold a listing', async () => {
    const target = await listing();
    for (const role of ['moderator', 'admin'] as const) {
      const staff = await confirmedViewer(role);
      expectRefusal(
        await failure(submitLicence(staff.viewer, target.slug, typedLicence(target))),
        'forbidden',
        'Staff accounts cannot claim listings',
      );
      expectRefusal(
        await failure(
          submitEvidence(staff.viewer, target.slug, {
            evidence: 'This is my listing, I promise, see the clinic page.',
            links: [],
          }),
        ),
        'forbidden',
        'Staff accounts cannot claim listings',
      );
      expect((await getClaimPage(staff.viewer, target.slug))?.blocked).toContain('Staff accounts');
    }
    const holder = await signedInViewer();
    await listing({ claimedByUserId: holder.member.id });
    expectRefusal(
      await failure(submitLicence(holder.viewer, target.slug, typedLicence(target))),
      'forbidden',
      'already holds a listing',
    );
    const banned = await signedInViewer();
    await database.db
      .update(users)
      .set({ bannedAt: new Date() })
      .where(eq(users.id, banned.member.id));
    expectRefusal(
      await failure(submitLicence(banned.viewer, target.slug, typedLicence(target))),
      'forbidden',
      'banned',
    );
    expectRefusal(
      await failure(submitLicence(null, target.slug, typedLicence(target))),
      'unauthorized',
    );
    expect(await claimsOn(target.id)).toHaveLength(0);
    expect(sink.mailsTo(target.contactEmail!)).toHaveLength(0);
  });

  it('refuses a second claim on the same listing and shows the open one instead', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId } = await startClaim(claimant, target);
    const again = await failure(submitLicence(claimant.viewer, target.slug, typedLicence(target)));
    expectRefusal(again, 'forbidden', 'You already have a claim on this listing');
    expect((await getClaimPage(claimant.viewer, target.slug))?.openClaim?.id).toBe(claimId);
    expect(await claimsOn(target.id)).toHaveLength(1);
  });

  it('refuses a claim on an unpublished listing', async () => {
    const hidden = await listing({ status: 'hidden' });
    const claimant = await signedInViewer();
    expectRefusal(
      await failure(submitLicence(claimant.viewer, hidden.slug, typedLicence(hidden))),
      'not_found',
    );
    expect(await getClaimPage(claimant.viewer, hidden.slug)).toBeNull();
  });

  it('a claimant can withdraw an open claim', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId, code } = await startClaim(claimant, target);
    await withdrawClaim(claimant.viewer, claimId);
    expect(await claimRow(claimId)).toMatchObject({ status: 'cancelled', codeHash: null });
    expectRefusal(await failure(verifyClaimCode(claimant.viewer, claimId, { code })), 'forbidden');
    expectRefusal(
      await failure(withdrawClaim(claimant.viewer, claimId)),
      'forbidden',
      'already closed',
    );
    expect((await auditActions(target.id)).at(-1)).toBe('claim.withdrawn');
    expectRefusal(
      await failure(withdrawClaim((await signedInViewer()).viewer, claimId)),
      'not_found',
    );
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Disputes                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const EVIDENCE = 'I have practised at this clinic since 2019; the clinic page lists me.';

/** A listing held by a confirmed therapist, and a member's dispute of it with evidence. */
async function dispute() {
  const owner = await confirmedViewer('therapist');
  const target = await listing({ claimedByUserId: owner.member.id });
  const claimant = await signedInViewer();
  const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
    evidence: EVIDENCE,
    links: [],
  });
  return { owner, target, claimant, claimId };
}

describe('claims of a listing someone holds', () => {
  it('are disputes: the licence step refuses, evidence opens a dispute, the holder is told without names', async () => {
    const owner = await confirmedViewer('therapist');
    const target = await listing({ claimedByUserId: owner.member.id });
    const claimant = await signedInViewer();
    expectRefusal(
      await failure(submitLicence(claimant.viewer, target.slug, typedLicence(target))),
      'forbidden',
      'open a dispute',
    );
    expect(sink.mailsTo(target.contactEmail!)).toHaveLength(0);

    const noEvidence = await failure(
      submitEvidence(claimant.viewer, target.slug, { evidence: '', links: '' }),
    );
    expectRefusal(noEvidence, 'validation');
    expect(noEvidence.issues[0]?.field).toBe('evidence');

    const opened = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: 'https://clinic.example/team\nhttps://board.example/licence/123',
      ...typedLicence(target),
    });
    expect(opened.kind).toBe('dispute');
    expect(await claimRow(opened.claimId)).toMatchObject({
      kind: 'dispute',
      status: 'pending_review',
      licenseMatched: 'yes',
      evidence: EVIDENCE,
      evidenceLinks: ['https://clinic.example/team', 'https://board.example/licence/123'],
    });
    expect(await auditActions(target.id)).toEqual(['claim.dispute_opened']);
    await runAllDueJobs();
    const told = await sink.waitForMail(owner.member.email, { already: 0 });
    expect(told.subject).toBe('Someone disputes your Unknot listing');
    expect(told.text).toContain('The listing stays yours');
    expect(told.text).not.toContain(claimant.member.displayName);
    expect(told.text).not.toContain(claimant.member.email);
    expect((await holderOf(target.id)).claimedBy).toBe(owner.member.id);
  });

  it('are never granted by silence: 30 days later the dispute still waits and the holder keeps the listing (TRUST 21)', async () => {
    const { owner, target, claimant, claimId } = await dispute();

    for (const days of [1, 7, 30, 31]) await runAllDueJobs(new Date(Date.now() + days * DAY_MS));
    // The worker ran at each of those times (the holder's notice went out), and granted nothing.
    const notices = await database.db
      .select({ doneAt: jobs.doneAt })
      .from(jobs)
      .where(
        and(eq(jobs.kind, 'claim-notice'), sql`${jobs.payload} ->> 'ownerId' = ${owner.member.id}`),
      );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.doneAt).not.toBeNull();

    expect(await holderOf(target.id)).toEqual({ claimedBy: owner.member.id, status: 'published' });
    expect(await claimRow(claimId)).toMatchObject({
      status: 'pending_review',
      decidedAt: null,
      decidedById: null,
    });
    expect(await roleOf(claimant.member.id)).toBe('member');
    expect(await roleOf(owner.member.id)).toBe('therapist');
    expect(await auditActions(target.id)).toEqual(['claim.dispute_opened']);
    const queue = await listClaimQueue((await moderator()).viewer);
    expect(queue.disputes.map((d) => d.id)).toContain(claimId);
  });

  it('a listing claimed while the code was on its way turns the claim into a dispute, not a grant', async () => {
    const target = await listing();
    const first = await signedInViewer();
    const second = await signedInViewer();
    const a = await startClaim(first, target);
    const b = await startClaim(second, target);
    expect(await verifyClaimCode(first.viewer, a.claimId, { code: a.code })).toMatchObject({
      outcome: 'granted',
    });
    const late = await verifyClaimCode(second.viewer, b.claimId, { code: b.code });
    expect(late).toEqual({ outcome: 'dispute', claimId: b.claimId, slug: target.slug });
    expect(await claimRow(b.claimId)).toMatchObject({
      kind: 'dispute',
      status: 'more_info',
      codeHash: null,
    });
    expect((await holderOf(target.id)).claimedBy).toBe(first.member.id);
    expect(await roleOf(second.member.id)).toBe('member');

    // The claimant adds evidence: back with the moderators.
    await addClaimEvidence(second.viewer, b.claimId, { evidence: EVIDENCE, links: '' });
    expect(await claimRow(b.claimId)).toMatchObject({
      status: 'pending_review',
      evidence: EVIDENCE,
    });
  });

  it('approving a dispute moves the listing; both are told; other open claims stay open', async () => {
    const { owner, target, claimant, claimId } = await dispute();
    const other = await signedInViewer();
    const otherClaim = await submitEvidence(other.viewer, target.slug, {
      evidence: EVIDENCE,
      links: [],
    });
    const mod = await moderator();

    const outcome = await decide(mod.viewer, claimId, 'approve');
    expect(outcome).toMatchObject({
      claimId,
      kind: 'dispute',
      decision: 'approve',
      status: 'approved',
    });
    expect((await holderOf(target.id)).claimedBy).toBe(claimant.member.id);
    expect(await roleOf(claimant.member.id)).toBe('therapist');
    expect(await roleOf(owner.member.id)).toBe('member');
    expect(await claimRow(claimId)).toMatchObject({
      status: 'approved',
      decidedById: mod.member.id,
    });
    expect((await claimRow(otherClaim.claimId)).status).toBe('pending_review');
    const actions = await auditActions(target.id);
    expect(actions.slice(-2)).toEqual(['claim.approved', 'claim.granted']);

    await runAllDueJobs();
    const claimantMail = await sink.waitForMail(claimant.member.email, { already: 0 });
    expect(claimantMail.subject).toContain('was approved');
    expect(claimantMail.text).toContain('/account/security');
    const ownerMails = sink.mailsTo(owner.member.email);
    expect(ownerMails.map((m) => m.subject)).toContain(
      'Your Unknot listing moved to another account',
    );
    const contact = sink.mailsTo(target.contactEmail!);
    expect(contact.at(-1)?.text).toContain('an account whose evidence a moderator accepted');
  });

  it('a previous holder with another listing keeps the therapist role', async () => {
    const owner = await confirmedViewer('therapist');
    const target = await listing({ claimedByUserId: owner.member.id });
    // An account holds one listing; this state comes only from older data, and is handled.
    await listing({ claimedByUserId: owner.member.id });
    const claimant = await signedInViewer();
    const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: [],
    });
    await decide((await moderator()).viewer, claimId, 'approve');
    expect(await roleOf(owner.member.id)).toBe('therapist');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Evidence claims and moderator decisions                                                     */
/* ------------------------------------------------------------------------------------------ */

describe('evidence for the moderators', () => {
  it('a listing without an address or licence needs evidence; the moderators ask for more, then approve', async () => {
    const noEmail = await listing({ contactEmail: null });
    const noLicence = await listing({ licensed: false });
    const claimant = await signedInViewer();
    expect(await submitLicence(claimant.viewer, noEmail.slug, typedLicence(noEmail))).toEqual({
      outcome: 'evidence_needed',
      reason: 'no_email',
      slug: noEmail.slug,
    });
    expect(
      await submitLicence(claimant.viewer, noLicence.slug, {
        licenseState: 'MA',
        licenseNumber: '123',
        licenseName: 'Maya Rodriguez',
      }),
    ).toMatchObject({ outcome: 'evidence_needed', reason: 'no_licence' });
    expect(await claimsOn(noEmail.id)).toHaveLength(0);

    const badLinks = await failure(
      submitEvidence(claimant.viewer, noEmail.slug, {
        evidence: EVIDENCE,
        links: 'http://clinic.example/team',
      }),
    );
    expect(badLinks.issues[0]).toMatchObject({ field: 'links' });
    expect(badLinks.issues[0]?.message).toContain('https://');
    const tooMany = await failure(
      submitEvidence(claimant.viewer, noEmail.slug, {
        evidence: EVIDENCE,
        links: Array.from({ length: 11 }, (_, i) => `https://clinic.example/${i}`).join('\n'),
      }),
    );
    expect(tooMany.issues[0]).toMatchObject({ field: 'links', message: 'Give at most 10 links.' });
    const halfLicence = await failure(
      submitEvidence(claimant.viewer, noEmail.slug, {
        evidence: EVIDENCE,
        links: '',
        licenseState: 'MA',
      }),
    );
    expect(halfLicence.issues.map((i) => i.field)).toEqual(['licenseNumber', 'licenseName']);
    expect(await claimsOn(noEmail.id)).toHaveLength(0);

    const { claimId, kind } = await submitEvidence(claimant.viewer, noEmail.slug, {
      evidence: EVIDENCE,
      links: 'https://clinic.example/team',
      ...typedLicence(noEmail),
    });
    expect(kind).toBe('listing');
    expect(await claimRow(claimId)).toMatchObject({
      status: 'pending_review',
      licenseMatched: 'yes',
    });

    const mod = await moderator();
    const queue = await listClaimQueue(mod.viewer);
    expect(queue.evidence.map((c) => c.id)).toContain(claimId);
    const detail = await getClaimForModerator(mod.viewer, claimId);
    expect(detail).toMatchObject({
      kind: 'listing',
      licenseMatched: 'yes',
      evidenceLinks: ['https://clinic.example/team'],
      claimant: { email: claimant.member.email, displayName: claimant.member.displayName },
      yours: false,
    });
    expect(detail.trail.map((t) => t.action)).toContain('claim.evidence_submitted');

    const noMessage = await failure(decide(mod.viewer, claimId, 'more_info', ' '));
    expect(noMessage.issues[0]).toMatchObject({ field: 'message' });
    await decide(mod.viewer, claimId, 'more_info', 'Please link to the state board entry.');
    expect(await claimRow(claimId)).toMatchObject({
      status: 'more_info',
      moderatorMessage: 'Please link to the state board entry.',
    });
    await runAllDueJobs();
    const asked = await sink.waitForMail(claimant.member.email, { already: 0 });
    expect(asked.text).toContain('Please link to the state board entry.');
    expect(asked.links).toContain(`${ORIGIN}/claims/${claimId}`);
    const own = await listOwnClaims(claimant.viewer);
    expect(own.find((c) => c.id === claimId)).toMatchObject({
      status: 'more_info',
      moderatorMessage: 'Please link to the state board entry.',
    });

    await addClaimEvidence(claimant.viewer, claimId, {
      evidence: 'Here is the board entry for my licence.',
      links: 'https://board.example/ma/123',
    });
    const added = await claimRow(claimId);
    expect(added.status).toBe('pending_review');
    expect(added.evidence).toContain(EVIDENCE);
    expect(added.evidence).toContain('Here is the board entry for my licence.');
    expect(added.evidenceLinks).toEqual([
      'https://clinic.example/team',
      'https://board.example/ma/123',
    ]);
    expectRefusal(
      await failure(addClaimEvidence(claimant.viewer, claimId, { evidence: EVIDENCE, links: '' })),
      'forbidden',
      'have not asked',
    );

    await decide(mod.viewer, claimId, 'approve');
    expect((await holderOf(noEmail.id)).claimedBy).toBe(claimant.member.id);
    expect(await roleOf(claimant.member.id)).toBe('therapist');
    expect(await auditActions(noEmail.id)).toEqual([
      'claim.evidence_submitted',
      'claim.more_info_requested',
      'claim.more_info_added',
      'claim.approved',
      'claim.granted',
    ]);
  });

  it('refusing needs a reason, which the claimant reads', async () => {
    const target = await listing({ contactEmail: null });
    const claimant = await signedInViewer();
    const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    const mod = await moderator();
    const noReason = await failure(decide(mod.viewer, claimId, 'refuse'));
    expectRefusal(noReason, 'validation');
    expect(noReason.issues[0]).toMatchObject({ field: 'message' });
    const extra = await failure(
      decideClaim(mod.viewer, claimId, {
        ...(await decisionOn(claimId, { decision: 'approve', message: '' })),
        status: 'approved',
      }),
    );
    expectRefusal(extra, 'validation');
    await decide(mod.viewer, claimId, 'refuse', 'The clinic page does not name you.');
    expect(await claimRow(claimId)).toMatchObject({
      status: 'refused',
      moderatorMessage: 'The clinic page does not name you.',
    });
    expect((await holderOf(target.id)).claimedBy).toBeNull();
    await runAllDueJobs();
    const mail = await sink.waitForMail(claimant.member.email, { already: 0 });
    expect(mail.subject).toContain('was refused');
    expect(mail.text).toContain('The clinic page does not name you.');
    expectRefusal(
      await failure(decide(mod.viewer, claimId, 'approve')),
      'forbidden',
      'already closed',
    );
    expect(await auditActions(target.id)).toEqual(['claim.evidence_submitted', 'claim.refused']);
  });

  it('a claim waiting for a code becomes an evidence claim when the claimant cannot get the code', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId, code } = await startClaim(claimant, target);
    const sent = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    expect(sent.claimId).toBe(claimId);
    expect(await claimRow(claimId)).toMatchObject({ status: 'pending_review', codeHash: null });
    expectRefusal(await failure(verifyClaimCode(claimant.viewer, claimId, { code })), 'forbidden');
    expect(await claimsOn(target.id)).toHaveLength(1);
  });

  it('a double submission makes one claim', async () => {
    const target = await listing({ contactEmail: null });
    const claimant = await signedInViewer();
    const results = await Promise.allSettled([
      submitEvidence(claimant.viewer, target.slug, { evidence: EVIDENCE, links: '' }),
      submitEvidence(claimant.viewer, target.slug, { evidence: EVIDENCE, links: '' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(await claimsOn(target.id)).toHaveLength(1);
  });

  it('other claims of a listing that is granted become disputes, and its new holder is told', async () => {
    const target = await listing();
    const early = await signedInViewer();
    const { claimId: evidenceClaim } = await submitEvidence(early.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    const winner = await signedInViewer();
    const { claimId, code } = await startClaim(winner, target);
    await verifyClaimCode(winner.viewer, claimId, { code });
    expect(await claimRow(evidenceClaim)).toMatchObject({
      kind: 'dispute',
      status: 'pending_review',
    });
    const mod = await moderator();
    expect((await listClaimQueue(mod.viewer)).disputes.map((d) => d.id)).toContain(evidenceClaim);
    await runAllDueJobs();
    const told = await sink.waitForMail(winner.member.email, { already: 0 });
    expect(told.subject).toBe('Someone disputes your Unknot listing');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Who decides                                                                                 */
/* ------------------------------------------------------------------------------------------ */

describe('deciding claims', () => {
  it('only moderators and admins with a confirmed passkey decide, never on their own claim', async () => {
    const target = await listing({ contactEmail: null });
    const claimant = await signedInViewer();
    const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    const decision = await decisionOn(claimId, { decision: 'approve', message: '' });

    expectRefusal(await failure(decideClaim(null, claimId, decision)), 'unauthorized');
    expectRefusal(await failure(decideClaim(claimant.viewer, claimId, decision)), 'forbidden');
    expectRefusal(
      await failure(decideClaim((await signedInViewer()).viewer, claimId, decision)),
      'forbidden',
    );
    expectRefusal(
      await failure(decideClaim((await confirmedViewer('therapist')).viewer, claimId, decision)),
      'forbidden',
    );
    expectRefusal(
      await failure(
        decideClaim(
          (await signedInViewer({ role: 'moderator' }, { passkey: true })).viewer,
          claimId,
          decision,
        ),
      ),
      'second_factor',
    );
    expectRefusal(await failure(listClaimQueue((await signedInViewer()).viewer)), 'forbidden');
    expectRefusal(
      await failure(getClaimForModerator((await signedInViewer()).viewer, claimId)),
      'forbidden',
    );

    // The claimant becomes a moderator: another moderator must decide.
    await database.db
      .update(users)
      .set({ role: 'moderator' })
      .where(eq(users.id, claimant.member.id));
    await addPasskey(claimant.member.id);
    const asModerator = await viewerOf(
      await createSessionToken(claimant.member.id, { method: 'passkey', secondFactor: true }),
    );
    expectRefusal(
      await failure(decide(asModerator, claimId, 'refuse', 'No.')),
      'forbidden',
      'your own claim',
    );
    expect((await getClaimForModerator(asModerator, claimId)).yours).toBe(true);
    expect((await claimRow(claimId)).status).toBe('pending_review');
    expect((await holderOf(target.id)).claimedBy).toBeNull();

    // An admin decides; the claimant, now staff, cannot be given the listing.
    const admin = await confirmedViewer('admin');
    expectRefusal(
      await failure(decideClaim(admin.viewer, claimId, decision)),
      'forbidden',
      'Staff accounts cannot claim listings',
    );
    expect((await claimRow(claimId)).status).toBe('pending_review');
    await decide(admin.viewer, claimId, 'refuse', 'Staff cannot hold listings.');
    expect((await claimRow(claimId)).status).toBe('refused');
  });

  it('a claim waiting for its code is not decided by moderators', async () => {
    const target = await listing();
    const { claimId } = await startClaim(await signedInViewer(), target);
    expectRefusal(
      await failure(decide((await moderator()).viewer, claimId, 'approve')),
      'forbidden',
      'waits for its code',
    );
  });

  it('new listings: approval publishes and gives them; refusal and withdrawal hide them and free their licence', async () => {
    const mod = await moderator();
    const requests = [] as { claimant: SignedInMember; listing: Listing; claimId: number }[];
    for (let i = 0; i < 3; i++) {
      const claimant = await signedInViewer();
      const created = await listing({ status: 'pending' });
      const [claim] = await database.db
        .insert(listingClaims)
        .values({
          therapistId: created.id,
          userId: claimant.member.id,
          kind: 'new_listing',
          status: 'pending_review',
          evidence: 'I am not listed yet; here is my practice.',
        })
        .returning({ id: listingClaims.id });
      requests.push({ claimant, listing: created, claimId: claim!.id });
    }
    const queue = await listClaimQueue(mod.viewer);
    expect(queue.newListings.map((c) => c.id)).toEqual(
      expect.arrayContaining(requests.map((r) => r.claimId)),
    );
    const [approved, refused, withdrawn] = requests as [
      (typeof requests)[0],
      (typeof requests)[0],
      (typeof requests)[0],
    ];
    await decide(mod.viewer, approved.claimId, 'approve', 'Welcome.');
    expect(await holderOf(approved.listing.id)).toEqual({
      claimedBy: approved.claimant.member.id,
      status: 'published',
    });
    expect(await roleOf(approved.claimant.member.id)).toBe('therapist');

    await decide(mod.viewer, refused.claimId, 'refuse', 'We could not confirm the practice.');
    expect(await holderOf(refused.listing.id)).toEqual({ claimedBy: null, status: 'hidden' });
    expect(await roleOf(refused.claimant.member.id)).toBe('member');

    await withdrawClaim(withdrawn.claimant.viewer, withdrawn.claimId);
    expect(await holderOf(withdrawn.listing.id)).toEqual({ claimedBy: null, status: 'hidden' });

    // Never published, they keep neither the licence (free for a listing that is right) nor
    // the address.
    const licences = () =>
      database.db
        .select({
          id: therapists.id,
          licenseState: therapists.licenseState,
          licenseNumber: therapists.licenseNumber,
          contactEmail: therapists.contactEmail,
        })
        .from(therapists)
        .where(inArray(therapists.id, [refused.listing.id, withdrawn.listing.id]));
    for (const row of await licences()) {
      expect(row).toMatchObject({ licenseState: null, licenseNumber: null, contactEmail: null });
    }
    for (const request of [refused, withdrawn]) {
      const again = await createTherapist(database.db, {
        name: 'Maya Rodriguez',
        licenseState: 'MA',
        licenseNumber: request.listing.licenseNumber!,
        status: 'pending',
      });
      expect(again.therapist.licenseNumber).toBe(request.listing.licenseNumber);
    }
    // An approved one keeps both.
    const [kept] = await database.db
      .select({ licenseNumber: therapists.licenseNumber, contactEmail: therapists.contactEmail })
      .from(therapists)
      .where(eq(therapists.id, approved.listing.id));
    expect(kept).toEqual({
      licenseNumber: approved.listing.licenseNumber,
      contactEmail: approved.listing.contactEmail,
    });

    await runAllDueJobs();
    const told = sink.mailsTo(approved.listing.contactEmail!);
    expect(told.at(-1)?.subject).toBe('A listing on Unknot gives this address');
  });

  it('the moderator page holds the listing, the claimant and the audit trail of the listing', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    await failure(
      submitLicence(claimant.viewer, target.slug, { ...typedLicence(target), licenseState: 'NY' }),
    );
    const { claimId } = await startClaim(claimant, target);
    await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: 'https://clinic.example/team',
    });
    const detail = await getClaimForModerator((await moderator()).viewer, claimId);
    expect(detail.listing).toMatchObject({
      slug: target.slug,
      licenseState: 'MA',
      licenseNumber: target.licenseNumber,
      contactEmail: target.contactEmail,
      holderName: null,
    });
    expect(detail.claimant.createdAt).toBeInstanceOf(Date);
    expect(detail.trail.map((t) => t.action)).toEqual([
      'claim.licence_mismatch',
      'claim.code_sent',
      'claim.evidence_submitted',
    ]);
    expect(detail.trail[0]?.actor?.name).toBe(claimant.member.displayName);
    const rows = await database.db
      .select({ id: listingClaims.id })
      .from(listingClaims)
      .where(inArray(listingClaims.therapistId, [target.id]));
    expect(rows).toHaveLength(1);
  });
});

describe('claims decided at the same moment', () => {
  it('two moderators deciding two claims of one listing while claimants add evidence or withdraw: no deadlock', async () => {
    for (let round = 0; round < 4; round++) {
      const target = await listing({ contactEmail: null });
      const [first, second, third, fourth] = [
        await signedInViewer(),
        await signedInViewer(),
        await signedInViewer(),
        await signedInViewer(),
      ];
      const open = async (who: SignedInMember) =>
        (await submitEvidence(who.viewer, target.slug, { evidence: EVIDENCE, links: '' })).claimId;
      const [a, b, c, d] = [
        await open(first),
        await open(second),
        await open(third),
        await open(fourth),
      ];
      const [one, two] = [await moderator(), await moderator()];
      await decide(one.viewer, c, 'more_info', 'Link to the board entry, please.');
      const approve = await decisionOn(a, { decision: 'approve', message: '' });
      const refuse = await decisionOn(b, {
        decision: 'refuse',
        message: 'The page does not name you.',
      });
      const results = await Promise.allSettled([
        decideClaim(one.viewer, a, approve),
        decideClaim(two.viewer, b, refuse),
        addClaimEvidence(third.viewer, c, { evidence: EVIDENCE, links: '' }),
        withdrawClaim(fourth.viewer, d),
      ]);
      // Each either happened or was refused with a message (a page gone stale), never a
      // database error.
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason, String(result.reason)).toBeInstanceOf(AppError);
          expect((result.reason as AppError).message).toContain('changed since you opened it');
        }
      }
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        results[1].status,
        'fulfilled',
        'fulfilled',
      ]);
      expect((await holderOf(target.id)).claimedBy).toBe(first.member.id);
      expect((await claimRow(a)).status).toBe('approved');
      // Refused, or (the listing was given first) a dispute still waiting.
      const refused = await claimRow(b);
      if (results[1].status === 'fulfilled') expect(refused.status).toBe('refused');
      else expect(refused).toMatchObject({ status: 'pending_review', kind: 'dispute' });
      expect((await claimRow(c)).status).toBe('pending_review');
      expect((await claimRow(d)).status).toBe('cancelled');
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Guessing codes of one listing from many accounts                                            */
/* ------------------------------------------------------------------------------------------ */

describe('codes of one listing, whoever asks', () => {
  it('a listing gets at most so many codes a day, from new claims and new codes alike', async () => {
    process.env.RATE_LIMIT_CLAIM_CODES_PER_LISTING = '3';
    const target = await listing();
    await startClaim(await signedInViewer(), target);
    const claimant = await signedInViewer();
    const { claimId } = await startClaim(claimant, target);
    const already = sink.mailsTo(target.contactEmail!).length;
    await resendClaimCode(claimant.viewer, claimId);
    const latest = await codeSentTo(target.contactEmail!, already);

    const resend = await failure(resendClaimCode(claimant.viewer, claimId));
    expectRefusal(resend, 'rate_limited', 'Too many codes for this listing');
    expect(resend.retryAfter).toBeGreaterThan(0);
    const another = await signedInViewer();
    const licence = await failure(submitLicence(another.viewer, target.slug, typedLicence(target)));
    expectRefusal(licence, 'rate_limited', 'Too many codes for this listing');
    expect((await claimsOn(target.id)).filter((c) => c.userId === another.member.id)).toHaveLength(
      0,
    );
    expect(sink.mailsTo(target.contactEmail!)).toHaveLength(already + 1);
    // Other listings are not held back, and the code already sent still works.
    await startClaim(another, await listing());
    expect(await verifyClaimCode(claimant.viewer, claimId, { code: latest })).toMatchObject({
      outcome: 'granted',
    });
  });

  it('after so many wrong codes on a listing in a day, its codes are not checked, even right ones', async () => {
    process.env.RATE_LIMIT_CLAIM_WRONG_CODES_PER_LISTING = '6';
    const target = await listing();
    const guessers = [await signedInViewer(), await signedInViewer()];
    const claims = [];
    for (const guesser of guessers) claims.push(await startClaim(guesser, target));
    const wrong = (code: string) => (code === '000000' ? '000001' : '000000');
    // Five wrong codes cancel the first claim; one more from the second reaches six.
    for (let i = 0; i < 5; i++) {
      await failure(
        verifyClaimCode(guessers[0]!.viewer, claims[0]!.claimId, { code: wrong(claims[0]!.code) }),
      );
    }
    expect((await claimRow(claims[0]!.claimId)).status).toBe('cancelled');
    expectRefusal(
      await failure(
        verifyClaimCode(guessers[1]!.viewer, claims[1]!.claimId, { code: wrong(claims[1]!.code) }),
      ),
      'validation',
      '4 tries left',
    );
    const limited = await failure(
      verifyClaimCode(guessers[1]!.viewer, claims[1]!.claimId, { code: claims[1]!.code }),
    );
    expectRefusal(limited, 'rate_limited', 'Too many wrong codes were entered for this listing');
    expect(limited.retryAfter).toBeGreaterThan(23 * 3600);
    expect(limited.retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect((await holderOf(target.id)).claimedBy).toBeNull();
    // The refusal counts no try on the claim.
    expect((await claimRow(claims[1]!.claimId)).codeAttempts).toBe(1);
    // Another listing is not affected; a day later this one is checked again.
    const elsewhere = await listing();
    const other = await startClaim(await signedInViewer(), elsewhere);
    expect((await claimRow(other.claimId)).status).toBe('awaiting_code');
    const tomorrow = new Date(Date.now() + DAY_MS + 60_000);
    const before = sink.mailsTo(target.contactEmail!).length;
    await resendClaimCode(guessers[1]!.viewer, claims[1]!.claimId, { now: tomorrow });
    const fresh = await codeSentTo(target.contactEmail!, before);
    expect(
      await verifyClaimCode(
        guessers[1]!.viewer,
        claims[1]!.claimId,
        { code: fresh },
        { now: tomorrow },
      ),
    ).toMatchObject({ outcome: 'granted' });
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Decisions on pages that changed since                                                        */
/* ------------------------------------------------------------------------------------------ */

describe('decisions on an outdated page', () => {
  it('are refused when the claim changed or the listing moved since the page was opened', async () => {
    const { owner, target, claimant, claimId } = await dispute();
    const mod = await moderator();
    const page = await getClaimForModerator(mod.viewer, claimId);
    expect(page.listing.holderId).toBe(owner.member.id);
    const opened = {
      version: page.updatedAt.toISOString(),
      holder: page.listing.holderId,
    };
    await decideClaim(mod.viewer, claimId, {
      decision: 'more_info',
      message: 'Which clinic?',
      ...opened,
    });
    const asked = await claimRow(claimId);
    expect(asked.updatedAt.getTime()).toBeGreaterThanOrEqual(page.updatedAt.getTime());
    expect(asked.updatedAt.toISOString()).not.toBe(opened.version);

    // The same page again: the claim changed since.
    const stale = await failure(
      decideClaim(mod.viewer, claimId, { decision: 'approve', message: '', ...opened }),
    );
    expectRefusal(
      stale,
      'forbidden',
      'This claim or its listing changed since you opened it: reload the page.',
    );
    // The claimant adds evidence: a page opened before it is outdated too.
    const beforeAdding = await decisionOn(claimId, { decision: 'approve', message: '' });
    await addClaimEvidence(claimant.viewer, claimId, { evidence: EVIDENCE, links: '' });
    expectRefusal(
      await failure(decideClaim(mod.viewer, claimId, beforeAdding)),
      'forbidden',
      'changed since you opened it',
    );

    // The listing moves to someone else (another dispute approved): the holder differs.
    const rival = await signedInViewer();
    const rivalClaim = await submitEvidence(rival.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    const fresh = await decisionOn(claimId, { decision: 'approve', message: '' });
    await decide((await moderator()).viewer, rivalClaim.claimId, 'approve');
    expect((await holderOf(target.id)).claimedBy).toBe(rival.member.id);
    expectRefusal(
      await failure(decideClaim(mod.viewer, claimId, fresh)),
      'forbidden',
      'changed since you opened it',
    );
    // Malformed or missing fields are refused as well, and nothing was decided.
    for (const bad of [
      { decision: 'approve', message: '' },
      { ...fresh, version: 'yesterday' },
      { ...fresh, holder: "x' or 1=1" },
    ]) {
      expectRefusal(await failure(decideClaim(mod.viewer, claimId, bad)), 'validation');
    }
    expect((await claimRow(claimId)).status).toBe('pending_review');
    // Reloaded, the decision is recorded.
    await decide(mod.viewer, claimId, 'refuse', 'The rival proved it.');
    expect((await claimRow(claimId)).status).toBe('refused');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* A listing that moves                                                                        */
/* ------------------------------------------------------------------------------------------ */

describe('a listing given to another account', () => {
  it('cancels a contact change its previous holder left waiting, in the same change', async () => {
    const owner = await confirmedViewer('therapist');
    const target = await listing({ claimedByUserId: owner.member.id });
    const [change] = await database.db
      .insert(contactChanges)
      .values({
        therapistId: target.id,
        requestedById: owner.member.id,
        changes: { contactEmail: 'new-address@elsewhere.example' },
        previous: { contactEmail: target.contactEmail },
        notifiedEmail: target.contactEmail,
        appliesAt: new Date(Date.now() + 72 * 3600_000),
      })
      .returning({ id: contactChanges.id });
    const claimant = await signedInViewer();
    const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    await decide((await moderator()).viewer, claimId, 'approve');
    const [row] = await database.db
      .select()
      .from(contactChanges)
      .where(eq(contactChanges.id, change!.id));
    expect(row!.cancelledAt).toBeInstanceOf(Date);
    expect(row!.cancelledById).toBeNull();
    expect(row!.appliedAt).toBeNull();
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.therapistId, target.id),
          eq(auditLog.action, 'listing.contact_change_cancelled'),
        ),
      );
    expect(entry).toMatchObject({
      actorId: null,
      detail: { changeId: change!.id, by: 'owner_changed' },
    });
    expect((await auditActions(target.id)).slice(-3)).toEqual([
      'claim.approved',
      'listing.contact_change_cancelled',
      'claim.granted',
    ]);
  });

  it('the claim page of an approved claim says so once the listing moved on', async () => {
    const target = await listing();
    const first = await signedInViewer();
    const { claimId, code } = await startClaim(first, target);
    await verifyClaimCode(first.viewer, claimId, { code });
    expect((await getOwnClaim(first.viewer, claimId)).holdsListing).toBe(true);
    const rival = await signedInViewer();
    const dispute = await submitEvidence(rival.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    await decide((await moderator()).viewer, dispute.claimId, 'approve');
    const own = await getOwnClaim(first.viewer, claimId);
    expect(own).toMatchObject({ status: 'approved', holdsListing: false });
    expect((await getOwnClaim(rival.viewer, dispute.claimId)).holdsListing).toBe(true);
  });

  it('a moderator approving a claimant who holds another listing reads it about the claimant', async () => {
    const target = await listing({ contactEmail: null });
    const claimant = await signedInViewer();
    const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    // Meanwhile the claimant got another listing.
    await listing({ claimedByUserId: claimant.member.id });
    const refused = await failure(decide((await moderator()).viewer, claimId, 'approve'));
    expectRefusal(refused, 'forbidden', 'The claimant’s account already holds a listing');
    expect(refused.message).not.toContain('Your account');
    expect((await claimRow(claimId)).status).toBe('pending_review');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Pages                                                                                       */
/* ------------------------------------------------------------------------------------------ */

describe('what the pages show', () => {
  it('the claim page says a claim was cancelled by wrong codes, instead of the code form', async () => {
    const target = await listing();
    const claimant = await signedInViewer();
    const { claimId, code } = await startClaim(claimant, target);
    const wrong = code === '000000' ? '000001' : '000000';
    await failure(verifyClaimCode(claimant.viewer, claimId, { code: wrong }));
    expect((await getClaimPage(claimant.viewer, target.slug))?.openClaim?.attemptsLeft).toBe(4);
    for (let i = 0; i < 4; i++) {
      await failure(verifyClaimCode(claimant.viewer, claimId, { code: wrong }));
    }
    const page = await getClaimPage(claimant.viewer, target.slug);
    expect(page).toMatchObject({ openClaim: null, cancelledByCodes: true });
    // A claim withdrawn by the claimant is not one cancelled by codes.
    const again = await startClaim(claimant, target);
    expect((await getClaimPage(claimant.viewer, target.slug))?.cancelledByCodes).toBe(false);
    await withdrawClaim(claimant.viewer, again.claimId);
    expect((await getClaimPage(claimant.viewer, target.slug))?.cancelledByCodes).toBe(false);
  });

  it('the moderator page shows the newest 300 entries of a long audit trail, oldest first', async () => {
    const target = await listing({ contactEmail: null });
    const claimant = await signedInViewer();
    const start = Date.now() - 400 * 60_000;
    await database.db.insert(auditLog).values(
      Array.from({ length: 320 }, (_, i) => ({
        actorId: null,
        action: 'listing.test_entry',
        therapistId: target.id,
        detail: { n: i },
        at: new Date(start + i * 60_000),
      })),
    );
    const { claimId } = await submitEvidence(claimant.viewer, target.slug, {
      evidence: EVIDENCE,
      links: '',
    });
    const { trail } = await getClaimForModerator((await moderator()).viewer, claimId);
    expect(trail).toHaveLength(300);
    expect(trail.at(-1)?.action).toBe('claim.evidence_submitted');
    expect(trail[0]?.detail).toEqual({ n: 21 });
    const times = trail.map((t) => t.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});
