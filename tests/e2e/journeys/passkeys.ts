/**
 * Journey: passkeys. A member signs in by email, adds a passkey on the security page, signs
 * out, and signs back in with the passkey, on Chromium's virtual authenticator (a platform
 * authenticator with user verification, driven over the DevTools protocol).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  checkPage,
  newContext,
  origin,
  recordPage,
  signInByEmail,
  type PageRecord,
  resetRecord,
  addVirtualAuthenticator,
} from '../harness';

interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  signCount: number;
}

describe('passkeys: add one, sign out, sign back in with it', () => {
  const email = `passkey-${randomUUID().slice(0, 8)}@example.org`;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let record: PageRecord | undefined;
  let devtools: CDPSession | undefined;
  let authenticatorId = '';

  before(async () => {
    context = await newContext('desktop');
    page = await context.newPage();
    record = recordPage(page);
    ({ devtools, authenticatorId } = await addVirtualAuthenticator(context, page));
  });

  after(async () => {
    await context?.close();
  });

  async function credentials(): Promise<VirtualCredential[]> {
    assert.ok(devtools);
    const { credentials: list } = await devtools.send('WebAuthn.getCredentials', {
      authenticatorId,
    });
    return list;
  }

  test('the site is served on a host name, as WebAuthn requires', () => {
    assert.doesNotMatch(
      new URL(origin).hostname,
      /^(\d+\.){3}\d+$|^\[/,
      `browsers refuse passkeys on an IP-address origin (${origin}): serve the app at http://localhost:<port>`,
    );
  });

  test('signs in by email first', async () => {
    assert.ok(page);
    await signInByEmail(page, email, '/account/security');
    await page.getByRole('heading', { level: 1, name: 'Sign-in and security' }).waitFor();
  });

  test('adds a passkey on the security page', async (t) => {
    assert.ok(page && record);
    resetRecord(record);
    await page.goto(`${origin}/account/security`, { waitUntil: 'load' });
    await page.getByText('You have no passkeys yet.').waitFor();
    assert.equal((await credentials()).length, 0);

    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('status').filter({ hasText: 'Passkey added as' }).waitFor();
    const list = page.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem');
    await list.first().waitFor();
    assert.equal(await list.count(), 1, 'the page lists one passkey');
    assert.match(await list.first().innerText(), /Passkey added \d{1,2} \w+ \d{4}/);

    const stored = await credentials();
    assert.equal(stored.length, 1, 'the authenticator holds one credential');
    assert.equal(stored[0]?.isResidentCredential, true, 'the passkey is discoverable');
    assert.equal(stored[0]?.rpId, new URL(origin).hostname);

    await checkPage(t, page, record, origin, 'desktop-account-security');
  });

  test('renames the passkey', async () => {
    assert.ok(page);
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Test laptop');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Renamed to' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Test laptop' }).waitFor();
  });

  test('signs out, then back in with the passkey', async () => {
    assert.ok(page && context);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    const signedOut = await context.cookies(origin);
    assert.ok(!signedOut.some((c) => c.name.endsWith('authjs.session-token')), 'cookie kept');

    await page.goto(`${origin}/sign-in?callbackUrl=/account/security`, { waitUntil: 'load' });
    const countBefore = (await credentials())[0]?.signCount ?? 0;
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/account/security', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Sign in with a passkey' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Sign-in and security' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const item = page.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem');
    assert.match(await item.first().innerText(), /Test laptop[\s\S]*Last used/);
    assert.ok(((await credentials())[0]?.signCount ?? 0) > countBefore, 'the passkey was used');

    const cookie = (await context.cookies(origin)).find((c) =>
      c.name.endsWith('authjs.session-token'),
    );
    assert.ok(cookie, 'no session cookie after the passkey sign-in');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.ok(cookie.expires > Date.now() / 1000 + 29 * 24 * 3600, 'the cookie lasts 30 days');
  });
});
