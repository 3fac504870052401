/**
 * Invitations to review: the confirmed owner of a published listing sends the same neutral email
 * to every client they list, through the jobs worker and a real SMTP server; each address is
 * invited once per listing and forgotten once its email is sent; a review written from the link
 * records the invitation (once), and a link that does not work never blocks a review.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jobs, reviewInvitations, reviews, therapists } from '@/db/schema';
import { type Viewer } from '@/lib/auth/viewer';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { createFollowUpToken } from '@/lib/follow-ups/token';
import { invitationEmailHash } from '@/lib/invitations/email-hash';
import {
  forgetStaleInvitationAddresses,
  INVITATION_ADDRESS_DAYS,
  INVITATION_JOB,
} from '@/lib/invitations/job';
import { INVITATION_MIN_NEW_REASON } from '@/lib/invitations/input';
import { invitationWording } from '@/lib/invitations/mail';
import { sendInvitations, type SendInvitationsResult } from '@/lib/invitations/mutations';
import {
  checkInvitationForListing,
  getInvitationOverview,
  invitationParam,
} from '@/lib/invitations/queries';
import {
  checkInvitationToken,
  createInvitationToken,
  INVITATION_LINK_DAYS,
  signInvitationClaims,
} from '@/lib/invitations/token';
import { JOB_HANDLERS } from '@/lib/jobs/handlers';
import { runDueJobs } from '@/lib/jobs/worker';
import { createReview as writeReview } from '@/lib/reviews/mutations';
import {
  confirmedViewer,
  createMember,
  createSessionToken,
  ownedListing,
  signedInViewer,
  viewerOf,
  type ListingOwner,
  type SignedInMember,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { setUpMail } from '../support/env';
import { failure } from '../support/errors';
import { runAllDueJobs } from '../support/jobs';
import type { ReceivedMail } from '../support/smtp-sink';

const ORIGIN = 'https://unknot.example';
const DAY_MS = 86_400_000;

let database: TestDatabase;
const sink = setUpMail({
  authUrl: `${ORIGIN}/some/path`,
  authSecret: 'test-secret-for-invitation-tests-0123456789abcdef',
  perTest: {
    RATE_LIMIT_INVITATION_BATCHES_PER_HOUR: undefined,
    RATE_LIMIT_INVITATIONS_PER_DAY: undefined,
    RATE_LIMIT_REVIEWS_PER_DAY: '0',
    RATE_LIMIT_REVIEWS_PER_IP_PER_HOUR: '0',
  },
});

let listingCounter = 0;
/** A confirmed therapist holding a listing with an address of its own (published unless told). */
function owner(status: 'published' | 'hidden' | 'pending' = 'published'): Promise<ListingOwner> {
  listingCounter += 1;
  return ownedListing({ status, contactEmail: `front-desk-${listingCounter}@practice.example` });
}

let addressCounter = 0;
/** Fresh client addresses that no test used before. */
function clients(count: number): string[] {
  return Array.from({ length: count }, () => {
    addressCounter += 1;
    return `client-${addressCounter}@clients.example`;
  });
}

function send(
  who: { viewer: Viewer } | null,
  emails: string | string[],
): Promise<SendInvitationsResult> {
  return sendInvitations(who?.viewer ?? null, {
    emails: Array.isArray(emails) ? emails.join('\n') : emails,
    confirm: 'yes',
  });
}

async function invitationRows(therapistId: number) {
  return database.db
    .select()
    .from(reviewInvitations)
    .where(eq(reviewInvitations.therapistId, therapistId))
    .orderBy(reviewInvitations.id);
}

async function invitationJobs(therapistId: number) {
  return database.db
    .select({ id: jobs.id, payload: jobs.payload, doneAt: jobs.doneAt, lastError: jobs.lastError })
    .from(jobs)
    .innerJoin(
      reviewInvitations,
      sql`${reviewInvitations.id} = (${jobs.payload} ->> 'invitationId')::int`,
    )
    .where(and(eq(jobs.kind, INVITATION_JOB), eq(reviewInvitations.therapistId, therapistId)));
}

