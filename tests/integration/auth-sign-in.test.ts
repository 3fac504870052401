/**
 * Sign-in and sessions (TRUST 2-6, 8) through the real /api/auth route handlers, the real
 * database and a real SMTP server: what a browser, a mail scanner and an attacker can do.
 */
import { randomBytes } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import GitHub from 'next-auth/providers/github';
import { NextRequest } from 'next/server';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ConfirmSignInPage from '@/app/sign-in/confirm/page';
import { getDb, selectRows } from '@/db';
import { accounts, auditLog, sessions, users, verificationTokens } from '@/db/schema';
import { handleAuthGet, handleAuthPost } from '@/lib/auth';
import { setOAuthProvidersForTests } from '@/lib/auth/config';
import { endAllSessions, endSession, listSessions, setBanned } from '@/lib/auth/sessions';
import { getViewerForSession, requireRole, requireSignedIn } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { signInMail } from '@/lib/mail/templates';
import {
  addPasskey,
  confirmedViewer,
  createMember,
  createSessionToken,
  signedInViewer,
  viewerOf,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startFakeOAuth, type FakeOAuthServer } from '../support/fake-oauth';
import { setUpMail } from '../support/env';
import { failure } from '../support/errors';

const LOCAL_ORIGIN = 'http://localhost:3000';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';

let database: TestDatabase;
const sink = setUpMail({
  authUrl: LOCAL_ORIGIN,
  authSecret: 'test-secret-for-sign-in-tests-0123456789abcdef',
  perTest: {
    RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS: undefined,
    RATE_LIMIT_SIGN_IN_EMAILS_PER_IP: undefined,
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.dispose();
});

/* ------------------------------------------------------------------------------------------ */
/* A browser, reduced to what sign-in needs: a cookie jar and requests to the route handlers    */
/* ------------------------------------------------------------------------------------------ */

interface SetCookie {
  name: string;
  value: string;
  raw: string;
}

function setCookies(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map((raw) => {
    const pair = raw.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), raw };
  });
}

