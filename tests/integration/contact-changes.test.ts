/**
 * TRUST 22: after a claim, changes to a listing's contact details wait 72 hours, and the address
 * on the listing is told at once, with a signed link that stops the change. While a change
 * waits, the public profile keeps the old details.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ListingChangePage from '@/app/listing-change/[token]/page';
import { openDatabase, selectRows } from '@/db';
import { auditLog, contactChanges, jobs, therapists } from '@/db/schema';
import { checkHealth } from '@/lib/health';
import { requeueFailedJobs } from '@/lib/jobs/queue';
import { runDueJobs } from '@/lib/jobs/worker';
import {
  cancelContactChange,
  CONTACT_CHANGE_APPLY_JOB,
  getContactDetails,
  requestContactChange,
  requestedNoticeKey,
  stopContactChangeByToken,
} from '@/lib/listings/contact';
import {
  CONTACT_CHANGE_APPLIED_SUBJECT,
  CONTACT_CHANGE_REQUESTED_SUBJECT,
} from '@/lib/listings/contact-mail';
import { createContactChangeToken } from '@/lib/listings/contact-token';
import { getListingOverview } from '@/lib/listings/overview';
import { CONTACT_CHANGE_DELAY_HOURS } from '@/lib/listings/options';
import { getTherapistProfile } from '@/lib/therapists/queries';
import {
  confirmedViewer,
  createSessionToken,
  ownedListing,
  signedInViewer,
  viewerOf,
  type ListingOwner,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { setUpMail } from '../support/env';
import { failure, fieldErrors } from '../support/errors';
import type { ReceivedMail } from '../support/smtp-sink';
import { createTherapist } from '../factories';

const ORIGIN = 'https://unknot.example';
const HOUR_MS = 3_600_000;

let database: TestDatabase;
const sink = setUpMail({
  authUrl: ORIGIN,
  authSecret: 'test-secret-for-contact-changes-0123456789abcdef',
});

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

const CONTACT = {
  phone: '(212) 555-0101',
  website: 'https://example.com/practice',
  bookingUrl: 'https://example.org/book/practice',
};

interface Listing extends ListingOwner {
  oldEmail: string;
}

async function claimedListing(options: { email?: string | null } = {}): Promise<Listing> {
  const oldEmail =
    options.email === undefined ? `listing-${randomBytes(4).toString('hex')}@example.com` : '';
  const owner = await ownedListing({
    contactEmail: options.email === null ? null : oldEmail,
    ...CONTACT,
    locations: [{ endsOn: null }],
  });
  return { ...owner, oldEmail };
}

async function listingRow(therapistId: number) {
  const [row] = await database.db
    .select({
      contactEmail: therapists.contactEmail,
      phone: therapists.phone,
      website: therapists.website,
      bookingUrl: therapists.bookingUrl,
    })
    .from(therapists)
    .where(eq(therapists.id, therapistId));
  return row!;
}

async function changesOf(therapistId: number) {
  return database.db
    .select()
    .from(contactChanges)
    .where(eq(contactChanges.therapistId, therapistId))
    .orderBy(contactChanges.id);
}

async function auditsOf(therapistId: number) {
  return database.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.therapistId, therapistId))
    .orderBy(auditLog.id);
}

/** The details the listing had before any change. */
const OLD_DETAILS = (listing: Listing) => ({ contactEmail: listing.oldEmail, ...CONTACT });

const NEW_DETAILS = (listing: Listing) => ({
  contactEmail: `new-${listing.therapistId}@example.net`,
  phone: '(212) 555-0199',
  website: CONTACT.website,
  bookingUrl: '',
});

/** Runs the jobs due at `at` and waits for the mail the old address should get. */
async function noticeAt(listing: Listing, at: Date): Promise<ReceivedMail> {
  const already = sink.mailsTo(listing.oldEmail).length;
  await runDueJobs({ now: at, limit: 100 });
  return sink.waitForMail(listing.oldEmail, { already });
}