async function auditOf(therapistId: number) {
  return database.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.therapistId, therapistId), eq(auditLog.action, 'invitation.sent')))
    .orderBy(auditLog.id);
}

/** The token in an invitation link (checked to be the listing's review page on AUTH_URL). */
function tokenOf(mail: ReceivedMail, slug: string): string {
  expect(mail.links).toHaveLength(1);
  const url = new URL(mail.links[0]!);
  expect(url.origin).toBe(ORIGIN);
  expect(url.pathname).toBe(`/therapists/${slug}/review`);
  expect([...url.searchParams.keys()]).toEqual(['invitation']);
  return url.searchParams.get('invitation')!;
}

/** Sends the invitations to `emails` and returns each one's token, in order. */
async function invite(who: ListingOwner, emails: string[]): Promise<string[]> {
  await send(who, emails);
  await runAllDueJobs();
  const tokens: string[] = [];
  for (const email of emails)
    tokens.push(tokenOf(await sink.waitForMail(email, { already: 0 }), who.slug));
  return tokens;
}

let reviewCounter = 0;
/** A member's review of the listing, from their own network, with an optional invitation. */
async function review(who: ListingOwner, invitation?: string | null, body?: string) {
  reviewCounter += 1;
  const reviewer = await signedInViewer();
  const result = await writeReview(
    reviewer.viewer,
    who.slug,
    {
      rating: String((reviewCounter % 5) + 1),
      body:
        body ??
        `Visit number ${reviewCounter} went ${['well', 'badly', 'fine', 'so-so'][reviewCounter % 4]}: ${randomBytes(12).toString('hex')} and the shoulder felt different afterwards.`,
    },
    { clientAddress: `198.51.100.${reviewCounter % 250}`, invitation: invitation ?? null },
  );
  const [row] = await database.db
    .select({ invitationId: reviews.invitationId, status: reviews.status })
    .from(reviews)
    .where(eq(reviews.id, result.review.id));
  return { result, row: row!, reviewer };
}

beforeAll(async () => {
  database = await createTestDatabase();
});

// Invitations a test sent but did not deliver are not the next test's business.
afterEach(async () => {
  await database.db.delete(jobs).where(sql`${jobs.doneAt} is null`);
});

afterAll(async () => {
  await database.dispose();
});

