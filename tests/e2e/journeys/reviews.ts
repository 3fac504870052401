/**
 * Journey: a member writes a review with its outcome, sees it on the profile, then answers the
 * "Still better?" follow-up from the mail and sees the outcome change. The browser test runs
 * with FOLLOW_UP_WEEK_SECONDS=1, so the follow-ups that would come weeks later arrive within
 * seconds; the account is made two days old first, as new accounts' reviews wait for a
 * moderator.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '@/db';
import { users } from '@/db/schema';
import {
  checkPage,
  newContext,
  origin,
  recordPage,
  signInByEmail,
  smtp,
  type PageRecord,
  resetRecord,
} from '../harness';

const FOLLOW_UP_SUBJECT = 'Still better? Rate your pain now';
const BODY =
  'Six sessions for my lower back. She tested my hips first, explained the cause and gave me two stretches.';

describe('reviews: write one with its outcome, then answer the follow-up', () => {
  const email = `reviewer-${randomUUID().slice(0, 8)}@example.org`;
  let database: DatabaseHandle | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let record: PageRecord | undefined;
  let profilePath = '';

  before(async () => {
    const url = process.env.E2E_DATABASE_URL;
    assert.ok(url, 'the harness sets E2E_DATABASE_URL');
    database = openDatabase({ url, maxConnections: 1 });
    context = await newContext('mobile');
    page = await context.newPage();
    record = recordPage(page);
  });

  after(async () => {
    await context?.close();
    await database?.close();
  });

  test('a member signs in from a profile and opens the review form', async (t) => {
    assert.ok(page && record && database);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const href = await page.locator('a[href^="/therapists/"]').first().getAttribute('href');
    assert.ok(href, 'the home page links no therapist');
    profilePath = new URL(href, origin).pathname;

    await signInByEmail(page, email, `${profilePath}/review`);
    await database.db
      .update(users)
      .set({ createdAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(users.email, email));
    resetRecord(record);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: 'Publish review' }).waitFor();
    await checkPage(t, page, record, origin, 'mobile-review-form');
  });

  test('publishes a review with stars, text and pain before and now', async () => {
    assert.ok(page);
    await page.locator('input[name="rating"][value="5"]').check({ force: true });
    await page.locator('textarea[name="body"]').fill(BODY);
    await page.locator('input[name="painBefore"][value="7"]').check({ force: true });
    await page.locator('input[name="painNow"][value="3"]').check({ force: true });
    await Promise.all([
      page.waitForURL((url) => url.pathname === profilePath),
      page.getByRole('button', { name: 'Publish review' }).click(),
    ]);
    assert.equal(new URL(page.url()).searchParams.get('review'), 'published');
    await page.getByText('Thank you: your review is published.').waitFor();
  });

  test('the profile shows the review with its outcome', async (t) => {
    assert.ok(page && record);
    await page.goto(`${origin}${profilePath}?sort=newest#reviews`, { waitUntil: 'load' });
    const review = page.getByRole('listitem').filter({ hasText: BODY.slice(0, 40) });
    await review.first().waitFor();
    const text = (await review.first().textContent()) ?? '';
    assert.match(text, /7\/10\s*before/);
    assert.match(text, /3\/10\s*at review/);
    resetRecord(record);
    await page.reload({ waitUntil: 'load' });
    await checkPage(t, page, record, origin, 'mobile-profile-with-review');
  });

  test('votes another review helpful, once', async () => {
    assert.ok(page);
    const other = page
      .getByRole('listitem')
      .filter({ hasNotText: BODY.slice(0, 40) })
      .filter({ has: page.getByRole('button', { name: 'Helpful' }) })
      .first();
    const button = other.getByRole('button', { name: 'Helpful' });
    const count = other.getByRole('status').first();
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    const before = Number(/\d+/.exec((await count.textContent()) ?? '')?.[0] ?? '0');
    await button.click();
    await other.locator('button[aria-pressed="true"]').waitFor();
    await other.getByText(`${(before + 1).toLocaleString('en-US')} found this helpful`).waitFor();
  });

  test('the follow-up mail arrives; opening a link records nothing until Save', async (t) => {
    assert.ok(page && record && smtp);
    const mail = await smtp.waitForMail(email, { already: 1, timeoutMs: 60_000 });
    assert.equal(mail.subject, FOLLOW_UP_SUBJECT);
    const links = mail.links.filter((link) => new URL(link).pathname.startsWith('/follow-up/'));
    assert.equal(links.length, 11, 'one link for each pain score 0-10');
    const one = links.find((link) => new URL(link).searchParams.get('pain') === '1');
    assert.ok(one);

    resetRecord(record);
    await page.goto(one, { waitUntil: 'load' });
    const chosen = page.locator('input[name="pain"][value="1"]');
    assert.equal(await chosen.isChecked(), true, 'the tapped score is chosen');
    await checkPage(t, page, record, origin, 'mobile-follow-up');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/now:\s*1/i)
      .first()
      .waitFor();
  });

  test('the profile shows the follow-up answer', async () => {
    assert.ok(page);
    await page.goto(`${origin}${profilePath}?sort=newest#reviews`, { waitUntil: 'load' });
    const review = page.getByRole('listitem').filter({ hasText: BODY.slice(0, 40) });
    const text = (await review.first().textContent()) ?? '';
    assert.match(text, /Still better at \d+ weeks?:\s*1\/10/);
  });
});