function tokenOf(mail: ReceivedMail): string {
  const link = mail.links.find((l) => l.includes('/listing-change/'));
  expect(link, mail.text).toBeDefined();
  const url = new URL(link!);
  expect(url.origin).toBe(ORIGIN);
  return url.pathname.split('/')[2]!;
}

async function openLink(token: string): Promise<string> {
  return renderToStaticMarkup(await ListingChangePage({ params: Promise.resolve({ token }) }));
}

describe('a change of contact details', () => {
  it('waits 72 hours, tells the old address at once, then applies and tells it again', async () => {
    const listing = await claimedListing();
    const now = new Date();
    const requested = await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    expect(CONTACT_CHANGE_DELAY_HOURS).toBe(72);
    expect(requested).toMatchObject({
      fields: ['contactEmail', 'phone', 'bookingUrl'],
      notified: true,
      appliesAt: new Date(now.getTime() + 72 * HOUR_MS).toISOString(),
    });
    const [change] = await changesOf(listing.therapistId);
    expect(change).toMatchObject({
      requestedById: listing.member.id,
      notifiedEmail: listing.oldEmail,
      changes: {
        contactEmail: `new-${listing.therapistId}@example.net`,
        phone: '(212) 555-0199',
        bookingUrl: null,
      },
      previous: {
        contactEmail: listing.oldEmail,
        phone: CONTACT.phone,
        bookingUrl: CONTACT.bookingUrl,
      },
      appliedAt: null,
      cancelledAt: null,
    });

    // While it waits, the listing and its public profile keep the old details.
    expect(await listingRow(listing.therapistId)).toEqual(OLD_DETAILS(listing));
    expect(await getTherapistProfile(listing.slug)).toMatchObject({
      phone: CONTACT.phone,
      bookingUrl: CONTACT.bookingUrl,
    });
    const details = await getContactDetails(listing.viewer);
    expect(details.waiting?.lines.map((l) => [l.field, l.from, l.to])).toEqual([
      ['contactEmail', listing.oldEmail, `new-${listing.therapistId}@example.net`],
      ['phone', CONTACT.phone, '(212) 555-0199'],
      ['bookingUrl', CONTACT.bookingUrl, null],
    ]);
    expect((await getListingOverview(listing.viewer)).waiting?.appliesAt).toBe(requested.appliesAt);

    // The old address hears about it first, and only the old address.
    const mail = await noticeAt(listing, new Date(now.getTime() + 60_000));
    expect(mail.subject).toBe(CONTACT_CHANGE_REQUESTED_SUBJECT);
    expect(mail.text).toContain('Phone: from (212) 555-0101 to (212) 555-0199');
    expect(mail.text).toContain(`Booking link: ${CONTACT.bookingUrl} will be removed`);
    expect(mail.text).toContain('UTC unless it is stopped');
    expect(tokenOf(mail)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sink.mailsTo(`new-${listing.therapistId}@example.net`)).toHaveLength(0);

    // 71 hours on: still waiting.
    await runDueJobs({ now: new Date(now.getTime() + 71 * HOUR_MS), limit: 100 });
    expect((await changesOf(listing.therapistId))[0]!.appliedAt).toBeNull();
    expect((await listingRow(listing.therapistId)).phone).toBe(CONTACT.phone);

    // 72 hours on: applied, audited, and the old address gets a short notice.
    await runDueJobs({ now: new Date(now.getTime() + 72 * HOUR_MS), limit: 100 });
    const applied = await noticeAt(listing, new Date(now.getTime() + 72 * HOUR_MS));
    expect(applied.subject).toBe(CONTACT_CHANGE_APPLIED_SUBJECT);
    expect(applied.text).toContain('Phone: from (212) 555-0101 to (212) 555-0199');
    expect(await listingRow(listing.therapistId)).toEqual({
      contactEmail: `new-${listing.therapistId}@example.net`,
      phone: '(212) 555-0199',
      website: CONTACT.website,
      bookingUrl: null,
    });
    expect((await changesOf(listing.therapistId))[0]!.appliedAt).not.toBeNull();
    expect(await getTherapistProfile(listing.slug)).toMatchObject({
      phone: '(212) 555-0199',
      bookingUrl: null,
    });
    const audits = await auditsOf(listing.therapistId);
    expect(audits.map((a) => a.action)).toEqual([
      'listing.contact_change_requested',
      'listing.contact_change_applied',
    ]);
    expect(audits[1]).toMatchObject({ actorId: null, detail: { changeId: change!.id } });
    expect((await getContactDetails(listing.viewer)).waiting).toBeNull();
    // Running again applies nothing twice.
    await runDueJobs({ now: new Date(now.getTime() + 80 * HOUR_MS), limit: 100 });
    expect(sink.mailsTo(listing.oldEmail)).toHaveLength(2);
  });

  it('is stopped by the link in the email; opening the link changes nothing', async () => {
    const listing = await claimedListing();
    const now = new Date();
    await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    const token = tokenOf(await noticeAt(listing, new Date(now.getTime() + 60_000)));

    const page = await openLink(token);
    expect(page).toContain('Stop this change');
    expect(page).toContain('(212) 555-0199');
    expect(await openLink(token)).toContain('Stop this change');
    const [waiting] = await changesOf(listing.therapistId);
    expect(waiting).toMatchObject({ cancelledAt: null, appliedAt: null });

    expect(await stopContactChangeByToken({ token })).toMatchObject({
      therapistSlug: listing.slug,
    });
    const [stopped] = await changesOf(listing.therapistId);
    expect(stopped!.cancelledAt).not.toBeNull();
    expect(stopped!.cancelledById).toBeNull();
    const audits = await auditsOf(listing.therapistId);
    expect(audits.at(-1)).toMatchObject({
      action: 'listing.contact_change_cancelled',
      actorId: null,
      detail: { changeId: stopped!.id, by: 'link' },
    });
    expect(await openLink(token)).toContain('was stopped');
    expect((await failure(stopContactChangeByToken({ token }))).message).toMatch(/already stopped/);

    await runDueJobs({ now: new Date(now.getTime() + 73 * HOUR_MS), limit: 100 });
    expect(await listingRow(listing.therapistId)).toEqual(OLD_DETAILS(listing));
  });

  it('refuses a tampered, expired, foreign or padded link, and the change goes on waiting', async () => {
    const listing = await claimedListing();
    const now = new Date();
    await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    const token = tokenOf(await noticeAt(listing, new Date(now.getTime() + 60_000)));
    const [change] = await changesOf(listing.therapistId);
    const [body, signature] = token.split('.') as [string, string];

    const tampered = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const another = createContactChangeToken(change!.id + 1, change!.appliesAt);
    const forged = `${Buffer.from(`contact-change.${change!.id}.9999999999`).toString('base64url')}.${signature}`;
    for (const bad of [tampered, forged, `${token}x`, '', 'a.b.c']) {
      const error = await failure(stopContactChangeByToken({ token: bad }));
      expect(error.code).toBe('forbidden');
      expect(await openLink(bad || 'x')).toContain('not valid');
    }
    // A valid token for a change that does not exist names nothing.
    expect((await failure(stopContactChangeByToken({ token: another }))).code).toBe('not_found');
    // Expired: once the change is due, the link no longer works.
    const expired = await failure(
      stopContactChangeByToken({ token }, new Date(now.getTime() + 73 * HOUR_MS)),
    );
    expect(expired.message).toMatch(/expired/);
    // Signed with another secret.
    process.env.AUTH_SECRET = 'another-secret-entirely-0123456789abcdef0123';
    expect((await failure(stopContactChangeByToken({ token }))).code).toBe('forbidden');
    process.env.AUTH_SECRET = 'test-secret-for-contact-changes-0123456789abcdef';
    // Extra fields are refused too.
    expect((await failure(stopContactChangeByToken({ token, changeId: '1' }))).code).toBe(
      'validation',
    );

    const [still] = await changesOf(listing.therapistId);
    expect(still).toMatchObject({ cancelledAt: null, appliedAt: null });
  });

  it('can be stopped by the owner, and a new request replaces the waiting one', async () => {
    const listing = await claimedListing();
    const now = new Date();
    await requestContactChange(
      listing.viewer,
      { ...NEW_DETAILS(listing), phone: '(212) 555-0111' },
      now,
    );
    const second = await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    const [first, latest] = await changesOf(listing.therapistId);
    expect(first!.cancelledAt).not.toBeNull();
    expect(latest).toMatchObject({ id: second.changeId, cancelledAt: null });
    const waiting = await database.db
      .select()
      .from(contactChanges)
      .where(
        and(
          eq(contactChanges.therapistId, listing.therapistId),
          isNull(contactChanges.appliedAt),
          isNull(contactChanges.cancelledAt),
        ),
      );
    expect(waiting).toHaveLength(1);
    // Only the waiting change is announced.
    const mail = await noticeAt(listing, new Date(now.getTime() + 60_000));
    expect(mail.text).toContain('(212) 555-0199');
    expect(mail.text).not.toContain('(212) 555-0111');
    expect(sink.mailsTo(listing.oldEmail)).toHaveLength(1);

    expect((await failure(cancelContactChange(listing.viewer, { changeId: '1' }))).code).toBe(
      'validation',
    );
    expect(await cancelContactChange(listing.viewer)).toEqual({ changeId: second.changeId });
    expect((await failure(cancelContactChange(listing.viewer))).code).toBe('not_found');
    const audits = await auditsOf(listing.therapistId);
    expect(
      audits
        .filter((a) => a.action === 'listing.contact_change_cancelled')
        .map((a) => [a.actorId, (a.detail as { by: string }).by]),
    ).toEqual([
      [listing.member.id, 'replaced'],
      [listing.member.id, 'owner'],
    ]);
    await runDueJobs({ now: new Date(now.getTime() + 73 * HOUR_MS), limit: 100 });
    expect(await listingRow(listing.therapistId)).toEqual(OLD_DETAILS(listing));
  });

  it('is cancelled when it comes due after the account lost the listing', async () => {
    const listing = await claimedListing();
    const now = new Date();
    await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    await noticeAt(listing, new Date(now.getTime() + 60_000));
    const next = await signedInViewer({ role: 'therapist' });
    await database.db
      .update(therapists)
      .set({ claimedByUserId: next.member.id })
      .where(eq(therapists.id, listing.therapistId));
    await runDueJobs({ now: new Date(now.getTime() + 72 * HOUR_MS), limit: 100 });
    const [change] = await changesOf(listing.therapistId);
    expect(change).toMatchObject({ appliedAt: null });
    expect(change!.cancelledAt).not.toBeNull();
    expect((await listingRow(listing.therapistId)).phone).toBe(CONTACT.phone);
    expect((await auditsOf(listing.therapistId)).at(-1)).toMatchObject({
      action: 'listing.contact_change_cancelled',
      detail: { by: 'owner_changed' },
    });
  });

  it('still waits on a listing without an email address, and tells the account', async () => {
    const listing = await claimedListing({ email: null });
    const now = new Date();
    const requested = await requestContactChange(
      listing.viewer,
      { contactEmail: 'first@example.com', ...CONTACT },
      now,
    );
    expect(requested).toMatchObject({ fields: ['contactEmail'], notified: false });
    await runDueJobs({ now: new Date(now.getTime() + 60_000), limit: 100 });
    const told = await sink.waitForMail(listing.member.email, { already: 0 });
    expect(told.subject).toBe(CONTACT_CHANGE_REQUESTED_SUBJECT);
    expect(told.text).toContain('Your Unknot account');
    expect(told.text).toContain('Email: from none to first@example.com');
    expect(tokenOf(told)).toMatch(/\./);
    await runDueJobs({ now: new Date(now.getTime() + 71 * HOUR_MS), limit: 100 });
    expect((await listingRow(listing.therapistId)).contactEmail).toBeNull();
    await runDueJobs({ now: new Date(now.getTime() + 72 * HOUR_MS), limit: 100 });
    expect((await listingRow(listing.therapistId)).contactEmail).toBe('first@example.com');
    // The new address hears nothing; the account heard once.
    expect(sink.mailsTo('first@example.com')).toHaveLength(0);
    expect(sink.mailsTo(listing.member.email)).toHaveLength(1);
    const [change] = await changesOf(listing.therapistId);
    expect(change).toMatchObject({ notifiedEmail: null });
    expect(CONTACT_CHANGE_APPLY_JOB).toBe('listing-contact-change-apply');
  });
});

