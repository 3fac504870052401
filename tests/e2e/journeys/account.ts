/**
 * Journey: the account page. A member signs in by email, changes their public name, downloads
 * their data, signs out everywhere (the old cookie no longer works), signs in again and deletes
 * the account, keeping their reviews anonymised (TRUST 5, 23, 24).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Cookie, Page } from 'playwright-core';
import {
  checkPage,
  newContext,
  origin,
  recordPage,
  signInByEmail,
  type PageRecord,
  resetRecord,
} from '../harness';

const SESSION_COOKIE = /(^|\.)authjs\.session-token$/;

describe('account: public name, export, sign out everywhere, deletion', () => {
  const email = `account-${randomUUID().slice(0, 8)}@example.org`;
  const newName = `Spry Juniper ${Math.floor(10 + Math.random() * 89)}`;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let record: PageRecord | undefined;

  before(async () => {
    context = await newContext('desktop');
    page = await context.newPage();
    record = recordPage(page);
  });

  after(async () => {
    await context?.close();
  });

  async function sessionCookie(): Promise<Cookie | undefined> {
    assert.ok(context);
    return (await context.cookies(origin)).find((c) => SESSION_COOKIE.test(c.name));
  }

  /** Signs in with a link from the SMTP sink and lands on /account. */
  async function signIn() {
    assert.ok(page);
    await signInByEmail(page, email, '/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  }

  /** The export route answers a request that carries only this (possibly stale) cookie. */
  async function exportStatusWith(cookie: Cookie): Promise<number> {
    const response = await fetch(`${origin}/account/export`, {
      headers: { cookie: `${cookie.name}=${cookie.value}` },
      redirect: 'manual',
    });
    await response.arrayBuffer();
    return response.status;
  }

  test('signs in by email and opens the account page', async (t) => {
    assert.ok(page && record);
    await signIn();
    resetRecord(record);
    await page.goto(`${origin}/account`, { waitUntil: 'load' });
    await page.getByText(email, { exact: true }).first().waitFor();
    const name = page.getByRole('textbox', { name: 'Public name' });
    const suggested = await name.inputValue();
    assert.match(suggested, /^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/, 'a pseudonymous name is suggested');
    assert.ok(!suggested.toLowerCase().includes('account'), 'the name comes from the email');
    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    assert.match(await sessions.innerText(), /This device[\s\S]*Signed in with an email link/);
    await page.getByRole('link', { name: 'Sign-in and security: passkeys' }).waitFor();
    await checkPage(t, page, record, origin, 'desktop-account');
  });

  test('refuses an email address as public name, then saves a new name shown in the header', async () => {
    assert.ok(page);
    const field = page.getByRole('textbox', { name: 'Public name' });
    await field.fill(email);
    await page.getByRole('button', { name: 'Save public name' }).click();
    await page.getByText('A public name cannot contain an @').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');

    await page.getByRole('button', { name: 'Suggest a name' }).click();
    assert.match(await field.inputValue(), /^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/, 'no suggestion');

    await field.fill(newName);
    await page.getByRole('button', { name: 'Save public name' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Your reviews now show “${newName}”` })
      .waitFor();
    const header = page.getByRole('navigation', { name: 'Account' });
    await header.getByRole('link', { name: new RegExp(newName) }).waitFor();
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.getByRole('textbox', { name: 'Public name' }).inputValue(), newName);
  });

  test('downloads everything held about the member as JSON', async () => {
    assert.ok(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download your data (JSON)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^unknot-account-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      user: { email: string; displayName: string };
      sessions: { id: string; current: boolean }[];
      withheld: Record<string, unknown>;
    };
    assert.equal(data.user.email, email);
    assert.equal(data.user.displayName, newName);
    assert.equal(data.sessions.filter((s) => s.current).length, 1);
    const cookie = await sessionCookie();
    assert.ok(cookie, 'no session cookie');
    assert.ok(!JSON.stringify(data).includes(cookie.value), 'the export holds the session token');

    const response = await page.request.get(`${origin}/account/export`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['cache-control'], 'no-store');
    assert.match(response.headers()['content-disposition'] ?? '', /^attachment; filename="/);
  });

  test('signs out everywhere: the old cookie is refused and /account asks to sign in', async () => {
    assert.ok(page);
    const cookie = await sessionCookie();
    assert.ok(cookie, 'no session cookie');
    assert.equal(await exportStatusWith(cookie), 200);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Sign out everywhere' }).click(),
    ]);
    assert.equal(await sessionCookie(), undefined, 'the cookie was not removed');
    assert.equal(await exportStatusWith(cookie), 401, 'the ended session still works');
    await page.goto(`${origin}/account`, { waitUntil: 'load' });
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('callbackUrl'), '/account');
  });

  test('signs in again and deletes the account, keeping the reviews anonymised', async (t) => {
    assert.ok(page && record);
    await signIn();
    assert.equal(await page.getByRole('textbox', { name: 'Public name' }).inputValue(), newName);
    const cookie = await sessionCookie();
    assert.ok(cookie, 'no session cookie');

    const confirm = page.getByRole('textbox', { name: 'Type your email address to confirm' });
    await page.getByRole('radio', { name: 'Keep my reviews, without my name' }).check();
    await confirm.fill('someone-else@example.org');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('That is not the email address of this account').waitFor();
    assert.equal(
      await page.getByRole('radio', { name: 'Keep my reviews, without my name' }).isChecked(),
      true,
      'the choice was lost',
    );
    assert.equal(await exportStatusWith(cookie), 200, 'a refused deletion ended the session');

    await confirm.fill(email);
    resetRecord(record);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/account-deleted'),
      page.getByRole('button', { name: 'Delete my account' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Your account is deleted' }).waitFor();
    await page.getByText('shown as written by “Former member”').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await checkPage(t, page, record, origin, 'desktop-account-deleted');

    assert.equal(await sessionCookie(), undefined, 'the cookie was not removed');
    assert.equal(await exportStatusWith(cookie), 401, 'the session outlived the account');
    await page.goto(`${origin}/account`, { waitUntil: 'load' });
    assert.equal(new URL(page.url()).pathname, '/sign-in');
  });
});
