/**
 * Journey: a practitioner claims their listing and keeps it true. A new member opens an
 * unclaimed profile, presses "Claim this listing", types a licence that does not match (refused),
 * then the right one; the code goes to the address already on the listing (read from the SMTP
 * sink), and the claim is confirmed. They add a passkey, edit the profile on the dashboard, and
 * the change is found by search; they reply to a review, and the reply shows on the profile.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { openDatabase, selectRows, type DatabaseHandle } from '@/db';
import { auditLog, therapists, users } from '@/db/schema';
import {
  checkPage,
  newContext,
  origin,
  recordPage,
  signInByEmail,
  smtp,
  type PageRecord,
  resetRecord,
  addVirtualAuthenticator,
} from '../harness';

type Listing = {
  id: number;
  slug: string;
  name: string;
  license_state: string;
  license_number: string;
  contact_email: string;
};

describe('claims: a practitioner claims a listing, edits it and replies', () => {
  const email = `practitioner-${randomUUID().slice(0, 8)}@example.org`;
  /** A word no listing uses, so that search finds the edited listing by it alone. */
  const word = `kelpwise${randomUUID()
    .slice(0, 6)
    .replace(/[^a-z]/g, 'q')}`;
  let database: DatabaseHandle | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let record: PageRecord | undefined;
  let listing: Listing | undefined;

  before(async () => {
    const url = process.env.E2E_DATABASE_URL?.trim();
    if (!url) throw new Error('The claims journey needs the app database (E2E_DATABASE_URL).');
    database = openDatabase({ url, maxConnections: 1 });
    // An unclaimed, published listing with a licence, a contact email and published reviews.
    const [row] = await selectRows<Listing>(
      database.db,
      sql`select t.id, t.slug, t.name, t.license_state, t.license_number, t.contact_email
          from therapists t join therapist_stats s on s.therapist_id = t.id
          where t.status = 'published' and t.claimed_by_user_id is null
            and t.license_number is not null and t.contact_email is not null
            and s.review_count >= 2
          order by t.id desc limit 1`,
    );
    assert.ok(row, 'the seed has no unclaimed listing with a licence, an email and reviews');
    listing = row;
    context = await newContext('mobile');
    page = await context.newPage();
    record = recordPage(page);
    await addVirtualAuthenticator(context, page);
  });

  after(async () => {
    await context?.close();
    await database?.close();
  });

  test('"Is this you?" leads a signed-in member to the claim form', async (t) => {
    assert.ok(page && record && listing);
    await signInByEmail(page, email, `/therapists/${listing.slug}`);
    resetRecord(record);
    await page.getByText('Is this you?').waitFor();
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/therapists/${listing!.slug}/claim`),
      page.getByRole('link', { name: 'Claim this listing' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Claim this listing' }).waitFor();
    await checkPage(t, page, record, origin, 'mobile-claim-licence');
  });

  test('a licence that does not match is refused, and no code is sent', async () => {
    assert.ok(page && smtp && listing && database);
    const before = smtp.mailsTo(listing.contact_email).length;
    await page.getByLabel('State that issued the licence').selectOption(listing.license_state);
    await page.getByLabel('Licence number').fill(`${listing.license_number}9`);
    await page.getByLabel('Your full name as on the licence').fill(listing.name);
    await page.getByRole('button', { name: 'Check the licence and send the code' }).click();
    await page.getByRole('heading', { name: 'The licence does not match this listing' }).waitFor();
    assert.equal(smtp.mailsTo(listing.contact_email).length, before, 'no code after a mismatch');
    const refused = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        sql`${auditLog.action} = 'claim.licence_mismatch' and ${auditLog.therapistId} = ${listing.id}`,
      );
    assert.equal(refused.length, 1, 'the refusal is in the audit log');
  });

  test('the right licence sends a code to the address on the listing; the code claims it', async (t) => {
    assert.ok(page && record && smtp && listing && database);
    const already = smtp.mailsTo(listing.contact_email).length;
    await page.getByLabel('Licence number').fill(listing.license_number);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('sent') === '1'),
      page.getByRole('button', { name: 'Check the licence and send the code' }).click(),
    ]);
    await page.getByText('Your licence matches.').waitFor();
    const mail = await smtp.waitForMail(listing.contact_email, { already });
    assert.equal(mail.subject, 'Your Unknot code to claim a listing');
    assert.deepEqual(
      smtp.mailsTo(email).filter((m) => m.subject === mail.subject),
      [],
    );
    const code = /The code is (\d{6})\./.exec(mail.text)?.[1];
    assert.ok(code, 'the mail holds a 6-digit code');

    resetRecord(record);
    await page.getByLabel('6-digit code from the email').fill(code);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('claimed') === '1'),
      page.getByRole('button', { name: 'Confirm the code' }).click(),
    ]);
    await page.getByText('Your claim is confirmed').waitFor();
    await checkPage(t, page, record, origin, 'mobile-claim-confirmed');

    const [owner] = await database.db
      .select({ role: users.role, holder: therapists.claimedByUserId })
      .from(users)
      .innerJoin(therapists, eq(therapists.claimedByUserId, users.id))
      .where(eq(users.email, email));
    assert.equal(owner?.role, 'therapist', 'the account is a therapist account');
    const noticeTo = await smtp.waitForMail(listing.contact_email, { already: already + 1 });
    assert.match(noticeTo.subject, /claimed/i, 'the listing’s address is told of the claim');
  });

  test('the dashboard asks for a passkey first; adding one unlocks it', async (t) => {
    assert.ok(page && record && listing);
    await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
    await page.getByRole('link', { name: 'Go to sign-in and security' }).first().waitFor();
    await page.goto(`${origin}/account/security`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('status').filter({ hasText: 'Passkey added as' }).waitFor();

    resetRecord(record);
    await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
    await page.getByText(listing.name).first().waitFor();
    await checkPage(t, page, record, origin, 'mobile-dashboard');
  });

  test('an edit on the dashboard shows on the profile and is found by search', async (t) => {
    assert.ok(page && record && listing);
    resetRecord(record);
    await page.goto(`${origin}/dashboard/profile`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await checkPage(t, page, record, origin, 'mobile-dashboard-profile');
    const headline = `Release work for stiff necks, ${word} method`;
    await page.getByLabel('Headline').fill(headline);
    await page
      .getByLabel('What you do not treat')
      .fill('Recent fractures or whiplash in its first week.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved').waitFor();

    await page.goto(`${origin}/therapists/${listing.slug}`, { waitUntil: 'load' });
    await page.getByText(headline).first().waitFor();
    await page.getByText('Recent fractures or whiplash in its first week.').waitFor();

    // The search index follows through the outbox, drained by the app's worker.
    const deadline = Date.now() + 30_000;
    let found = false;
    while (!found && Date.now() < deadline) {
      await page.goto(`${origin}/search?q=${word}`, { waitUntil: 'load' });
      found = (await page.locator(`a[href="/therapists/${listing.slug}"]`).count()) > 0;
      if (!found) await page.waitForTimeout(500);
    }
    assert.ok(found, `search for "${word}" did not find the edited listing within 30 s`);
  });

  test('a reply to a review is published under it on the profile', async (t) => {
    assert.ok(page && record && listing);
    resetRecord(record);
    await page.goto(`${origin}/dashboard/reviews`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Reviews and replies' }).waitFor();
    await checkPage(t, page, record, origin, 'mobile-dashboard-reviews');
    await page.getByText('Write a reply').first().click();
    await page.getByText('Keep your client’s confidence').first().waitFor();
    const body = `Thank you for taking the time to write this, ${word}.`;
    await page.getByLabel('Your public reply').first().fill(body);
    await page.getByRole('button', { name: 'Publish reply' }).first().click();
    await page.getByText('Your reply is published under the review.').waitFor();

    await page.goto(`${origin}/therapists/${listing.slug}?sort=newest`, { waitUntil: 'load' });
    await page.getByText(`Reply from ${listing.name}`).first().waitFor();
    await page.getByText(body).waitFor();
  });

  test('the insights page draws its charts', async (t) => {
    assert.ok(page && record);
    resetRecord(record);
    await page.goto(`${origin}/dashboard/insights`, { waitUntil: 'load' });
    assert.ok((await page.locator('figure svg[role="img"]').count()) >= 4, 'the charts are drawn');
    await checkPage(t, page, record, origin, 'mobile-dashboard-insights');
  });
});