describe('who is told, and a change that waits for its notice', () => {
  it('tells the old address and the account, each with a link that stops the change', async () => {
    const listing = await claimedListing();
    const now = new Date();
    const requested = await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    const old = await noticeAt(listing, new Date(now.getTime() + 60_000));
    const account = await sink.waitForMail(listing.member.email, { already: 0 });
    expect(old.subject).toBe(CONTACT_CHANGE_REQUESTED_SUBJECT);
    expect(old.text).not.toContain('Your Unknot account');
    expect(account.subject).toBe(CONTACT_CHANGE_REQUESTED_SUBJECT);
    expect(account.text).toContain('Your Unknot account');
    expect(account.text).toContain('Phone: from (212) 555-0101 to (212) 555-0199');
    // The account's link stops the change as well: the account may not be the one who asked.
    expect(await stopContactChangeByToken({ token: tokenOf(account) })).toMatchObject({
      therapistSlug: listing.slug,
    });
    const [change] = await changesOf(listing.therapistId);
    expect(change).toMatchObject({ id: requested.changeId });
    expect(change!.cancelledAt).not.toBeNull();
  });

  it('sends one notice when the account and the listing share an address', async () => {
    const { member, viewer } = await confirmedViewer('therapist');
    const created = await createTherapist(database.db, {
      claimedByUserId: member.id,
      status: 'published',
      contactEmail: viewer.email,
      ...CONTACT,
      locations: [{ endsOn: null }],
    });
    const now = new Date();
    await requestContactChange(viewer, { contactEmail: viewer.email, ...CONTACT, phone: '' }, now);
    await runDueJobs({ now: new Date(now.getTime() + 60_000), limit: 100 });
    await sink.waitForMail(viewer.email, { already: 0 });
    await runDueJobs({ now: new Date(now.getTime() + 72 * HOUR_MS), limit: 100 });
    expect((await listingRow(created.therapist.id)).phone).toBeNull();
    expect(
      sink.mailsTo(viewer.email).filter((m) => m.subject === CONTACT_CHANGE_REQUESTED_SUBJECT),
    ).toHaveLength(1);
  });

  it('never applies before the old address was told; a lost notice stays visible', async () => {
    const listing = await claimedListing();
    const now = new Date();
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR_MS);
    const { changeId } = await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
    const noticeKey = requestedNoticeKey(changeId, 'listing');
    const applyKey = `${CONTACT_CHANGE_APPLY_JOB}:${changeId}`;

    // The mail server refuses connections: the notice is retried, then set aside.
    process.env.SMTP_URL = await closedPort();
    await runDueJobs({ now: at(0.1), limit: 100 });
    expect((await jobByKey(noticeKey)).doneAt).toBeNull();

    // Due, but the old address has not been told yet: the change waits.
    await runDueJobs({ now: at(72), limit: 100 });
    expect((await changesOf(listing.therapistId))[0]).toMatchObject({ appliedAt: null });
    expect((await listingRow(listing.therapistId)).phone).toBe(CONTACT.phone);
    expect((await jobByKey(applyKey)).lastError).toMatch(/has not been sent yet/);

    for (let hours = 73; (await jobByKey(noticeKey)).failedAt === null; hours += 7) {
      expect(hours).toBeLessThan(200);
      await runDueJobs({ now: at(hours), limit: 100 });
    }
    const lost = await jobByKey(noticeKey);
    expect(lost.failedAt).not.toBeNull();
    await runDueJobs({ now: at(200), limit: 100 });
    expect((await jobByKey(applyKey)).lastError).toMatch(/failed for good/);
    expect((await changesOf(listing.therapistId))[0]).toMatchObject({ appliedAt: null });
    expect((await listingRow(listing.therapistId)).phone).toBe(CONTACT.phone);
    // The health check counts it.
    const health = await checkHealth();
    expect(health.status === 'ok' && health.jobs.failed).toBeGreaterThanOrEqual(1);
    expect(sink.mailsTo(listing.oldEmail)).toHaveLength(0);

    // Retried by hand once mail works again: sent late, so the full wait starts from the notice,
    // and the link in it works until then.
    // Both notices were lost (the account's too); `npm run jobs:retry` puts them back.
    const accountNotice = await jobByKey(requestedNoticeKey(changeId, 'account'));
    expect(accountNotice.failedAt).not.toBeNull();
    process.env.SMTP_URL = sink.url;
    await requeueFailedJobs(database.db, [lost.id, accountNotice.id]);
    const sentAt = at(201);
    const late = await noticeAt(listing, sentAt);
    const restarted = new Date(sentAt.getTime() + 72 * HOUR_MS);
    expect((await changesOf(listing.therapistId))[0]!.appliesAt.toISOString()).toBe(
      restarted.toISOString(),
    );
    expect(await openLink(tokenOf(late))).toContain('Stop this change');
    expect((await sink.waitForMail(listing.member.email, { already: 0 })).text).toContain(
      'Your Unknot account',
    );
    expect((await auditsOf(listing.therapistId)).at(-1)).toMatchObject({
      action: 'listing.contact_change_delayed',
      detail: { changeId, by: 'late_notice' },
    });
    expect(await jobByKey(applyKey)).toMatchObject({
      failedAt: null,
      attempts: 0,
      runAt: restarted,
    });

    await runDueJobs({ now: at(201 + 71), limit: 100 });
    expect((await listingRow(listing.therapistId)).phone).toBe(CONTACT.phone);
    await runDueJobs({ now: restarted, limit: 100 });
    expect((await listingRow(listing.therapistId)).phone).toBe('(212) 555-0199');
  });

  it('waits for the account’s notice too', async () => {
    const listing = await claimedListing({ email: null });
    const now = new Date();
    const { changeId } = await requestContactChange(
      listing.viewer,
      { contactEmail: 'second@example.com', ...CONTACT },
      now,
    );
    await database.db
      .update(jobs)
      .set({ failedAt: now, lastError: 'The mail server refused the message.' })
      .where(eq(jobs.dedupeKey, requestedNoticeKey(changeId, 'account')));
    await runDueJobs({ now: new Date(now.getTime() + 72 * HOUR_MS), limit: 100 });
    expect((await listingRow(listing.therapistId)).contactEmail).toBeNull();
    expect((await jobByKey(`${CONTACT_CHANGE_APPLY_JOB}:${changeId}`)).lastError).toMatch(
      /account that asked for it failed for good/,
    );
  });
});

