/**
 * Journey: moderation. A member is made a moderator with `npm run user:role`, signs in by
 * email, adds a passkey (Chromium's virtual authenticator), opens the queue and publishes the
 * oldest pending review with the mouse, removes another with the keyboard only; that review's
 * author appeals from their own page, and the queue shows the appeal as one for another
 * moderator; the moderation log lists the decisions.
 *
 * The browser test's database is on a Postgres server (E2E_DATABASE_URL, or a scratch database
 * the harness creates), so the role command and this test reach the same database as the app.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { openDatabase, selectRows, type DatabaseHandle } from '@/db';
import { recomputeTherapistStats } from '@/db/aggregates';
import { auditLog, reviews } from '@/db/schema';
import {
  checkPage,
  emailAddressesIn,
  newContext,
  origin,
  recordPage,
  signInByEmail,
  type PageRecord,
  resetRecord,
  addVirtualAuthenticator,
} from '../harness';
import { runCommand, tail } from '../processes';

const DAY_MS = 86_400_000;

describe('moderation: the queue, a decision by mouse and by keyboard, an appeal', () => {
  const email = `moderator-${randomUUID().slice(0, 8)}@example.org`;
  let database: DatabaseHandle | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let record: PageRecord | undefined;
  /** The two pending reviews this journey decides: the oldest ones in the queue. */
  let published = 0;
  let removed = 0;
  let removedAuthorEmail = '';

  before(async () => {
    const url = process.env.E2E_DATABASE_URL?.trim();
    if (!url) {
      throw new Error(
        'The moderation journey needs the database the app uses (E2E_DATABASE_URL, set by the harness).',
      );
    }
    database = openDatabase({ url, maxConnections: 1 });

    // Two pending reviews older than any other, by two members, of one published therapist.
    const authors = await selectRows<{ id: string; email: string; therapist_id: number }>(
      database.db,
      sql`with t as (select id from therapists where status = 'published' order by id limit 1)
          select u.id, u.email, t.id as therapist_id from users u, t
          where u.role = 'member' and u.banned_at is null
            and not exists (select 1 from reviews r where r.author_id = u.id and r.therapist_id = t.id)
          order by u.created_at, u.id
          limit 2`,
    );
    assert.equal(authors.length, 2, 'the seed has no two members to write the test reviews');
    const therapistId = Number(authors[0]!.therapist_id);
    const written = await database.db
      .insert(reviews)
      .values(
        authors.map((author, index) => ({
          authorId: author.id,
          therapistId,
          rating: 4,
          title: index === 0 ? 'Finally sleeping through' : 'Call me about this clinic',
          body:
            index === 0
              ? 'Four sessions for my neck. She checked my shoulders first and gave me two stretches; I still do them.'
              : 'Good sessions for my lower back. Call me on my number if you want to know more.',
          status: 'pending' as const,
          statusReason: index === 0 ? 'new_account' : 'contact_details',
          createdAt: new Date(Date.now() - (4000 - index) * DAY_MS),
          updatedAt: new Date(Date.now() - (4000 - index) * DAY_MS),
        })),
      )
      .returning({ id: reviews.id });
    published = written[0]!.id;
    removed = written[1]!.id;
    removedAuthorEmail = authors[1]!.email;
    await recomputeTherapistStats(database.db, [therapistId]);

    context = await newContext('desktop');
    page = await context.newPage();
    record = recordPage(page);
    await addVirtualAuthenticator(context, page);
  });

  after(async () => {
    await context?.close();
    await database?.close();
  });

  test('a member signs in and is made a moderator with npm run user:role', async () => {
    assert.ok(page);
    await signInByEmail(page, email, '/moderation');
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    // A member has no moderator powers.
    await page.getByText('Your account cannot do this.').waitFor();

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL };
    delete env.PGLITE_DATA_DIR;
    const result = await runCommand('npm', ['run', 'user:role', '--', email, 'moderator'], env);
    assert.equal(result.code, 0, `npm run user:role failed:\n${tail(result.output)}`);
    assert.match(result.output, /is now moderator \(was member\)/);

    // The role alone is not enough: the queue asks for a passkey.
    await page.reload({ waitUntil: 'load' });
    await page.getByText('Add a passkey to your account before using these tools.').waitFor();
    await page.getByRole('link', { name: 'Go to sign-in and security' }).waitFor();
  });

  test('adds a passkey, which confirms the session', async () => {
    assert.ok(page);
    await page.goto(`${origin}/account/security`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('status').filter({ hasText: 'Passkey added as' }).waitFor();
  });

  test('the queue lists the oldest pending reviews first, with their reason and age', async (t) => {
    assert.ok(page && record);
    resetRecord(record);
    await page.goto(`${origin}/moderation`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const waiting = page.getByRole('region', { name: /^Waiting for a decision/ });
    const first = waiting.getByRole('article').first();
    assert.match(
      (await first.getByRole('heading', { level: 3 }).innerText()).trim(),
      new RegExp(`^Review ${published} of `),
      'the oldest pending review comes first',
    );
    const item = waiting.getByRole('article', { name: new RegExp(`^Review ${published} of `) });
    const text = await item.innerText();
    assert.match(text, /Held because: New account/);
    assert.match(text, /waiting (3999|4000) days/);
    assert.match(text, /She checked my shoulders first/);
    assert.deepEqual(emailAddressesIn(await page.content()), [], 'no email address on the queue');
    await checkPage(t, page, record, origin, 'desktop-moderation');
  });

  test('publishes a review with the mouse: one audit entry, the queue says so', async () => {
    assert.ok(page && database);
    const item = page.getByRole('article', { name: new RegExp(`^Review ${published} of `) });
    await item.getByRole('radio', { name: 'Publish' }).check();
    const reason = item.getByRole('combobox', { name: 'Reason' });
    assert.equal(await reason.inputValue(), 'meets_guidelines', 'publishing has one reason');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('decided') === String(published)),
      item.getByRole('button', { name: 'Record the decision' }).click(),
    ]);
    await page
      .getByRole('status')
      .filter({ hasText: `Decision recorded: review ${published} is now “published”.` })
      .waitFor();
    assert.equal(
      await page.getByRole('article', { name: new RegExp(`^Review ${published} of `) }).count(),
      0,
      'the decided review left the queue',
    );
    const [row] = await database.db
      .select({ status: reviews.status, publishedAt: reviews.publishedAt })
      .from(reviews)
      .where(eq(reviews.id, published));
    assert.equal(row?.status, 'published');
    assert.ok(row?.publishedAt, 'publishedAt is set');
    const entries = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'review.approved'),
          sql`${auditLog.detail}->>'reviewId' = ${String(published)}`,
        ),
      );
    assert.equal(entries.length, 1, 'one audit entry for the decision');
  });

  test('removes a review with the keyboard only', async () => {
    assert.ok(page);
    const item = page.getByRole('article', { name: new RegExp(`^Review ${removed} of `) });
    const remove = item.getByRole('radio', { name: 'Remove' });
    await remove.focus();
    await page.keyboard.press('Space');
    assert.equal(await remove.isChecked(), true);
    await page.keyboard.press('Tab');
    const reason = item.getByRole('combobox', { name: 'Reason' });
    assert.equal(await reason.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('Contact');
    assert.equal(await reason.inputValue(), 'contact_details');
    await page.keyboard.press('Tab');
    const submit = item.getByRole('button', { name: 'Record the decision' });
    assert.equal(await submit.evaluate((el) => el === document.activeElement), true);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('decided') === String(removed)),
      page.keyboard.press('Enter'),
    ]);
    await page
      .getByRole('status')
      .filter({ hasText: `Decision recorded: review ${removed} is now “removed”.` })
      .waitFor();
  });

  test('the author sees the decision and appeals once, from their own page', async (t) => {
    const authorContext = await newContext('mobile');
    try {
      const author = await authorContext.newPage();
      const authorRecord = recordPage(author);
      const path = `/moderation/appeal/${removed}`;
      await signInByEmail(author, removedAuthorEmail, path);
      await author
        .getByRole('heading', { level: 1, name: 'The decision on your review' })
        .waitFor();
      await author.getByRole('heading', { level: 2, name: 'Removed' }).waitFor();
      await author.getByText('Contact details or links').first().waitFor();
      await checkPage(t, author, authorRecord, origin, 'mobile-moderation-appeal');

      await author
        .getByRole('textbox', { name: 'Why should the decision change?' })
        .fill('The number is the clinic’s public line, not mine. Please publish it.');
      await author.getByRole('button', { name: 'Send my appeal' }).click();
      await author.getByText(/You appealed on /).waitFor();
      await author.getByText('A moderator who did not make the decision will decide it.').waitFor();
      assert.equal(
        await author.getByRole('button', { name: 'Send my appeal' }).count(),
        0,
        'an appeal is made once',
      );
    } finally {
      await authorContext.close();
    }
  });

  test('the appeal waits for another moderator, and the log lists every step', async (t) => {
    assert.ok(page && record);
    await page.goto(`${origin}/moderation`, { waitUntil: 'load' });
    const appeal = page
      .getByRole('region', { name: /^Appeals/ })
      .getByRole('article', { name: new RegExp(`: review ${removed} of `) });
    await appeal
      .getByText('You made the decision under appeal, so another moderator decides it.')
      .waitFor();
    assert.match(await appeal.innerText(), /The number is the clinic’s public line/);

    resetRecord(record);
    await page.goto(`${origin}/moderation/audit`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Moderation log' }).waitFor();
    const rows = page.getByRole('row');
    const texts = await rows.allInnerTexts();
    assert.ok(
      texts.some((r) => /Published/.test(r) && r.includes(`review ${published}`)),
      'the log lists the publication',
    );
    assert.ok(
      texts.some((r) => /Removed/.test(r) && r.includes(`review ${removed}`)),
      'the log lists the removal',
    );
    assert.ok(
      texts.some((r) => /Appeal made/.test(r) && /A member/.test(r)),
      'the log lists the appeal, by a member',
    );
    await checkPage(t, page, record, origin, 'desktop-moderation-log');
  });
});