describe('sending invitations', () => {
  it('sends every client the same neutral email, then forgets the addresses', async () => {
    const who = await owner();
    const emails = clients(5);
    // One per line, or separated by commas, semicolons and spaces, in any case.
    const typed = `${emails[0]!.toUpperCase()},  ${emails[1]};\n\n${emails[2]}  ${emails[3]}\t${emails[4]}`;
    const result = await send(who, typed);
    expect(result).toEqual({ sent: 5, alreadyInvited: 0, ownAddresses: 0, repeated: 0 });

    // In one transaction: the rows (addresses kept until sent), one job each, the audit entry.
    const waiting = await invitationRows(who.therapistId);
    expect(waiting.map((row) => row.email)).toEqual(emails);
    expect(waiting.every((row) => row.sentAt === null && row.senderId === who.member.id)).toBe(
      true,
    );
    expect(waiting.map((row) => row.emailHash)).toEqual(
      emails.map((email) => invitationEmailHash(who.therapistId, email)),
    );
    expect(await invitationJobs(who.therapistId)).toHaveLength(5);
    const audit = await auditOf(who.therapistId);
    expect(audit).toEqual([
      {
        action: 'invitation.sent',
        actorId: who.member.id,
        detail: { sent: 5, alreadyInvited: 0, ownAddresses: 0, repeated: 0 },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('@');

    expect(await runAllDueJobs()).toBe(5);
    const mails = await Promise.all(emails.map((email) => sink.waitForMail(email, { already: 0 })));
    const words = invitationWording(who.name);
    const withoutLink = (mail: ReceivedMail) => mail.text.replace(mail.links[0]!, '<link>');
    for (const mail of mails) {
      expect(mail.subject).toBe(`How was your care with ${who.name}?`);
      expect(withoutLink(mail)).toBe(withoutLink(mails[0]!));
      for (const paragraph of [...words.intro, ...words.notes]) {
        expect(mail.text).toContain(paragraph);
      }
      expect(mail.text).toContain(
        `${who.name} asked Unknot to invite their clients to share how their care went — good or bad.`,
      );
      expect(mail.text).toContain('Reviews are public under a pseudonym; you need a free account.');
      expect(mail.text).toContain('You will not get another invitation from this practitioner.');
      expect(mail.text).toMatch(/Write a review: https:\/\//);
      // Nothing that steers the answer: no rating, no reward, no "only if you were happy".
      expect(mail.text).not.toMatch(
        /\b(stars?|5-star|rating|happy|satisfied|discount|gift|reward|free session)\b/i,
      );
      expect(mail.html).toContain(`href="${mail.links[0]!.replace(/&/g, '&#38;')}"`);
    }
    // Each link is personal: the token names that invitation and the listing, for 60 days.
    const tokens = mails.map((mail) => tokenOf(mail, who.slug));
    expect(new Set(tokens).size).toBe(5);
    tokens.forEach((token, index) => {
      const check = checkInvitationToken(token);
      expect(check.ok && check.claims).toMatchObject({
        invitationId: waiting[index]!.id,
        therapistId: who.therapistId,
      });
      if (check.ok) {
        const days = (check.claims.expiresAt.getTime() - Date.now()) / DAY_MS;
        expect(days).toBeGreaterThan(INVITATION_LINK_DAYS - 0.01);
        expect(days).toBeLessThanOrEqual(INVITATION_LINK_DAYS);
      }
    });

    // Sent: the addresses are gone, only the keyed hashes stay; nothing is sent twice.
    const sent = await invitationRows(who.therapistId);
    expect(sent.map((row) => row.email)).toEqual([null, null, null, null, null]);
    expect(sent.every((row) => row.sentAt !== null)).toBe(true);
    expect(sent.map((row) => row.emailHash)).toEqual(waiting.map((row) => row.emailHash));
    const jobsDone = await invitationJobs(who.therapistId);
    expect(jobsDone.every((job) => job.doneAt !== null)).toBe(true);
    expect(await runAllDueJobs()).toBe(0);
    for (const email of emails) expect(sink.mailsTo(email)).toHaveLength(1);
    expect(JOB_HANDLERS[INVITATION_JOB]).toBeTypeOf('function');
  });

  it('invites each address once per listing, across batches, skipping the owner’s own', async () => {
    const who = await owner();
    const [a, b, c] = clients(3) as [string, string, string];
    const firstRest = clients(3);
    expect(await send(who, [a, b, ...firstRest])).toEqual({
      sent: 5,
      alreadyInvited: 0,
      ownAddresses: 0,
      repeated: 0,
    });
    // The same address in another case is the same address; a +tag is a different one.
    const plus = a.replace('@', '+tag@');
    const secondRest = clients(3);
    const second = await send(who, [a.toUpperCase(), a, c, plus, who.member.email, ...secondRest]);
    expect(second).toEqual({ sent: 5, alreadyInvited: 1, ownAddresses: 1, repeated: 1 });
    // The listing's contact address is the owner's too, in whatever case it is typed.
    const contact = who.listing.therapist.contactEmail!;
    const nothingNew = await failure(send(who, [b, c, ...firstRest, contact.toUpperCase()]));
    expect(nothingNew.code).toBe('validation');
    expect(nothingNew.issues).toEqual([
      {
        field: 'emails',
        message: `None of these addresses is new (5 invited before, 1 your own or your listing’s). ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
      },
    ]);
    const rows = await invitationRows(who.therapistId);
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.email)).toEqual([a, b, ...firstRest, c, plus, ...secondRest]);

    // Another practitioner may invite the same client (hashes differ per listing).
    const other = await owner();
    expect(await send(other, [a, ...clients(4)])).toMatchObject({ sent: 5, alreadyInvited: 0 });
    const [otherRow] = await invitationRows(other.therapistId);
    expect(otherRow!.emailHash).not.toBe(rows[0]!.emailHash);

    // Still once after the address was forgotten.
    await runAllDueJobs();
    expect((await invitationRows(who.therapistId)).every((row) => row.email === null)).toBe(true);
    const again = await failure(send(who, [a, plus, b, c, ...firstRest]));
    expect(again.message).toMatch(/^None of these addresses is new \(7 invited before\)\./);
    expect(await invitationRows(who.therapistId)).toHaveLength(10);
    expect(await auditOf(who.therapistId)).toHaveLength(2);
  });

  it('needs at least five new addresses in a batch, so no review points at one client', async () => {
    const who = await owner();
    // Fewer than five addresses in the list at all.
    for (const list of [clients(1), clients(4)]) {
      const error = await failure(send(who, list));
      expect(error.code).toBe('validation');
      expect(error.issues[0]).toMatchObject({ field: 'emails' });
      expect(error.message).toContain(INVITATION_MIN_NEW_REASON);
      expect(error.message).toMatch(/No invitation was sent\.$/);
    }
    const first = clients(5);
    expect(await send(who, first)).toMatchObject({ sent: 5 });
    // Five addresses, but only one is new: the review it brings would name that client.
    const [lone] = clients(1) as [string];
    const oneNew = await failure(send(who, [...first.slice(0, 4), lone]));
    expect(oneNew.message).toBe(
      `Only 1 of these addresses is new (4 invited before). ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
    // The owner's own addresses do not make up the number either.
    const withOwn = await failure(
      send(who, [...clients(4), who.member.email, who.listing.therapist.contactEmail!]),
    );
    expect(withOwn.message).toMatch(/^Only 4 of these addresses are new \(2 your own/);
    expect(await invitationRows(who.therapistId)).toHaveLength(5);
    expect(await invitationJobs(who.therapistId)).toHaveLength(5);
    expect(await auditOf(who.therapistId)).toHaveLength(1);
    // With four others it goes.
    expect(await send(who, [...first, lone, ...clients(4)])).toEqual({
      sent: 5,
      alreadyInvited: 5,
      ownAddresses: 0,
      repeated: 0,
    });
  });

  it('refuses the whole list when one address is invalid, naming it, and sends nothing', async () => {
    const who = await owner();
    const [good] = clients(1) as [string];
    const error = await failure(send(who, [good, 'not-an-address', 'someone@localhost', good]));
    expect(error.code).toBe('validation');
    const message = error.issues.find((issue) => issue.field === 'emails')?.message ?? '';
    expect(message).toContain('“not-an-address”');
    expect(message).toContain('“someone@localhost”');
    expect(message).not.toContain(good);
    expect(message).toMatch(/no invitation was sent/);

    // Too many, none at all, no confirmation, or fields that are not part of the form.
    const tooMany = await failure(send(who, clients(201)));
    expect(tooMany.issues[0]).toMatchObject({ field: 'emails' });
    expect(tooMany.message).toMatch(/at most 200/);
    expect((await failure(send(who, ' \n ,; '))).issues[0]).toMatchObject({ field: 'emails' });
    expect((await failure(send(who, clients(2)))).message).toContain(INVITATION_MIN_NEW_REASON);
    for (const confirm of [undefined, '', 'on', 'no']) {
      const refused = await failure(
        sendInvitations(who.viewer, {
          emails: good,
          ...(confirm === undefined ? {} : { confirm }),
        }),
      );
      expect(refused.issues).toEqual([
        {
          field: 'confirm',
          message: 'Tick the box to confirm that you are inviting all of these clients.',
        },
      ]);
    }
    const extra = await failure(
      sendInvitations(who.viewer, { emails: good, confirm: 'yes', therapistId: '1' }),
    );
    expect(extra.issues).toEqual([
      { field: 'therapistId', message: 'This field cannot be changed here.' },
    ]);
    const notText = await failure(
      sendInvitations(who.viewer, { emails: [good, good], confirm: 'yes' }),
    );
    expect(notText.issues[0]).toMatchObject({ field: 'emails' });

    expect(await invitationRows(who.therapistId)).toEqual([]);
    expect(await invitationJobs(who.therapistId)).toEqual([]);
    expect(await auditOf(who.therapistId)).toEqual([]);
    // 200 different addresses, with repeats, are fine.
    const many = clients(200);
    expect(await send(who, [...many, many[0]!])).toMatchObject({ sent: 200, repeated: 1 });
  });

  it('is only for the confirmed owner of a published listing', async () => {
    const published = await owner();
    const cases: [string, SignedInMember | null, AppErrorCode][] = [
      ['signed out', null, 'unauthorized'],
      ['member', await signedInViewer(), 'forbidden'],
      [
        'therapist without a passkey',
        await signedInViewer({ role: 'therapist' }, { method: 'passkey', secondFactor: true }),
        'second_factor',
      ],
      [
        'therapist whose passkey is not confirmed',
        await signedInViewer({ role: 'therapist' }, { passkey: true }),
        'second_factor',
      ],
      ['therapist holding no listing', await confirmedViewer('therapist'), 'forbidden'],
      ['moderator', await confirmedViewer('moderator'), 'forbidden'],
      ['admin', await confirmedViewer('admin'), 'forbidden'],
    ];
    for (const [label, who, code] of cases) {
      const error = await failure(send(who, clients(5)));
      expect(error.code, label).toBe(code);
    }
    // The owner whose listing is hidden or waits for approval.
    for (const status of ['hidden', 'pending'] as const) {
      const unpublished = await owner(status);
      const error = await failure(send(unpublished, clients(5)));
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/not published/);
      expect(await invitationRows(unpublished.therapistId)).toEqual([]);
      const overview = await getInvitationOverview(unpublished.viewer);
      expect(overview.listing.status).toBe(status);
    }
    // The owner of a listing whose passkey confirmation is missing in this session.
    const viewer = await viewerOf(
      await createSessionToken(published.member.id, { secondFactor: false }),
    );
    const error = await failure(send({ viewer }, clients(5)));
    expect(error.code).toBe('second_factor');
    expect(await invitationRows(published.therapistId)).toEqual([]);
    const overviewRefused = await failure(getInvitationOverview(viewer));
    expect(overviewRefused.code).toBe('second_factor');
  });

  it('limits batches per hour and invitations per day for each listing', async () => {
    process.env.RATE_LIMIT_INVITATION_BATCHES_PER_HOUR = '2';
    const busy = await owner();
    await send(busy, clients(5));
    await send(busy, clients(5));
    const third = await failure(send(busy, clients(5)));
    expect(third.code).toBe('rate_limited');
    expect(third.retryAfter).toBeGreaterThan(0);
    expect(await invitationRows(busy.therapistId)).toHaveLength(10);
    // Another listing has its own count.
    const other = await owner();
    expect(await send(other, clients(5))).toMatchObject({ sent: 5 });

    delete process.env.RATE_LIMIT_INVITATION_BATCHES_PER_HOUR;
    process.env.RATE_LIMIT_INVITATIONS_PER_DAY = '10';
    const daily = await owner();
    const first = clients(5);
    expect(await send(daily, first)).toMatchObject({ sent: 5 });
    const over = await failure(send(daily, clients(6)));
    expect(over.code).toBe('rate_limited');
    expect(over.message).toMatch(/5 more for now/);
    expect(await invitationRows(daily.therapistId)).toHaveLength(5);
    // Addresses already invited do not count against the day.
    expect(await send(daily, [...first, ...clients(5)])).toMatchObject({
      sent: 5,
      alreadyInvited: 5,
    });
    const full = await failure(send(daily, clients(5)));
    expect(full.message).toMatch(/try again tomorrow/);
    expect(await invitationRows(daily.therapistId)).toHaveLength(10);
  });
});

describe('the invitation job', () => {
  it('sends nothing to a banned account or for a listing no longer published, and forgets the address', async () => {
    const who = await owner();
    const banned = await createMember({ bannedAt: new Date() });
    const fine = clients(4);
    await send(who, [banned.email, ...fine]);
    expect(await runAllDueJobs()).toBe(5);
    for (const email of fine) await sink.waitForMail(email, { already: 0 });
    expect(sink.mailsTo(banned.email)).toHaveLength(0);
    const rows = await invitationRows(who.therapistId);
    expect(rows.map((row) => [row.email, row.sentAt !== null])).toEqual([
      [null, false],
      ...fine.map(() => [null, true]),
    ]);

    const hidden = await owner();
    const late = clients(5);
    await send(hidden, late);
    await database.db
      .update(therapists)
      .set({ status: 'hidden' })
      .where(eq(therapists.id, hidden.therapistId));
    expect(await runAllDueJobs()).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const email of late) expect(sink.mailsTo(email)).toHaveLength(0);
    for (const row of await invitationRows(hidden.therapistId)) {
      expect(row).toMatchObject({ email: null, sentAt: null });
    }
  });

  it('sends nothing once the sender no longer holds the listing, and forgets the address', async () => {
    // The listing moved to another account (a dispute decided, say) before the emails went.
    const moved = await owner();
    const movedClients = clients(5);
    await send(moved, movedClients);
    const successor = await confirmedViewer('therapist');
    await database.db
      .update(therapists)
      .set({ claimedByUserId: successor.member.id })
      .where(eq(therapists.id, moved.therapistId));

    // The sender's account is gone (the invitation keeps no sender), listing unchanged.
    const orphaned = await owner();
    const orphanedClients = clients(5);
    await send(orphaned, orphanedClients);
    const [firstOrphan] = await invitationRows(orphaned.therapistId);
    await database.db
      .update(reviewInvitations)
      .set({ senderId: null })
      .where(eq(reviewInvitations.id, firstOrphan!.id));

    expect(await runAllDueJobs()).toBe(10);
    for (const email of orphanedClients.slice(1)) await sink.waitForMail(email, { already: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const email of [...movedClients, orphanedClients[0]!]) {
      expect(sink.mailsTo(email)).toHaveLength(0);
    }
    for (const row of await invitationRows(moved.therapistId)) {
      expect(row).toMatchObject({ email: null, sentAt: null });
    }
    const orphanRows = await invitationRows(orphaned.therapistId);
    expect(orphanRows.map((row) => [row.email, row.sentAt !== null])).toEqual([
      [null, false],
      [null, true],
      [null, true],
      [null, true],
      [null, true],
    ]);
  });

  it('is retried when the mail cannot be sent, without the address in the error', async () => {
    const who = await owner();
    const addresses = clients(5);
    await send(who, addresses);
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    expect((await runDueJobs()).retried).toBe(5);
    for (const job of await invitationJobs(who.therapistId)) {
      expect(job.lastError).toMatch(/ECONNREFUSED/);
      for (const address of addresses) expect(job.lastError).not.toContain(address);
    }
    expect((await invitationRows(who.therapistId)).map((row) => row.email)).toEqual(addresses);

    process.env.SMTP_URL = sink.url;
    expect(await runAllDueJobs(new Date(Date.now() + 3600_000))).toBe(5);
    for (const address of addresses) await sink.waitForMail(address, { already: 0 });
    expect((await invitationRows(who.therapistId)).every((row) => row.email === null)).toBe(true);
  });

  it('forgets the address when the last try fails', async () => {
    const who = await owner();
    await send(who, clients(5));
    for (const job of await invitationJobs(who.therapistId)) {
      await database.db.update(jobs).set({ maxAttempts: 1 }).where(eq(jobs.id, job.id));
    }
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    expect((await runDueJobs()).failed).toBe(5);
    for (const row of await invitationRows(who.therapistId)) {
      expect(row).toMatchObject({ email: null, sentAt: null });
    }
  });

  it('forgets addresses left unsent for two days; the hashes stay', async () => {
    // One listing's emails went out; another's are still waiting (their jobs have not run).
    const sentEarlier = await owner();
    await send(sentEarlier, clients(5));
    expect(await runAllDueJobs()).toBe(5);
    const sentRows = await invitationRows(sentEarlier.therapistId);
    const held = await owner();
    const heldClients = clients(5);
    await send(held, heldClients);
    const before = await invitationRows(held.therapistId);

    const now = Date.now();
    // Younger than two days: kept.
    const early = new Date(now + (INVITATION_ADDRESS_DAYS * DAY_MS) / 2);
    expect(await forgetStaleInvitationAddresses(database.db, early)).toBe(0);
    expect((await invitationRows(held.therapistId)).map((row) => row.email)).toEqual(heldClients);

    // Older: forgotten (earlier tests' unsent rows too), only where nothing was sent.
    const late = new Date(now + INVITATION_ADDRESS_DAYS * DAY_MS + 60_000);
    expect(await forgetStaleInvitationAddresses(database.db, late)).toBeGreaterThanOrEqual(5);
    const after = await invitationRows(held.therapistId);
    expect(after.map((row) => [row.email, row.sentAt])).toEqual(
      heldClients.map(() => [null, null]),
    );
    expect(after.map((row) => row.emailHash)).toEqual(before.map((row) => row.emailHash));
    expect(await invitationRows(sentEarlier.therapistId)).toEqual(sentRows);
    expect(await forgetStaleInvitationAddresses(database.db, late)).toBe(0);

    // Their jobs find nothing to send; the addresses are still invited once.
    expect(await runAllDueJobs()).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const email of heldClients) expect(sink.mailsTo(email)).toHaveLength(0);
    expect((await failure(send(held, heldClients))).message).toMatch(/^None of these addresses/);
  });
});

describe('reviews from an invitation', () => {
  it('carry the invitation, once, and go through the same checks as any review', async () => {
    const who = await owner();
    const emails = clients(5);
    const [first, second] = (await invite(who, emails)) as [string, string];
    const rows = await invitationRows(who.therapistId);

    // Opening the link is reading only; the page learns the link works.
    expect(await checkInvitationForListing(first, who.slug)).toEqual({
      status: 'valid',
      invitationId: rows[0]!.id,
    });
    expect(invitationParam(first)).toBe(first);
    expect(invitationParam([first, 'x'])).toBe(first);
    expect(invitationParam('<script>')).toBeNull();

    // Signed in with another address than the invited one: that is fine.
    const invited = await review(who, first);
    expect(invited.reviewer.member.email).not.toBe(emails[0]);
    expect(invited.result.invitation).toEqual({ applied: true, message: null });
    expect(invited.row.invitationId).toBe(rows[0]!.id);
    // A new account's first review waits for a moderator, invited or not.
    expect(invited.row.status).toBe('pending');
    expect(invited.result.review.statusReason).toBe('new_account');

    // The same link again: the review is saved, without the invitation.
    const again = await review(who, first);
    expect(again.result.outcome).toBe('created');
    expect(again.result.invitation).toEqual({
      applied: false,
      message: 'This invitation has already been used for a review.',
    });
    expect(again.row.invitationId).toBeNull();
    expect(await checkInvitationForListing(first, who.slug)).toMatchObject({ status: 'used' });

    // Content rules apply as to every review.
    const withPhone = await review(
      who,
      second,
      'Good session overall, call me on 555-123-4567 if you want to know more about it.',
    );
    expect(withPhone.row.invitationId).toBe(rows[1]!.id);
    expect(withPhone.result.review.statusReason).toBe('contact_details');

    // A repeated submission of a review that exists changes nothing.
    const repeated = await writeReview(
      invited.reviewer.viewer,
      who.slug,
      { rating: '3', body: 'A second try at the same review, which already exists by now.' },
      { clientAddress: '198.51.100.7', invitation: second },
    );
    expect(repeated.outcome).toBe('idempotent');
    expect(repeated.invitation).toBeUndefined();

    const overview = await getInvitationOverview(who.viewer);
    expect(overview).toMatchObject({
      sent: 5,
      waiting: 0,
      reviewsFromInvitations: 2,
      listing: { slug: who.slug, status: 'published' },
    });
    expect(overview.lastBatchAt).not.toBeNull();
    expect(JSON.stringify(overview)).not.toContain('@');
  });

  it('labels one review when two use the same link at once; a raced address is invited once', async () => {
    const who = await owner();
    const [token] = (await invite(who, clients(5))) as [string];
    const both = await Promise.all([review(who, token), review(who, token)]);
    expect(both.map((b) => b.result.outcome)).toEqual(['created', 'created']);
    expect(both.filter((b) => b.row.invitationId !== null)).toHaveLength(1);
    expect(both.filter((b) => b.result.invitation?.applied === false)).toHaveLength(1);

    // Two batches of the same addresses at once: one sends them, the other finds none new.
    const shared = clients(5);
    const results = await Promise.allSettled([send(who, shared), send(who, shared)]);
    const sent = results.filter((r) => r.status === 'fulfilled');
    expect(sent.map((r) => r.value)).toEqual([
      { sent: 5, alreadyInvited: 0, ownAddresses: 0, repeated: 0 },
    ]);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect((refused?.reason as AppError).message).toMatch(/^None of these addresses is new/);
    expect(await invitationRows(who.therapistId)).toHaveLength(10);
  });

  it('never lets a bad link block a review: it is saved without the invitation', async () => {
    const who = await owner();
    const other = await owner();
    const [token] = (await invite(who, clients(5))) as [string];
    const [otherToken] = (await invite(other, clients(5))) as [string];
    const [row] = await invitationRows(who.therapistId);
    const [body, signature] = token.split('.') as [string, string];
    const expired = createInvitationToken(
      row!.id,
      who.therapistId,
      new Date(Date.now() - (INVITATION_LINK_DAYS + 1) * DAY_MS),
    ).token;
    const bad: [string, string, RegExp][] = [
      [
        'tampered',
        `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
        /not valid/,
      ],
      ['expired', expired, /expired on/],
      ['for another listing', otherToken, /different practitioner/],
      [
        'for an invitation that does not exist',
        signInvitationClaims({
          invitationId: 2_000_000_000,
          therapistId: who.therapistId,
          expiresAt: new Date(Date.now() + DAY_MS),
        }),
        /no longer exists/,
      ],
      ['a follow-up token', createFollowUpToken(row!.id, 2).token, /not valid/],
      ['nonsense', 'nonsense', /not valid/],
    ];
    for (const [label, link, message] of bad) {
      const saved = await review(who, link);
      expect(saved.result.outcome, label).toBe('created');
      expect(saved.result.invitation?.applied, label).toBe(false);
      expect(saved.result.invitation?.message, label).toMatch(message);
      expect(saved.row.invitationId, label).toBeNull();
      expect((await checkInvitationForListing(link, who.slug))?.status, label).toBe('not_valid');
    }
    // The good link still works afterwards, and on no other listing.
    expect(await checkInvitationForListing(token, other.slug)).toMatchObject({
      status: 'not_valid',
    });
    const good = await review(who, token);
    expect(good.row.invitationId).toBe(row!.id);
    // Without a link nothing is said about invitations.
    const plain = await review(who);
    expect(plain.result.invitation).toBeUndefined();
    expect(plain.row.invitationId).toBeNull();
    // The review's own fields cannot carry an invitation.
    const reviewer = await signedInViewer();
    const smuggled = await failure(
      writeReview(
        reviewer.viewer,
        who.slug,
        { rating: '4', body: 'Trying to sneak the link in with the fields.', invitation: token },
        { clientAddress: '198.51.100.9' },
      ),
    );
    expect(smuggled.issues).toEqual([
      { field: 'invitation', message: 'This field cannot be changed here.' },
    ]);
  });
});