class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const cookie of setCookies(response)) {
      if (cookie.value === '' || /max-age=0/i.test(cookie.raw)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function origin(): string {
  return new URL(process.env.AUTH_URL ?? LOCAL_ORIGIN).origin;
}

let addressCounter = 0;
/** A client address of its own for each request, unless a test wants a shared one. */
function nextClientAddress(): string {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

function newEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.org`;
}

interface RequestOptions {
  jar?: CookieJar;
  headers?: Record<string, string>;
  body?: BodyInit;
  base?: string;
}

function authRequest(method: 'GET' | 'POST', path: string, options: RequestOptions = {}) {
  const headers = new Headers(options.headers);
  const cookie = options.jar?.header();
  if (cookie) headers.set('cookie', cookie);
  if (!headers.has('user-agent')) headers.set('user-agent', FIREFOX);
  return new NextRequest(new URL(path, options.base ?? origin()), {
    method,
    headers,
    body: options.body,
  });
}

async function authGet(path: string, options: RequestOptions = {}): Promise<Response> {
  const response = await handleAuthGet(authRequest('GET', path, options));
  options.jar?.store(response);
  return response;
}

async function authPost(path: string, options: RequestOptions = {}): Promise<Response> {
  const response = await handleAuthPost(authRequest('POST', path, options));
  options.jar?.store(response);
  return response;
}

async function csrfToken(jar: CookieJar): Promise<string> {
  const response = await authGet('/api/auth/csrf', { jar });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
  return body.csrfToken;
}

/** POSTs Auth.js's email sign-in form, with its CSRF token and cookie. */
async function requestLink(
  email: string,
  options: { callbackUrl?: string; clientAddress?: string; jar?: CookieJar } = {},
): Promise<Response> {
  const jar = options.jar ?? new CookieJar();
  const body = new URLSearchParams({
    email,
    csrfToken: await csrfToken(jar),
    callbackUrl: options.callbackUrl ?? '/account',
  });
  return authPost('/api/auth/signin/email', {
    jar,
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': options.clientAddress ?? nextClientAddress(),
    },
  });
}

function expectRedirect(response: Response, status?: number): URL {
  if (status !== undefined) expect(response.status).toBe(status);
  else expect([302, 303, 307]).toContain(response.status);
  const location = response.headers.get('location');
  expect(location, 'a redirect needs a Location').toBeTruthy();
  return new URL(location ?? '', origin());
}

/** Requests a link and returns the one in the mail that arrives. */
async function linkFor(
  email: string,
  options: { callbackUrl?: string; clientAddress?: string } = {},
): Promise<URL> {
  const already = sink.mailsTo(email).length;
  const response = await requestLink(email, options);
  const next = expectRedirect(response, 302);
  expect(next.pathname).toBe('/api/auth/verify-request');
  const mail = await sink.waitForMail(email, { already });
  expect(mail.subject).toBe('Your Unknot sign-in link');
  expect(mail.links).toHaveLength(1);
  expect(mail.html).toContain('href="');
  return new URL(mail.links[0] ?? '');
}

/** What a browser does on the confirmation page: renders it, then submits its one form. */
async function confirmFormAction(link: URL): Promise<string> {
  const element = await ConfirmSignInPage({
    searchParams: Promise.resolve(Object.fromEntries(link.searchParams)),
  });
  const html = renderToStaticMarkup(element);
  const forms = [...html.matchAll(/<form\b([^>]*)>/g)].map((m) => m[1] ?? '');
  expect(forms, 'the confirmation page has one form').toHaveLength(1);
  const attributes = forms[0] ?? '';
  expect(attributes).toMatch(/\bmethod="post"/);
  const action = /\baction="([^"]+)"/.exec(attributes)?.[1];
  expect(action, 'the sign-in form has no action').toBeTruthy();
  return (action ?? '').replace(/&amp;/g, '&');
}

function sameOriginHeaders(): Record<string, string> {
  return {
    origin: origin(),
    'sec-fetch-site': 'same-origin',
    'content-type': 'application/x-www-form-urlencoded',
  };
}

async function confirm(action: string, headers = sameOriginHeaders()): Promise<Response> {
  return authPost(action, { headers, body: '' });
}

function sessionCookieOf(response: Response): SetCookie | undefined {
  return setCookies(response).find((c) => /^(__Secure-)?authjs\.session-token$/.test(c.name));
}

async function tokensFor(email: string) {
  return getDb()
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(eq(verificationTokens.identifier, email));
}

async function userIdOf(email: string): Promise<string | null> {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

async function sessionCount(userId: string | null): Promise<number> {
  if (!userId) return 0;
  const [row] = await getDb()
    .select({ n: count() })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return row?.n ?? 0;
}

async function totalVerificationTokens(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(verificationTokens);
  return row?.n ?? 0;
}

/** Expects `work` to throw (or reject with) an AppError with `code`. */
async function expectAppError(work: () => unknown, code: AppError['code']): Promise<AppError> {
  const error = await failure(Promise.resolve().then(work));
  expect(error.code).toBe(code);
  return error;
}

/* ------------------------------------------------------------------------------------------ */
/* TRUST 2: single-use links, used only by the confirmation POST                               */
/* ------------------------------------------------------------------------------------------ */

describe('magic links (TRUST 2)', () => {
  it('survive mail scanners, sign in once from the confirmation page, and refuse a replay', async () => {
    const email = newEmail('maya');
    const link = await linkFor(email, { callbackUrl: '/account?tab=sessions' });

    // The mail links to our confirmation page, never straight to the Auth.js callback.
    expect(link.origin).toBe(LOCAL_ORIGIN);
    expect(link.pathname).toBe('/sign-in/confirm');
    expect(link.searchParams.get('email')).toBe(email);
    expect(link.searchParams.get('callbackUrl')).toBe('/account?tab=sessions');
    const token = link.searchParams.get('token') ?? '';
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    // The token is stored hashed, for 15 minutes at most.
    const [stored] = await tokensFor(email);
    expect(stored).toBeDefined();
    const minutesLeft = ((stored?.expires.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);
    const [raw] = await selectRows<{ token: string }>(
      getDb(),
      sql`select token from verification_tokens where identifier = ${email}`,
    );
    expect(raw?.token).not.toBe(token);

    // A scanner opens the link (the page) twice, and the raw Auth.js callback URL twice.
    const action = await confirmFormAction(link);
    expect(await confirmFormAction(link)).toBe(action);
    const callback = `/api/auth/callback/email?${link.searchParams.toString()}`;
    for (let i = 0; i < 2; i++) {
      const opened = await authGet(callback);
      const confirmPage = expectRedirect(opened, 303);
      expect(confirmPage.origin).toBe(LOCAL_ORIGIN);
      expect(confirmPage.pathname).toBe('/sign-in/confirm');
      expect(confirmPage.searchParams.get('token')).toBe(token);
      expect(sessionCookieOf(opened)).toBeUndefined();
    }
    expect(await tokensFor(email)).toHaveLength(1);
    expect(await userIdOf(email)).toBeNull();

    // Pressing "Sign in" posts the token: signed in, with a database session.
    expect(new URL(action, LOCAL_ORIGIN).pathname).toBe('/api/auth/callback/email');
    const signedIn = await confirm(action);
    const next = expectRedirect(signedIn, 302);
    expect(next.toString()).toBe(`${LOCAL_ORIGIN}/account?tab=sessions`);
    const cookie = sessionCookieOf(signedIn);
    expect(cookie?.name).toBe('authjs.session-token');
    expect(cookie?.raw).toMatch(/;\s*HttpOnly/i);
    expect(cookie?.raw).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie?.raw).toMatch(/;\s*Path=\//i);
    expect(cookie?.raw).not.toMatch(/;\s*Secure/i);

    const userId = await userIdOf(email);
    expect(userId).not.toBeNull();
    const [session] = await getDb()
      .select({ token: sessions.sessionToken, method: sessions.method, device: sessions.device })
      .from(sessions)
      .where(eq(sessions.userId, userId ?? ''));
    expect(session).toEqual({ token: cookie?.value, method: 'email', device: 'Firefox on Linux' });
    const viewer = await viewerOf(cookie?.value ?? '');
    expect(viewer).toMatchObject({
      email,
      role: 'member',
      hasPasskey: false,
      secondFactorAt: null,
    });
    expect(viewer.displayName).not.toContain(email.split('@')[0]);
    expect(await tokensFor(email)).toHaveLength(0);

    // The same POST again: refused, and no second session.
    const replay = await confirm(action);
    const refused = expectRedirect(replay, 302);
    expect(`${refused.pathname}${refused.search}`).toBe('/sign-in/error?error=Verification');
    expect(sessionCookieOf(replay)).toBeUndefined();
    expect(await sessionCount(userId)).toBe(1);
  });

  it('refuses a link older than 15 minutes, and uses it up', async () => {
    const email = newEmail('late');
    const link = await linkFor(email);
    await getDb()
      .update(verificationTokens)
      .set({ expires: sql`now() - interval '1 second'` })
      .where(eq(verificationTokens.identifier, email));
    const response = await confirm(await confirmFormAction(link));
    const refused = expectRedirect(response, 302);
    expect(`${refused.pathname}${refused.search}`).toBe('/sign-in/error?error=Verification');
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(await userIdOf(email)).toBeNull();
    expect(await tokensFor(email)).toHaveLength(0);
  });

  it('refuses a token for another address, or a made-up one', async () => {
    const email = newEmail('owner');
    const link = await linkFor(email);
    const other = new URLSearchParams(link.searchParams);
    other.set('email', newEmail('other'));
    const wrongAddress = await confirm(`/api/auth/callback/email?${other.toString()}`);
    expect(expectRedirect(wrongAddress).searchParams.get('error')).toBe('Verification');
    const madeUp = new URLSearchParams(link.searchParams);
    madeUp.set('token', randomBytes(32).toString('hex'));
    madeUp.set('email', newEmail('guess'));
    const guessed = await confirm(`/api/auth/callback/email?${madeUp.toString()}`);
    expect(expectRedirect(guessed).searchParams.get('error')).toBe('Verification');
    expect(sessionCookieOf(guessed)).toBeUndefined();
    expect(await userIdOf(email)).toBeNull();
  });

  it('refuses a cross-site POST of a valid link with 403 and leaves the link unused', async () => {
    const email = newEmail('crosssite');
    const link = await linkFor(email);
    const action = await confirmFormAction(link);
    const attempts: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' },
      { 'sec-fetch-site': 'same-site', origin: 'https://sub.localhost:3000' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://evil.test' },
      { origin: 'null' },
      {},
    ];
    for (const headers of attempts) {
      const response = await confirm(action, {
        ...headers,
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'forbidden' });
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    expect(await tokensFor(email)).toHaveLength(1);
    expect(await userIdOf(email)).toBeNull();

    // Still usable from our page (an older browser sends only Origin).
    const signedIn = await confirm(action, {
      origin: LOCAL_ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(sessionCookieOf(signedIn)?.value).toBeTruthy();
  });

  it('signs in an existing member to their own account', async () => {
    const member = await createMember({ email: newEmail('existing') });
    const link = await linkFor(member.email.toUpperCase());
    expect(link.searchParams.get('email')).toBe(member.email);
    const signedIn = await confirm(await confirmFormAction(link));
    const viewer = await viewerOf(sessionCookieOf(signedIn)?.value ?? '');
    expect(viewer.userId).toBe(member.id);
    expect(viewer.displayName).toBe(member.displayName);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 3: addresses are checked before Auth.js sees them                                      */
/* ------------------------------------------------------------------------------------------ */

describe('email addresses (TRUST 3)', () => {
  it.each([
    ['"a@evil.test"@victim.test', 'Email addresses with quotation marks are not accepted.'],
    ['victim＠example.org', 'Use the plain @ sign from your keyboard'],
    ['victim﹫example.org', 'Use the plain @ sign from your keyboard'],
    ['attacker@evil.test＠victim.test', 'Use the plain @ sign from your keyboard'],
    ['p\u0430ypal@example.com', 'Cyrillic letters'],
    ['attacker@evil.test@victim.test', 'An email address has only one @ sign.'],
    ['victim@example.org,attacker@evil.test', 'An email address has only one @ sign.'],
    ['victim@example.org\r\nbcc:attacker@evil.test', 'control characters'],
    ['victim@localhost', 'needs an ending such as .com'],
    ['', 'Enter your email address.'],
  ])('refuses %j with 422, sends no mail and stores no token', async (email, message) => {
    const mailsBefore = sink.mails.length;
    const tokensBefore = await totalVerificationTokens();
    const response = await requestLink(email);
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: string;
      message: string;
      issues: { parameter: string; message: string }[];
    };
    expect(body.error).toBe('validation');
    expect(body.issues[0]?.parameter).toBe('email');
    expect(body.message).toContain(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.mails.length).toBe(mailsBefore);
    expect(await totalVerificationTokens()).toBe(tokensBefore);
  });

  it('refuses a missing address field and a body that is not a form, with 422', async () => {
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const missing = await authPost('/api/auth/signin/email', {
      jar,
      body: new URLSearchParams({ csrfToken: token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(missing.status).toBe(422);
    const text = await authPost('/api/auth/signin/email', {
      jar,
      body: `email=victim@example.org&csrfToken=${token}`,
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(422);
    const badJson = await authPost('/api/auth/signin/email', {
      jar,
      body: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(422);
  });

  it('checks multipart and JSON bodies the same way, and sends to the normalised address', async () => {
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const quoted = new FormData();
    quoted.set('email', '"a@evil.test"@victim.test');
    quoted.set('csrfToken', token);
    const refused = await authPost('/api/auth/signin/email', { jar, body: quoted });
    expect(refused.status).toBe(422);
    const json = await authPost('/api/auth/signin/email', {
      jar,
      body: JSON.stringify({ email: 'victim＠example.org', csrfToken: token }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(422);

    const email = newEmail('multipart');
    const form = new FormData();
    form.set('email', `  ${email.toUpperCase()} `);
    form.set('csrfToken', token);
    form.set('callbackUrl', '/');
    const already = sink.mailsTo(email).length;
    const accepted = await authPost('/api/auth/signin/email', {
      jar,
      body: form,
      headers: { 'x-forwarded-for': nextClientAddress() },
    });
    expect(expectRedirect(accepted, 302).pathname).toBe('/api/auth/verify-request');
    const mail = await sink.waitForMail(email, { already });
    expect(mail.to).toEqual([email]);
    expect(await tokensFor(email)).toHaveLength(1);
  });

  it('sends mail to exactly one plain address, even for a caller that skipped the checks', async () => {
    const mailsBefore = sink.mails.length;
    for (const to of [
      'victim@example.org, attacker@evil.test',
      'victim@example.org;attacker@evil.test',
      'Victim <attacker@evil.test>',
      '"a@evil.test"@victim.test',
      'victim@example.org\r\nbcc: attacker@evil.test',
    ]) {
      const error = await sendMail(signInMail(to, `${LOCAL_ORIGIN}/sign-in/confirm`, 15)).catch(
        (e: unknown) => e,
      );
      expect(error, to).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.mails.length).toBe(mailsBefore);
  });

  it('sends nothing without the CSRF token', async () => {
    const email = newEmail('nocsrf');
    const response = await authPost('/api/auth/signin/email', {
      body: new URLSearchParams({ email, csrfToken: 'forged' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const refused = expectRedirect(response, 302);
    expect(`${refused.pathname}${refused.search}`).toBe('/sign-in/error?error=MissingCSRF');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.mailsTo(email)).toHaveLength(0);
    expect(await tokensFor(email)).toHaveLength(0);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 8: rate limits, counted in Postgres                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('sign-in rate limits (TRUST 8)', () => {
  it('answers a burst for one address with 429 and Retry-After, whatever the spelling', async () => {
    process.env.RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS = '2';
    const email = newEmail('burst');
    expect(expectRedirect(await requestLink(email), 302).pathname).toBe('/api/auth/verify-request');
    const shouted = await requestLink(email.toUpperCase());
    expect(expectRedirect(shouted, 302).pathname).toBe('/api/auth/verify-request');
    const limited = await requestLink(` ${email} `);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await limited.json()).toMatchObject({
      error: 'rate_limited',
      message: expect.stringContaining('sign-in emails to this address') as string,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.mailsTo(email)).toHaveLength(2);

    // The count is a row in Postgres, shared by every app process.
    const [bucket] = await selectRows<{ hits: number }>(
      getDb(),
      sql`select hits from rate_limit_buckets where key = ${`sign-in emails to this address:${email}`}`,
    );
    expect(Number(bucket?.hits)).toBe(3);
    await getDb().execute(
      sql`delete from rate_limit_buckets where key = ${`sign-in emails to this address:${email}`}`,
    );
    expect(expectRedirect(await requestLink(email), 302).pathname).toBe('/api/auth/verify-request');
  });

  it('answers a burst from one client address with 429, whichever addresses it asks for', async () => {
    process.env.RATE_LIMIT_SIGN_IN_EMAILS_PER_IP = '3';
    const clientAddress = '203.0.113.77';
    for (let i = 0; i < 3; i++) {
      const response = await requestLink(newEmail(`ip${i}`), { clientAddress });
      expect(expectRedirect(response, 302).pathname).toBe('/api/auth/verify-request');
    }
    const email = newEmail('ip-limited');
    const limited = await requestLink(email, { clientAddress });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({
      error: 'rate_limited',
      message: expect.stringContaining('from your network') as string,
    });
    expect(sink.mailsTo(email)).toHaveLength(0);
    // Another client is not held back.
    const other = await requestLink(email, { clientAddress: '203.0.113.78' });
    expect(expectRedirect(other, 302).pathname).toBe('/api/auth/verify-request');
    const keys = await selectRows<{ key: string }>(
      getDb(),
      sql`select key from rate_limit_buckets where key like 'sign-in emails from your network:203.0.113.7%' order by key`,
    );
    expect(keys.map((k) => k.key)).toEqual([
      'sign-in emails from your network:203.0.113.77',
      'sign-in emails from your network:203.0.113.78',
    ]);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 6: cookies and callback URLs                                                           */
/* ------------------------------------------------------------------------------------------ */

describe('cookies and callback URLs (TRUST 6)', () => {
  const PUBLIC_ORIGIN = 'https://unknot.example';

  it('issues a __Secure- session cookie (Secure, HttpOnly, SameSite=Lax) over https', async () => {
    process.env.AUTH_URL = PUBLIC_ORIGIN;
    const jar = new CookieJar();
    await csrfToken(jar);
    expect(jar.get('__Host-authjs.csrf-token')).toBeTruthy();

    const email = newEmail('secure');
    const link = await linkFor(email, { callbackUrl: '/account' });
    expect(link.origin).toBe(PUBLIC_ORIGIN);
    const response = await confirm(await confirmFormAction(link));
    expect(expectRedirect(response, 302).toString()).toBe(`${PUBLIC_ORIGIN}/account`);
    const cookie = sessionCookieOf(response);
    expect(cookie?.name).toBe('__Secure-authjs.session-token');
    expect(cookie?.raw).toMatch(/;\s*Secure/i);
    expect(cookie?.raw).toMatch(/;\s*HttpOnly/i);
    expect(cookie?.raw).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie?.raw).not.toMatch(/;\s*Domain=/i);
    expect(await getViewerForSession(getDb(), cookie?.value ?? '')).not.toBeNull();
  });

  it.each([
    'https://evil.test',
    'https://evil.test/account',
    '//evil.test',
    '/\\evil.test',
    'https://unknot.example.evil.test/account',
    'https://unknot.example@evil.test/account',
    'javascript:alert(document.cookie)',
  ])('ends a sign-in with callbackUrl=%j on our own origin', async (callbackUrl) => {
    process.env.AUTH_URL = PUBLIC_ORIGIN;
    const email = newEmail('callback');
    const link = await linkFor(email, { callbackUrl });
    expect(link.origin).toBe(PUBLIC_ORIGIN);
    expect(link.searchParams.get('callbackUrl')).toBe('/');
    const response = await confirm(await confirmFormAction(link));
    expect(expectRedirect(response, 302).toString()).toBe(`${PUBLIC_ORIGIN}/`);
    expect(sessionCookieOf(response)?.value).toBeTruthy();
  });

  it('keeps a callbackUrl posted straight to the callback on our origin', async () => {
    process.env.AUTH_URL = PUBLIC_ORIGIN;
    const link = await linkFor(newEmail('direct'));
    for (const [index, callbackUrl] of ['https://evil.test/x', '/\\evil.test'].entries()) {
      const params = new URLSearchParams(link.searchParams);
      params.set('callbackUrl', callbackUrl);
      if (index === 1) {
        // A second link for the second attempt (the first one is used up).
        const again = await linkFor(newEmail('direct'));
        params.set('token', again.searchParams.get('token') ?? '');
        params.set('email', again.searchParams.get('email') ?? '');
      }
      const response = await confirm(`/api/auth/callback/email?${params.toString()}`);
      const next = expectRedirect(response, 302);
      expect(next.origin).toBe(PUBLIC_ORIGIN);
      expect(next.pathname).toBe('/');
    }
  });

  it('keeps a production build run on 127.0.0.1 on that origin (not localhost)', async () => {
    process.env.AUTH_URL = 'http://127.0.0.1:3000';
    const email = newEmail('loopback');
    const link = await linkFor(email, { callbackUrl: '/account' });
    expect(link.origin).toBe('http://127.0.0.1:3000');
    const response = await confirm(await confirmFormAction(link));
    expect(expectRedirect(response, 302).toString()).toBe('http://127.0.0.1:3000/account');
    expect(sessionCookieOf(response)?.value).toBeTruthy();
    const replay = await confirm(await confirmFormAction(link));
    expect(expectRedirect(replay, 302).toString()).toBe(
      'http://127.0.0.1:3000/sign-in/error?error=Verification',
    );
  });

  it('sends the raw callback link to the confirmation page on the public origin', async () => {
    process.env.AUTH_URL = PUBLIC_ORIGIN;
    // Behind a proxy the request arrives on an internal address.
    const response = await authGet(
      '/api/auth/callback/email?callbackUrl=https%3A%2F%2Fevil.test&token=abc&email=a%40example.org',
      { base: 'http://10.0.0.5:3000' },
    );
    const next = expectRedirect(response, 303);
    expect(next.origin).toBe(PUBLIC_ORIGIN);
    expect(next.pathname).toBe('/sign-in/confirm');
    // The page itself turns the callbackUrl into a path on this site.
    const action = await confirmFormAction(next);
    expect(new URLSearchParams(action.split('?')[1]).get('callbackUrl')).toBe('/');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 5: sessions end on the server                                                          */
/* ------------------------------------------------------------------------------------------ */

describe('sessions end on the server (TRUST 5)', () => {
  const adminViewer = async () => (await confirmedViewer('admin')).viewer;

  it('a ban ends every session: the old cookie no longer works', async () => {
    const admin = await adminViewer();
    const { member, token } = await signedInViewer();
    const second = await createSessionToken(member.id);
    expect(await sessionCount(member.id)).toBe(2);

    await setBanned(admin, member.id, true);
    expect(await getViewerForSession(getDb(), token)).toBeNull();
    expect(await getViewerForSession(getDb(), second)).toBeNull();
    expect(await sessionCount(member.id)).toBe(0);
    const session = await authGet('/api/auth/session', {
      headers: { cookie: `authjs.session-token=${token}` },
    });
    expect(await session.json()).toBeNull();
    const [entry] = await getDb()
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.subjectUserId, member.id));
    expect(entry).toEqual({ action: 'user.banned', actorId: admin.userId });
  });

  it('a banned address gets no mail, and a link sent before the ban no longer signs in', async () => {
    const admin = await adminViewer();
    const member = await createMember({ email: newEmail('banned') });
    const earlier = await linkFor(member.email);
    await setBanned(admin, member.id, true);

    const mailsBefore = sink.mailsTo(member.email).length;
    const tokensBefore = (await tokensFor(member.email)).length;
    const response = await requestLink(member.email);
    const refused = expectRedirect(response, 302);
    expect(`${refused.pathname}${refused.search}`).toBe('/sign-in/error?error=AccessDenied');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.mailsTo(member.email)).toHaveLength(mailsBefore);
    expect(await tokensFor(member.email)).toHaveLength(tokensBefore);

    const confirmed = await confirm(await confirmFormAction(earlier));
    const denied = expectRedirect(confirmed, 302);
    expect(`${denied.pathname}${denied.search}`).toBe('/sign-in/error?error=AccessDenied');
    expect(sessionCookieOf(confirmed)).toBeUndefined();
    expect(await sessionCount(member.id)).toBe(0);
  });

  it('a ban written straight to the table already shuts the sessions out', async () => {
    const { member, token } = await signedInViewer();
    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, member.id));
    expect(await getViewerForSession(getDb(), token)).toBeNull();
    const session = await authGet('/api/auth/session', {
      headers: { cookie: `authjs.session-token=${token}` },
    });
    expect(await session.json()).toBeNull();
  });

  it('only an admin with a fresh passkey confirmation can ban, and not themselves', async () => {
    const { member } = await signedInViewer();
    const { viewer: moderator } = await signedInViewer({ role: 'moderator' });
    await expectAppError(() => setBanned(moderator, member.id, true), 'forbidden');
    const { viewer: unconfirmed } = await signedInViewer({ role: 'admin' });
    await expectAppError(() => setBanned(unconfirmed, member.id, true), 'second_factor');
    await expectAppError(() => setBanned(null, member.id, true), 'unauthorized');
    const admin = await adminViewer();
    await expectAppError(() => setBanned(admin, admin.userId, true), 'forbidden');
    expect(await sessionCount(member.id)).toBe(1);
  });

  it('endSession ends one session of the viewer, and never another member’s', async () => {
    const { member, token, viewer } = await signedInViewer();
    const otherToken = await createSessionToken(member.id);
    const other = await viewerOf(otherToken);
    const stranger = await signedInViewer();

    expect(await endSession(viewer, stranger.viewer.sessionId)).toBe(false);
    expect(await getViewerForSession(getDb(), stranger.token)).not.toBeNull();

    const listed = await listSessions(viewer);
    expect(listed.map((s) => s.id).sort()).toEqual([viewer.sessionId, other.sessionId].sort());
    expect(listed.find((s) => s.current)?.id).toBe(viewer.sessionId);

    expect(await endSession(viewer, other.sessionId)).toBe(true);
    expect(await getViewerForSession(getDb(), otherToken)).toBeNull();
    expect(await getViewerForSession(getDb(), token)).not.toBeNull();
    await expectAppError(() => endSession(null, viewer.sessionId), 'unauthorized');
  });

  it('endAllSessions ends every session of the viewer, this one included', async () => {
    const { member, token, viewer } = await signedInViewer();
    const tokens = [
      token,
      await createSessionToken(member.id),
      await createSessionToken(member.id),
    ];
    const stranger = await signedInViewer();
    expect(await endAllSessions(viewer)).toBe(3);
    for (const t of tokens) expect(await getViewerForSession(getDb(), t)).toBeNull();
    expect(await getViewerForSession(getDb(), stranger.token)).not.toBeNull();
  });

  it('signing out through Auth.js deletes the session row', async () => {
    const { member, token } = await signedInViewer();
    const jar = new CookieJar();
    const csrf = await csrfToken(jar);
    jar.set('authjs.session-token', token);
    const response = await authPost('/api/auth/signout', {
      jar,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf, callbackUrl: '/' }),
    });
    expect(expectRedirect(response, 302).pathname).toBe('/');
    expect(await sessionCount(member.id)).toBe(0);
    expect(await getViewerForSession(getDb(), token)).toBeNull();
  });

  it('an expired session yields no viewer', async () => {
    const member = await createMember();
    const token = await createSessionToken(member.id, { expiresInSeconds: -60 });
    expect(await getViewerForSession(getDb(), token)).toBeNull();
    expect(await getViewerForSession(getDb(), 'not-a-session')).toBeNull();
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 4: no account linking by email                                                         */
/* ------------------------------------------------------------------------------------------ */

describe('OAuth sign-in (TRUST 4)', () => {
  let fake: FakeOAuthServer;

  beforeAll(async () => {
    fake = await startFakeOAuth();
    setOAuthProvidersForTests([
      GitHub({
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        enterprise: { baseUrl: fake.url },
      }),
    ]);
  });

  afterAll(async () => {
    setOAuthProvidersForTests([]);
    await fake.close();
  });

  afterEach(() => {
    fake.requests.length = 0;
  });

  /** signin -> the provider's authorize page -> our callback, as a browser follows them. */
  async function oauthSignIn(jar = new CookieJar()): Promise<Response> {
    const started = await authPost('/api/auth/signin/github', {
      jar,
      body: new URLSearchParams({ csrfToken: await csrfToken(jar), callbackUrl: '/account' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const authorize = expectRedirect(started, 302);
    expect(authorize.origin).toBe(fake.url);
    expect(authorize.pathname).toBe('/login/oauth/authorize');
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${LOCAL_ORIGIN}/api/auth/callback/github`,
    );
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(jar.get('authjs.pkce.code_verifier')).toBeTruthy();

    const granted = await fetch(authorize, { redirect: 'manual' });
    expect(granted.status).toBe(302);
    const callback = new URL(granted.headers.get('location') ?? '');
    expect(callback.origin).toBe(LOCAL_ORIGIN);
    expect(callback.searchParams.get('code')).toBeTruthy();
    return authGet(`${callback.pathname}${callback.search}`, { jar });
  }