// Lock order needs two connections at once, which only a Postgres server gives.
if (process.env.DATABASE_URL) {
  describe('the apply job and a new request at the same moment', () => {
    it('lock the listing before the change, so they never deadlock', async () => {
      const listing = await claimedListing();
      const now = new Date();
      const { changeId } = await requestContactChange(listing.viewer, NEW_DETAILS(listing), now);
      await noticeAt(listing, new Date(now.getTime() + 60_000));
      await sink.waitForMail(listing.member.email, { already: 0 });

      const other = openDatabase({ url: database.url!, maxConnections: 2 });
      let release = () => {};
      try {
        const released = new Promise<void>((resolve) => (release = resolve));
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        // Like requestContactChange: hold the listing, then reach for its changes.
        const request = other.db.transaction(async (tx) => {
          await tx
            .select({ id: therapists.id })
            .from(therapists)
            .where(eq(therapists.id, listing.therapistId))
            .for('update');
          holding();
          await released;
          return tx
            .select({ id: contactChanges.id })
            .from(contactChanges)
            .where(eq(contactChanges.id, changeId))
            .for('update', { noWait: true })
            .then(
              () => 'locked',
              (error: unknown) => `refused: ${String(error)}`,
            );
        });
        await held;
        const job = runDueJobs({ now: new Date(now.getTime() + 72 * HOUR_MS), limit: 100 });
        // The job now waits for a row lock held by the other transaction.
        for (let i = 0; ; i++) {
          const [waiting] = await selectRows<{ n: number }>(
            other.db,
            sql`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
              where not l.granted and a.datname = current_database()`,
          );
          if ((waiting?.n ?? 0) > 0) break;
          expect(i).toBeLessThan(200);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        release();
        // The change was free to take: the job had not locked it while waiting for the listing.
        expect(await request).toBe('locked');
        await job;
        expect((await listingRow(listing.therapistId)).phone).toBe('(212) 555-0199');
      } finally {
        release();
        await other.close();
      }
    });
  });
}

async function jobByKey(key: string) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.dedupeKey, key));
  expect(row, key).toBeDefined();
  return row!;
}

