/**
 * A new member signs in by email on the development server, with no SMTP server: the link is
 * read from the development mailbox. Runs `npm run dev` itself against a temporary embedded
 * database (which it migrates and seeds, as on a fresh machine).
 *
 * Run with `npm run test:e2e:dev`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startServer, stopServer, type AppServer } from './processes';

const START_TIMEOUT_MS = 5 * 60_000;

let tempDir: string | undefined;
let server: AppServer | undefined;
let browser: Browser | undefined;

before(
  async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'unknot-dev-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PGLITE_DATA_DIR: path.join(tempDir, 'pglite'),
      NEXT_TELEMETRY_DISABLED: '1',
    };
    for (const name of [
      'NODE_ENV',
      'DATABASE_URL',
      'SMTP_URL',
      'MEILISEARCH_HOST',
      'AUTH_SECRET',
    ]) {
      delete env[name];
    }
    server = await startServer(
      env,
      () => ({ file: 'npm', args: ['run', 'dev'] }),
      START_TIMEOUT_MS,
      // The development server accepts its own assets and live reload only from `localhost`.
      'localhost',
    );
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  },
  { timeout: START_TIMEOUT_MS + 60_000 },
);

after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  if (tempDir) await rm(tempDir, { recursive: true, force: true, maxRetries: 5 });
});

test(
  'a new member signs in with a link from the development mailbox',
  { timeout: 180_000 },
  async () => {
    assert.ok(browser && server);
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const email = `newcomer-${Date.now()}@example.org`;

    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.waitForURL('**/sign-in/check-email');

    await page.getByRole('link', { name: 'Open the development mailbox' }).click();
    await page.waitForURL('**/dev/mailbox');
    const mail = page
      .getByRole('article')
      .filter({ hasText: `To ${email}` })
      .first();
    const link = await mail.getByRole('link').first().getAttribute('href');
    assert.ok(
      link && link.includes('/sign-in/confirm?'),
      `a confirmation link in the mail: ${String(link)}`,
    );

    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const nav = page.getByRole('navigation', { name: 'Account' });
    await nav.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.match((await nav.textContent()) ?? '', /Your account:/);
    assert.doesNotMatch((await nav.textContent()) ?? '', new RegExp(email.split('@')[0]!));
    await page.close();
  },
);