  it('signs in a new member (the fake provider works end to end)', async () => {
    const email = newEmail('octo');
    fake.user = { id: 1001, login: 'octo-new', name: 'Real Name', email: email.toUpperCase() };
    const response = await oauthSignIn();
    expect(expectRedirect(response, 302).toString()).toBe(`${LOCAL_ORIGIN}/account`);
    expect(fake.requests).toEqual([
      'GET /login/oauth/authorize',
      'POST /login/oauth/access_token',
      'GET /api/v3/user',
    ]);
    const token = sessionCookieOf(response)?.value ?? '';
    const viewer = await viewerOf(token);
    expect(viewer.email).toBe(email);
    // Nothing of the profile but the address: the public name stays pseudonymous.
    expect(viewer.displayName).not.toContain('Real Name');
    const [session] = await getDb()
      .select({ method: sessions.method })
      .from(sessions)
      .where(eq(sessions.sessionToken, token));
    expect(session?.method).toBe('github');
    const linked = await getDb()
      .select({ provider: accounts.provider, id: accounts.providerAccountId })
      .from(accounts)
      .where(eq(accounts.userId, viewer.userId));
    expect(linked).toEqual([{ provider: 'github', id: '1001' }]);
  });

  it.each([
    ['the same address', (email: string) => ({ email })],
    ['the address in capitals', (email: string) => ({ email: email.toUpperCase() })],
    [
      'the address from /user/emails',
      (email: string) => ({
        email: null,
        emails: [
          { email: 'other@example.net', primary: false, verified: true },
          { email, primary: true, verified: false },
        ],
      }),
    ],
  ])(
    'does not sign in as an existing member whose email the provider reports (%s)',
    async (_label, profile) => {
      const member = await createMember({ email: newEmail('victim') });
      const victimSession = await createSessionToken(member.id);
      fake.user = {
        id: 2000 + Math.floor(Math.random() * 1e6),
        login: 'attacker',
        ...profile(member.email),
      };
      const response = await oauthSignIn();
      const refused = expectRedirect(response, 302);
      expect(refused.origin).toBe(LOCAL_ORIGIN);
      expect(`${refused.pathname}${refused.search}`).toBe(
        '/sign-in/error?error=OAuthAccountNotLinked',
      );
      expect(sessionCookieOf(response)).toBeUndefined();
      expect(await sessionCount(member.id)).toBe(1);
      expect(await getViewerForSession(getDb(), victimSession)).not.toBeNull();
      const linked = await getDb()
        .select({ n: count() })
        .from(accounts)
        .where(eq(accounts.userId, member.id));
      expect(linked[0]?.n).toBe(0);
      const [withEmail] = await getDb()
        .select({ n: count() })
        .from(users)
        .where(eq(users.email, member.email));
      expect(withEmail?.n).toBe(1);
    },
  );

