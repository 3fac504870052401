/**
 * The browser test's harness, shared by the journeys in ./journeys/: a production build.
 *
 * Prepares a database (E2E_DATABASE_URL, or an embedded one in a temporary directory), lets the
 * seed command migrate it and fill it with a small realistic set, starts `next start` on a free
 * port and walks the main journey in Chromium twice: once at a phone's size and once at a
 * desktop's. Every page must render without console or page errors, load nothing from another
 * origin, and pass axe without serious or critical violations. Screenshots go to
 * test-results/e2e/.
 *
 * Run `npm run build` first, then `npm run test:e2e`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createScratchDatabase } from '../support/database';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { ROOT, runStep, startServer, stopServer, type AppServer } from './processes';

export { ROOT, delay } from './processes';
import { after, before, type TestContext } from 'node:test';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';

declare global {
  interface Window {
    axe?: typeof import('axe-core');
  }
}

export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
/** How the project's command-line scripts run: TypeScript through tsx, as a server module. */
const SCRIPT_RUNNER_ARGS = ['--conditions=react-server', '--import', 'tsx'];
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const SEED_CLI = path.join(ROOT, 'db', 'seed', 'cli.ts');
const AXE_SOURCE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const SEED_THERAPISTS = '300';
const SEED_REVIEWS = '3000';
const SERVER_START_TIMEOUT_MS = 90_000;
const SETUP_TIMEOUT_MS = 10 * 60_000;
const PAGE_TIMEOUT_MS = 30_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  console.error(
    'No production build found (.next/BUILD_ID is missing). Run `npm run build` before `npm run test:e2e`.',
  );
  process.exit(1);
}

/* ------------------------------------------------------------------------------------------ */
/* Page checks                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** What a page did while it was open: console errors, uncaught errors, every request. */
export interface PageRecord {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
}

export function recordPage(page: Page): PageRecord {
  const record: PageRecord = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') {
      const location = message.location();
      record.consoleErrors.push(`${message.text()} (${location.url}:${location.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.stack ?? error.message));
  page.on('request', (request) => record.requests.push(request.url()));
  return record;
}

/** Forgets what the page did so far, so that the next check sees only what follows. */
export function resetRecord(record: PageRecord | undefined): void {
  assert.ok(record, 'the page is not recorded');
  record.consoleErrors.length = 0;
  record.pageErrors.length = 0;
  record.requests.length = 0;
}

/**
 * Gives the page Chromium's virtual authenticator (a platform passkey that always verifies the
 * user), and returns the DevTools session and the authenticator's id.
 */
export async function addVirtualAuthenticator(
  context: BrowserContext,
  page: Page,
): Promise<{ devtools: CDPSession; authenticatorId: string }> {
  const devtools = await context.newCDPSession(page);
  await devtools.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { devtools, authenticatorId };
}

/** Requests that left the app's own origin (data: and blob: URLs never leave the page). */
function foreignRequests(record: PageRecord, origin: string): string[] {
  return record.requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.origin !== origin;
  });
}

let axeSource: string | undefined;

async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(AXE_SOURCE_PATH, 'utf8');
  await page.addScriptTag({ content: axeSource });
  const injected = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!injected) {
    await page.evaluate(axeSource);
  }
  const results: AxeResults = await page.evaluate(async () => {
    if (!window.axe) throw new Error('axe-core did not load into the page');
    return window.axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((node) =>
          `      ${node.target.join(' ')}\n        ${node.failureSummary ?? ''}`.trimEnd(),
        )
        .join('\n');
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * A full-page screenshot, then the checks every page must pass: no console or page errors, no
 * request to another origin, no serious or critical accessibility violation.
 */
export async function checkPage(
  t: TestContext,
  page: Page,
  record: PageRecord,
  origin: string,
  screenshotName: string,
  options: { expectedErrorStatus?: number } = {},
): Promise<void> {
  await page.waitForLoadState('networkidle');

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${screenshotName}.png`);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot: ${path.relative(ROOT, file)}`);

  const consoleErrors = record.consoleErrors.filter(
    (text) =>
      options.expectedErrorStatus === undefined ||
      !text.includes(`status of ${options.expectedErrorStatus}`),
  );
  assert.deepEqual(consoleErrors, [], `console errors on ${page.url()}`);
  assert.deepEqual(record.pageErrors, [], `uncaught errors on ${page.url()}`);

  const foreign = foreignRequests(record, origin);
  assert.deepEqual(foreign, [], `requests to other origins from ${page.url()} (TRUST 25)`);

  const violations = await runAxe(page);
  if (violations.length > 0) {
    console.log(`# axe violations on ${page.url()}:\n${describeViolations(violations)}`);
  }
  assert.equal(
    violations.length,
    0,
    `serious or critical accessibility violations on ${page.url()}: ${violations.map((v) => v.id).join(', ')}`,
  );
}