/** An SMTP URL on which nothing listens. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

describe('refused requests change nothing', () => {
  it('refuses unchanged and invalid values with a reason per field', async () => {
    const listing = await claimedListing();
    const same = { contactEmail: listing.oldEmail.toUpperCase(), ...CONTACT };
    const nothing = await failure(requestContactChange(listing.viewer, same));
    expect(nothing.code).toBe('validation');
    expect(nothing.message).toMatch(/Nothing to change/);

    const invalid = await failure(
      requestContactChange(listing.viewer, {
        contactEmail: 'someone＠example.com',
        phone: '12345',
        website: 'ftp://example.com',
        bookingUrl: 'http://example.org/book',
      }),
    );
    expect(Object.keys(fieldErrors(invalid)).sort()).toEqual([
      'bookingUrl',
      'contactEmail',
      'phone',
      'website',
    ]);
    expect(fieldErrors(invalid).bookingUrl).toMatch(/https:\/\//);
    const extra = await failure(
      requestContactChange(listing.viewer, { ...NEW_DETAILS(listing), therapistId: '1' }),
    );
    expect(fieldErrors(extra).therapistId).toMatch(/cannot be changed/);
    expect(await changesOf(listing.therapistId)).toEqual([]);
  });

  it('refuses anyone but the confirmed owner', async () => {
    const listing = await claimedListing();
    const input = NEW_DETAILS(listing);
    expect((await failure(requestContactChange(null, input))).code).toBe('unauthorized');
    // Someone who signs in with the listing's own address still does not hold it.
    const sameEmail = await signedInViewer({ email: listing.oldEmail });
    expect((await failure(requestContactChange(sameEmail.viewer, input))).code).toBe('forbidden');
    const listless = await confirmedViewer('therapist');
    expect((await failure(requestContactChange(listless.viewer, input))).code).toBe('forbidden');
    const moderator = await confirmedViewer('moderator');
    expect((await failure(requestContactChange(moderator.viewer, input))).code).toBe('forbidden');
    expect((await failure(cancelContactChange(moderator.viewer))).code).toBe('forbidden');
    // The owner in a session not confirmed with a passkey.
    const unconfirmed = await viewerOf(
      await createSessionToken(listing.member.id, { secondFactor: false }),
    );
    expect((await failure(requestContactChange(unconfirmed, input))).code).toBe('second_factor');
    expect(await changesOf(listing.therapistId)).toEqual([]);
    expect(await listingRow(listing.therapistId)).toEqual(OLD_DETAILS(listing));
  });

  it('never edits an unclaimed listing', async () => {
    const unclaimed = await createTherapist(database.db, {
      claimedByUserId: null,
      status: 'published',
      contactEmail: 'unclaimed@example.com',
      locations: [{ endsOn: null }],
    });
    const visitor = await confirmedViewer('therapist', { email: 'unclaimed@example.com' });
    const error = await failure(
      requestContactChange(visitor.viewer, { contactEmail: 'taken@example.com', ...CONTACT }),
    );
    expect(error.code).toBe('forbidden');
    expect(await changesOf(unclaimed.therapist.id)).toEqual([]);
  });
});