  it('takes an account made through OAuth with an unproven address back for the address owner', async () => {
    // Someone signs up through the provider with an address they do not own, and adds a passkey.
    const email = newEmail('prehijack');
    fake.user = { id: 4001, login: 'squatter', email };
    const squatted = await oauthSignIn();
    const squatterSession = sessionCookieOf(squatted)?.value ?? '';
    const userId = (await userIdOf(email)) ?? '';
    expect(await getViewerForSession(getDb(), squatterSession)).not.toBeNull();
    await addPasskey(userId);

    // The address's owner signs in with an email link: only they keep access.
    const signedIn = await confirm(await confirmFormAction(await linkFor(email)));
    const owner = await viewerOf(sessionCookieOf(signedIn)?.value ?? '');
    expect(owner.userId).toBe(userId);
    expect(owner.hasPasskey).toBe(false);
    expect(await getViewerForSession(getDb(), squatterSession)).toBeNull();
    expect(await sessionCount(userId)).toBe(1);
    const linked = await getDb()
      .select({ n: count() })
      .from(accounts)
      .where(eq(accounts.userId, userId));
    expect(linked[0]?.n).toBe(0);

    // Once the address is proven, a later email sign-in leaves the other ways in alone.
    await addPasskey(userId);
    const again = await confirm(await confirmFormAction(await linkFor(email)));
    expect((await viewerOf(sessionCookieOf(again)?.value ?? '')).hasPasskey).toBe(true);
    expect(await sessionCount(userId)).toBe(2);
  });