/** Security headers: required where the app already sets them, and always without leaks. */
export function checkSecurityHeaders(
  _t: TestContext,
  response: { headers(): Record<string, string> },
  label: string,
): void {
  const headers = response.headers();
  assert.equal(headers['x-powered-by'], undefined, `${label}: X-Powered-By must not be sent`);
  assert.equal(
    headers['x-content-type-options']?.toLowerCase(),
    'nosniff',
    `${label}: X-Content-Type-Options`,
  );

  const csp = headers['content-security-policy'];
  assert.ok(csp, `${label}: Content-Security-Policy missing`);
  assert.match(csp, /frame-ancestors\s+'none'/, `${label}: CSP must forbid framing`);
  assert.match(
    csp,
    /script-src[^;]*'nonce-[A-Za-z0-9+/=]+'/,
    `${label}: CSP must allow only nonce-bearing scripts`,
  );
  assert.doesNotMatch(
    csp,
    /script-src[^;]*(\*|'unsafe-inline')/,
    `${label}: CSP must not allow any script`,
  );

  const referrer = headers['referrer-policy'];
  assert.ok(referrer, `${label}: Referrer-Policy missing`);
  assert.doesNotMatch(
    referrer,
    /unsafe-url|no-referrer-when-downgrade/,
    `${label}: Referrer-Policy`,
  );
  assert.match(
    headers['x-frame-options'] ?? '',
    /^(deny|sameorigin)$/i,
    `${label}: X-Frame-Options`,
  );
  assert.match(
    headers['strict-transport-security'] ?? '',
    /max-age=\d{7,}/,
    `${label}: HSTS in production`,
  );

  const cookies = headers['set-cookie'];
  if (cookies !== undefined) {
    for (const cookie of cookies.split('\n')) {
      assert.match(cookie, /;\s*httponly/i, `${label}: cookie must be HttpOnly: ${cookie}`);
      assert.match(
        cookie,
        /;\s*samesite=(lax|strict)/i,
        `${label}: cookie must be SameSite: ${cookie}`,
      );
    }
  }
}

const EMAIL_PATTERN = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
const ASSET_SUFFIX = /\.(png|jpe?g|gif|svg|webp|avif|ico|js|css|woff2?|ttf|map)$/i;

/** Email-like strings in a page's HTML (rendered markup and the serialised server payload). */
export function emailAddressesIn(html: string): string[] {
  return [...html.matchAll(EMAIL_PATTERN)].map((m) => m[0]).filter((s) => !ASSET_SUFFIX.test(s));
}

/* ------------------------------------------------------------------------------------------ */
/* The run                                                                                     */
/* ------------------------------------------------------------------------------------------ */

let scratch: { url: string; drop(): Promise<void> } | undefined;
/** The SMTP server the app sends its mail to. */
export let smtp: SmtpSink | undefined;
let server: AppServer | undefined;
export let browser: Browser | undefined;
export let origin = '';

before(
  async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    delete env.DATABASE_URL;
    delete env.PGLITE_DATA_DIR;
    delete env.MEILISEARCH_HOST;
    delete env.MEILISEARCH_API_KEY;
    env.AUTH_SECRET = process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url');
    // Follow-ups due "weeks" after a review arrive within seconds (journeys/reviews.ts).
    env.FOLLOW_UP_WEEK_SECONDS = '1';
    smtp = await startSmtpSink();
    env.SMTP_URL = smtp.url;

    const externalUrl = process.env.E2E_DATABASE_URL?.trim();
    if (externalUrl) {
      env.DATABASE_URL = externalUrl;
      console.log('# database: E2E_DATABASE_URL');
    } else {
      // A throwaway database on the local Postgres server, which journeys may also reach.
      scratch = await createScratchDatabase(
        process.env.E2E_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        'unknot_e2e',
      );
      env.DATABASE_URL = scratch.url;
      process.env.E2E_DATABASE_URL = scratch.url;
      console.log('# database: a scratch database on the local Postgres server');
    }

    if (!existsSync(SEED_CLI)) {
      throw new Error(`The seed command is missing: ${path.relative(ROOT, SEED_CLI)}`);
    }
    await runStep(
      `seed (${SEED_THERAPISTS} therapists, ${SEED_REVIEWS} reviews)`,
      process.execPath,
      [...SCRIPT_RUNNER_ARGS, SEED_CLI, '--therapists', SEED_THERAPISTS, '--reviews', SEED_REVIEWS],
      env,
    );

    server = await startServer(
      env,
      (port) => ({
        file: process.execPath,
        args: [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
      }),
      SERVER_START_TIMEOUT_MS,
      // Browsers allow passkeys only on a domain name, never on an IP address.
      'localhost',
    );
    origin = new URL(server.baseUrl).origin;

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
    });
  },
  { timeout: SETUP_TIMEOUT_MS },
);

after(async () => {
  const failures: unknown[] = [];
  const attempt = async (label: string, work: () => Promise<void>) => {
    const started = Date.now();
    try {
      await work();
      console.log(`# ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures.push(error);
    }
  };
  await attempt('close the browser', async () => {
    await browser?.close();
  });
  await attempt('stop the server', async () => {
    if (server) await stopServer(server);
  });
  await attempt('stop the mail server', async () => {
    await smtp?.close();
  });
  await attempt('remove temporary data', async () => {
    await scratch?.drop();
  });
  if (failures.length > 0) {
    throw new AggregateError(failures, 'Cleaning up after the browser test failed');
  }
});

export async function newContext(viewport: ViewportName): Promise<BrowserContext> {
  assert.ok(browser, 'the browser did not start');
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === 'mobile',
    hasTouch: viewport === 'mobile',
    deviceScaleFactor: viewport === 'mobile' ? 2 : 1,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:') {
      await route.continue();
    } else {
      await route.abort('blockedbyclient');
    }
  });
  return context;
}

/** Server-side failures the server printed while the test ran. */
export function serverErrors(): string[] {
  return (server?.output() ?? '')
    .split('\n')
    .filter((line) =>
      /\b(Error|TypeError|ReferenceError|Unhandled)\b|⨯|"level":"error"/.test(line),
    );
}

/**
 * Signs `page` in as `email` the way a person does: asks for a link on /sign-in, opens the link
 * from the mail that reaches the SMTP sink, and presses "Sign in". Ends on `landing` (a path).
 */
export async function signInByEmail(page: Page, email: string, landing: string): Promise<void> {
  assert.ok(smtp, 'the mail server did not start');
  const already = smtp.mailsTo(email).length;
  await page.goto(`${origin}/sign-in?callbackUrl=${encodeURIComponent(landing)}`, {
    waitUntil: 'load',
  });
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'already signed in');
  await page.getByLabel('Email address').fill(email);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/sign-in/check-email'),
    page.getByRole('button', { name: 'Email me a sign-in link' }).click(),
  ]);
  const mail = await smtp.waitForMail(email, { already });
  const link = mail.links[0];
  assert.ok(link, 'the sign-in mail holds no link');
  await page.goto(link, { waitUntil: 'load' });
  const target = new URL(landing, origin).pathname;
  await Promise.all([
    page.waitForURL((url) => url.pathname === target),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
}