  it('refuses a profile without an email address, and a banned member’s linked account', async () => {
    fake.user = { id: 3001, login: 'no-email', email: null };
    const noEmail = await oauthSignIn();
    const refused = expectRedirect(noEmail, 302);
    expect(`${refused.pathname}${refused.search}`).toBe('/sign-in/error?error=AccessDenied');
    expect(sessionCookieOf(noEmail)).toBeUndefined();

    const email = newEmail('linked');
    fake.user = { id: 3002, login: 'linked', email };
    const first = await oauthSignIn();
    expect(sessionCookieOf(first)?.value).toBeTruthy();
    const userId = (await userIdOf(email)) ?? '';
    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, userId));
    await getDb().delete(sessions).where(eq(sessions.userId, userId));
    const again = await oauthSignIn();
    const denied = expectRedirect(again, 302);
    expect(`${denied.pathname}${denied.search}`).toBe('/sign-in/error?error=AccessDenied');
    expect(await sessionCount(userId)).toBe(0);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Guards                                                                                       */
/* ------------------------------------------------------------------------------------------ */

describe('requireSignedIn and requireRole', () => {
  it('refuses nobody with unauthorized (401), and lets a member be a member', async () => {
    const error = await expectAppError(() => requireSignedIn(null), 'unauthorized');
    expect(error.status).toBe(401);
    await expectAppError(() => requireRole(null, 'member'), 'unauthorized');
    const { viewer } = await signedInViewer();
    expect(requireSignedIn(viewer)).toBe(viewer);
    expect(requireRole(viewer, 'member')).toBe(viewer);
  });

  it('refuses a member moderator and admin powers (403 forbidden)', async () => {
    const { viewer } = await signedInViewer({}, { secondFactor: true });
    for (const role of ['moderator', 'admin', 'therapist'] as const) {
      const error = await expectAppError(() => requireRole(viewer, role), 'forbidden');
      expect(error.status).toBe(403);
    }
  });

  it('asks a moderator without a passkey to add one (second_factor)', async () => {
    const { viewer } = await signedInViewer({ role: 'moderator' }, { secondFactor: true });
    expect(viewer.hasPasskey).toBe(false);
    const error = await expectAppError(() => requireRole(viewer, 'moderator'), 'second_factor');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/add a passkey/i);
  });

  it('asks a moderator with a passkey to confirm it in this session, and again after 12 hours', async () => {
    const member = await createMember({ role: 'moderator' });
    await addPasskey(member.id);
    const unconfirmed = await viewerOf(await createSessionToken(member.id));
    expect(unconfirmed.hasPasskey).toBe(true);
    const error = await expectAppError(
      () => requireRole(unconfirmed, 'moderator'),
      'second_factor',
    );
    expect(error.message).toMatch(/confirm it is you/i);

    const staleToken = await createSessionToken(member.id, { secondFactor: true });
    await getDb()
      .update(sessions)
      .set({ secondFactorAt: sql`now() - interval '13 hours'` })
      .where(eq(sessions.sessionToken, staleToken));
    const stale = await viewerOf(staleToken);
    expect(stale.secondFactorAt).not.toBeNull();
    await expectAppError(() => requireRole(stale, 'moderator'), 'second_factor');

    const confirmed = await viewerOf(await createSessionToken(member.id, { secondFactor: true }));
    expect(requireRole(confirmed, 'moderator')).toBe(confirmed);
    await expectAppError(() => requireRole(confirmed, 'admin'), 'forbidden');
    await expectAppError(() => requireRole(confirmed, 'therapist'), 'forbidden');
  });

  it('lets an admin with a confirmed passkey use every role', async () => {
    const admin = await createMember({ role: 'admin' });
    await addPasskey(admin.id);
    const viewer = await viewerOf(await createSessionToken(admin.id, { secondFactor: true }));
    for (const role of ['member', 'therapist', 'moderator', 'admin'] as const) {
      expect(requireRole(viewer, role)).toBe(viewer);
    }
    expect(requireRole(viewer, 'moderator', 'admin')).toBe(viewer);
    const unconfirmed = await viewerOf(await createSessionToken(admin.id));
    await expectAppError(() => requireRole(unconfirmed, 'moderator'), 'second_factor');
  });

  it('holds the therapist role to the same passkey rule', async () => {
    const therapist = await createMember({ role: 'therapist' });
    const plain = await viewerOf(await createSessionToken(therapist.id, { secondFactor: true }));
    await expectAppError(() => requireRole(plain, 'therapist'), 'second_factor');
    await addPasskey(therapist.id);
    const confirmed = await viewerOf(
      await createSessionToken(therapist.id, { secondFactor: true }),
    );
    expect(requireRole(confirmed, 'therapist')).toBe(confirmed);
    await expectAppError(() => requireRole(confirmed, 'moderator'), 'forbidden');
  });
});
