/**
 * Journey: signing in by email through a real SMTP server (TRUST 2, 3), what a visitor without
 * a session can do with raw server-action POSTs (TRUST 1), and the security headers of a page,
 * an error page and a 404 (TRUST 7).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  request as apiRequest,
  type APIRequestContext,
  type APIResponse,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import {
  ROOT,
  checkPage,
  checkSecurityHeaders,
  delay,
  newContext,
  origin,
  recordPage,
  smtp,
  type PageRecord,
  resetRecord,
} from '../harness';

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;
const CALLBACK_PATH = '/search?q=neck';

describe('sign-in by email (TRUST 2, 3)', () => {
  const email = `sign-in-${randomUUID().slice(0, 8)}@example.org`;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let record: PageRecord | undefined;
  let link: URL | undefined;

  before(async () => {
    context = await newContext('desktop');
    page = await context.newPage();
    record = recordPage(page);
  });

  after(async () => {
    await context?.close();
  });

  async function sessionCookies() {
    assert.ok(context);
    return (await context.cookies(origin)).filter((c) => SESSION_COOKIE.test(c.name));
  }

  test('asks for a link on /sign-in and is told to check the mail', async (t) => {
    assert.ok(page && record && smtp);
    const response = await page.goto(
      `${origin}/sign-in?callbackUrl=${encodeURIComponent(CALLBACK_PATH)}`,
      { waitUntil: 'load' },
    );
    assert.equal(response?.status(), 200, 'sign-in page status');
    assert.ok(response);
    checkSecurityHeaders(t, response, 'sign-in page');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Unknot' }).waitFor();
    await checkPage(t, page, record, origin, 'desktop-sign-in');

    resetRecord(record);
    const already = smtp.mailsTo(email).length;
    await page.getByLabel('Email address').fill(email);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/sign-in/check-email'),
      page.getByRole('button', { name: 'Email me a sign-in link' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    // After the action's redirect the new page's title arrives with its streamed metadata.
    await page.waitForFunction(() => document.title === 'Check your email · Unknot');
    await checkPage(t, page, record, origin, 'desktop-sign-in-check-email');

    const mail = await smtp.waitForMail(email, { already });
    assert.equal(mail.subject, 'Your Unknot sign-in link');
    assert.equal(mail.links.length, 1, 'the mail holds one link');
    link = new URL(mail.links[0] ?? '');
    assert.equal(link.origin, origin, 'the link points at this site');
    assert.equal(link.pathname, '/sign-in/confirm', 'the link opens the confirmation page');
    assert.equal(link.searchParams.get('email'), email);
    assert.equal(link.searchParams.get('callbackUrl'), CALLBACK_PATH);
    assert.deepEqual(await sessionCookies(), [], 'asking for a link signs nobody in');
  });

  test('a mail scanner fetching the link twice uses nothing up', async () => {
    assert.ok(link);
    // A scanner is another program: a request context of its own, without any cookie.
    const scanner = await apiRequest.newContext();
    try {
      for (let i = 0; i < 2; i++) {
        const opened: APIResponse = await scanner.get(link.toString());
        assert.equal(opened.status(), 200, 'the confirmation page answers the scanner');
        const html = await opened.text();
        assert.match(html, /Sign in to Unknot/);
        assert.ok(html.includes(email), 'the page names the address being signed in');
        assert.ok(
          !opened.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie'),
          'opening the link sets no cookie',
        );
      }
      // Nor does the Auth.js callback URL itself, which only sends on to the page.
      const raw = await scanner.get(
        `${origin}/api/auth/callback/email?${link.searchParams.toString()}`,
        { maxRedirects: 0 },
      );
      assert.equal(raw.status(), 303, 'the raw callback link redirects');
      assert.equal(
        new URL(raw.headers().location ?? '', origin).pathname,
        '/sign-in/confirm',
        'to the confirmation page',
      );
      const state = await scanner.storageState();
      assert.deepEqual(
        state.cookies.filter((c) => SESSION_COOKIE.test(c.name)),
        [],
        'the scanner holds no session',
      );
    } finally {
      await scanner.dispose();
    }
  });

  test('opening the link and pressing "Sign in" signs in', async (t) => {
    assert.ok(page && record && link);
    resetRecord(record);
    const response = await page.goto(link.toString(), { waitUntil: 'load' });
    assert.ok(response);
    assert.equal(response.status(), 200, 'confirmation page status');
    checkSecurityHeaders(t, response, 'confirmation page');
    await page.getByText(email, { exact: true }).waitFor();
    await checkPage(t, page, record, origin, 'desktop-sign-in-confirm');

    await Promise.all([
      page.waitForURL((url) => `${url.pathname}${url.search}` === CALLBACK_PATH),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    const header = page.getByRole('navigation', { name: 'Account' });
    await header.getByRole('link', { name: /^Your account:/ }).waitFor();
    assert.equal(await header.getByRole('link', { name: 'Sign in', exact: true }).count(), 0);

    const cookies = await sessionCookies();
    assert.equal(cookies.length, 1, 'one session cookie');
    const [cookie] = cookies;
    assert.equal(cookie?.name, 'authjs.session-token', 'plain http: no __Secure- prefix');
    assert.equal(cookie?.httpOnly, true, 'the session cookie is HttpOnly');
    assert.equal(cookie?.sameSite, 'Lax', 'the session cookie is SameSite=Lax');
    assert.equal(cookie?.path, '/');
  });

  test('replaying the confirmation is refused with the friendly error page', async (t) => {
    assert.ok(page && record && link);
    const before = (await sessionCookies())[0]?.value;
    resetRecord(record);
    await page.goto(link.toString(), { waitUntil: 'load' });
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/sign-in/error'),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    assert.equal(new URL(page.url()).searchParams.get('error'), 'Verification');
    await page
      .getByRole('heading', { level: 1, name: 'This sign-in link no longer works' })
      .waitFor();
    await page.getByRole('link', { name: 'Ask for a new sign-in link' }).waitFor();
    const body = await page.locator('main').innerText();
    assert.doesNotMatch(body, /Verification|authjs|errors\.authjs\.dev/, 'no internals shown');
    await checkPage(t, page, record, origin, 'desktop-sign-in-error');
    assert.equal((await sessionCookies())[0]?.value, before, 'the replay opened no session');
  });

  test('a bad address shows the field error and no mail is sent', async (t) => {
    assert.ok(smtp);
    const signedOut = await newContext('mobile');
    try {
      const other = await signedOut.newPage();
      const otherRecord = recordPage(other);
      const mailsBefore = smtp.mails.length;
      const cases: [string, RegExp][] = [
        ['"a@evil.test"@victim.test', /quotation marks are not accepted/],
        ['victim＠example.org', /plain @ sign/],
        ['p\u0430ypal@example.com', /Cyrillic letters/],
      ];
      for (const [index, [address, message]] of cases.entries()) {
        await other.goto(`${origin}/sign-in`, { waitUntil: 'load' });
        const field = other.getByLabel('Email address');
        await field.fill(address);
        await other.getByRole('button', { name: 'Email me a sign-in link' }).click();
        const error = other.locator('#email-error');
        await error.waitFor();
        assert.match(await error.innerText(), message, `the error for ${address}`);
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
        assert.equal(await field.getAttribute('aria-describedby'), 'email-error');
        assert.equal(new URL(other.url()).pathname, '/sign-in', 'still on the sign-in page');
        if (index === 0) await checkPage(t, other, otherRecord, origin, 'mobile-sign-in-bad-email');
      }
      await delay(500);
      assert.equal(smtp.mails.length, mailsBefore, 'no mail went out for a refused address');
      assert.deepEqual(
        smtp.mails.filter((m) => m.to.some((to) => /victim|evil|paypal/i.test(to))),
        [],
      );
    } finally {
      await signedOut.close();
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 1: every server action guards itself                                                   */
/* ------------------------------------------------------------------------------------------ */

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** How an action's arguments travel, as React encodes them for a call from the browser. */
type ActionInput = { form: Record<string, string> } | { json: unknown[] };

/** Actions for visitors without a session (signing in), or harmless without one. */
const FOR_SIGNED_OUT_VISITORS = new Set([
  'requestSignInLinkAction',
  'signInWithProviderAction',
  'passkeySignInOptionsAction',
  'signInWithPasskeyAction',
  // Ending a session one does not have changes nothing; checked below on its own.
  'signOutAction',
  // The signed link in the follow-up mail is the authority for that one answer (its refusals
  // are tested with the follow-ups).
  'answerFollowUpAction',
  // The signed link in the "contact details are changing" mail is the authority to stop that
  // one change (its refusals are tested with the contact changes).
  'stopContactChangeAction',
]);

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const clientDataJSON = base64urlJson({
  type: 'webauthn.get',
  challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
  origin: 'http://127.0.0.1',
});

/** The fields of a review that pass the form's validation. */
const VALID_REVIEW = {
  rating: '5',
  body: 'Four sessions for my neck; she checked my shoulders first and it has stayed better.',
};

/**
 * For each action that needs a session: input that passes its validation, so the request
 * reaches the guard (an action that validates first would otherwise only say "validation").
 * A new action must be added here: the test fails for any action it does not know.
 */
const VALID_INPUT: Record<string, () => ActionInput> = {
  updateDisplayNameAction: () => ({ form: { displayName: 'Calm Heron 42' } }),
  endSessionAction: () => ({ form: { sessionId: randomUUID() } }),
  signOutEverywhereAction: () => ({ form: {} }),
  deleteAccountAction: () => ({
    form: { reviews: 'anonymise', confirmEmail: 'someone@example.org' },
  }),
  renamePasskeyAction: () => ({ form: { id: randomUUID(), name: 'Work laptop' } }),
  removePasskeyAction: () => ({ form: { id: randomUUID() } }),
  setBannedAction: () => ({ form: { userId: randomUUID(), banned: 'true' } }),
  setMemberRoleAction: () => ({ form: { userId: randomUUID(), role: 'admin' } }),
  submitReviewAction: () => ({ form: { slug: 'some-therapist', ...VALID_REVIEW } }),
  updateReviewAction: () => ({ form: { reviewId: '1', ...VALID_REVIEW } }),
  deleteReviewAction: () => ({ form: { reviewId: '1' } }),
  helpfulVoteAction: () => ({ form: { reviewId: '1', helpful: 'true' } }),
  reportReviewAction: () => ({ form: { reviewId: '1', reason: 'fake', note: '' } }),
  decideReviewAction: () => ({
    form: { reviewId: '1', decision: 'approve', reason: 'meets_guidelines' },
  }),
  appealDecisionAction: () => ({ form: { reviewId: '1', statement: 'Please look again.' } }),
  decideAppealAction: () => ({
    form: { appealId: '1', outcome: 'overturned', reason: 'meets_guidelines' },
  }),
  submitLicenceAction: () => ({
    form: {
      slug: 'some-therapist',
      licenseState: 'NY',
      licenseNumber: '012345',
      licenseName: 'Maya Rodriguez',
    },
  }),
  verifyClaimCodeAction: () => ({ form: { claimId: '1', code: '123456' } }),
  resendClaimCodeAction: () => ({ form: { claimId: '1' } }),
  submitEvidenceAction: () => ({
    form: { slug: 'some-therapist', evidence: 'I work at this clinic.', links: '' },
  }),
  addClaimEvidenceAction: () => ({
    form: { claimId: '1', evidence: 'My licence is on the state board.', links: '' },
  }),
  withdrawClaimAction: () => ({ form: { claimId: '1' } }),
  decideClaimAction: () => ({
    form: {
      claimId: '1',
      decision: 'refuse',
      message: 'Not enough evidence.',
      version: '2025-01-01T00:00:00.000Z',
      holder: '',
    },
  }),
  saveListingProfileAction: () => ({
    form: {
      headline: 'Deep tissue for runners',
      language: 'en',
      pressureMin: '1',
      pressureMax: '5',
    },
  }),
  requestContactChangeAction: () => ({
    form: { contactEmail: 'new@example.com', phone: '', website: '', bookingUrl: '' },
  }),
  cancelContactChangeAction: () => ({ form: {} }),
  submitNewListingAction: () => ({
    form: {
      name: 'Test Person',
      headline: 'Massage',
      'location.name': 'Studio',
      'location.address': '1 Main St',
      'location.city': 'Austin',
      'location.region': 'TX',
      'location.postalCode': '78701',
      'location.startsOn': '2024-01-01',
    },
  }),
  sendInvitationsAction: () => ({
    form: {
      emails: [1, 2, 3, 4, 5].map((n) => `client${n}@example.org`).join('\n'),
      confirm: 'yes',
    },
  }),
  saveReplyAction: () => ({ form: { reviewId: '1', body: 'Thank you for the review.' } }),
  deleteReplyAction: () => ({ form: { reviewId: '1' } }),
  decideReplyAction: () => ({
    form: { replyId: '1', decision: 'approve', reason: 'keeps_confidence' },
  }),
  passkeyRegistrationOptionsAction: () => ({ json: [] }),
  passkeyStepUpOptionsAction: () => ({ json: [] }),
  registerPasskeyAction: () => ({
    json: [
      {
        response: {
          id: 'AAAAAAAAAAAAAAAAAAAAAA',
          rawId: 'AAAAAAAAAAAAAAAAAAAAAA',
          type: 'public-key',
          clientExtensionResults: {},
          response: {
            clientDataJSON: base64urlJson({
              type: 'webauthn.create',
              challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
              origin: 'http://127.0.0.1',
            }),
            attestationObject: 'o2NmbXRkbm9uZQ',
          },
        },
      },
    ],
  }),
  confirmWithPasskeyAction: () => ({
    json: [
      {
        response: {
          id: 'AAAAAAAAAAAAAAAAAAAAAA',
          rawId: 'AAAAAAAAAAAAAAAAAAAAAA',
          type: 'public-key',
          clientExtensionResults: {},
          response: {
            clientDataJSON,
            authenticatorData: 'SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ',
            signature: 'MEUCIQ',
          },
        },
      },
    ],
  }),
};

/** The guard's answer in an ActionResult: unauthorized, with a message and nothing else. */
function isUnauthorized(result: Record<string, unknown> | null): boolean {
  return (
    result !== null &&
    result.ok === false &&
    result.code === 'unauthorized' &&
    typeof result.message === 'string' &&
    result.message.length > 0 &&
    JSON.stringify(result.fieldErrors) === '{}' &&
    result.retryAfter === null &&
    Object.keys(result).length === 5
  );
}

interface ActionOutcome {
  status: number;
  /** Where the action (x-action-redirect) or the proxy (Location) sends the visitor. */
  redirect: string | null;
  /** The ActionResult in the RSC payload, if there is one. */
  result: Record<string, unknown> | null;
  body: string;
}

/** The first object with an `ok` flag (an ActionResult) in a parsed RSC row. */
function findResult(value: unknown, depth = 0): Record<string, unknown> | null {
  if (!value || typeof value !== 'object' || depth > 4) return null;
  if (!Array.isArray(value) && typeof (value as { ok?: unknown }).ok === 'boolean') {
    return value as Record<string, unknown>;
  }
  for (const child of Object.values(value)) {
    const found = findResult(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The ActionResult among the rows (`<id>:<json>`) of an RSC payload. */
function actionResultIn(payload: string): Record<string, unknown> | null {
  for (const line of payload.split('\n')) {
    const row = /^[0-9a-f]+:([[{].*)$/.exec(line);
    if (!row) continue;
    try {
      const found = findResult(JSON.parse(row[1] ?? ''));
      if (found) return found;
    } catch {
      // Not a JSON row.
    }
  }
  return null;
}

async function outcomeOf(response: APIResponse): Promise<ActionOutcome> {
  const headers = response.headers();
  const target = headers['x-action-redirect']?.split(';')[0] ?? headers.location ?? null;
  const body = await response.text();
  return {
    status: response.status(),
    redirect: target === null ? null : new URL(target, origin).pathname,
    result: actionResultIn(body),
    body,
  };
}

function describeOutcome(outcome: ActionOutcome): string {
  return JSON.stringify({
    status: outcome.status,
    redirect: outcome.redirect,
    result: outcome.result,
    body: outcome.result ? undefined : outcome.body.slice(0, 300),
  });
}

/** The page whose bundle holds the action: the action is posted to it, as a form would be. */
function pagePathOf(entry: ManifestEntry): string {
  const workers = Object.keys(entry.workers).filter(
    (w) => w.startsWith('app/') && w.endsWith('/page') && !w.includes('_not-found'),
  );
  // A page without dynamic segments if there is one; otherwise each segment becomes "1".
  const worker = workers.find((w) => !/[[\]()@]/.test(w)) ?? workers[0];
  assert.ok(worker, `no page holds the action ${entry.exportedName ?? ''}`);
  const route = worker
    .slice('app'.length, -'/page'.length)
    .replace(/\/\([^)]*\)/g, '')
    .replace(/\[[^\]]+\]/g, '1');
  return route === '' ? '/' : route;
}

async function postAction(
  api: APIRequestContext,
  id: string,
  pagePath: string,
  input: ActionInput,
  extraHeaders: Record<string, string>,
): Promise<ActionOutcome> {
  const headers = {
    'next-action': id,
    accept: 'text/x-component',
    origin,
    ...extraHeaders,
  };
  if ('form' in input) {
    // React's encoding of FormData arguments (`$K<n>`, fields `_<n>_<name>`): two copies of the
    // form, so that both (previous, form) and (form) actions receive it. The root (`0`) comes
    // last, as React sends it: the server reads a form's fields when it meets the root.
    const multipart = new FormData();
    for (const copy of [1, 2]) {
      for (const [name, value] of Object.entries(input.form)) {
        multipart.append(`_${copy}_${name}`, value);
      }
    }
    multipart.append('0', '["$K1","$K2"]');
    return outcomeOf(
      await api.post(`${origin}${pagePath}`, { headers, multipart, maxRedirects: 0 }),
    );
  }
  return outcomeOf(
    await api.post(`${origin}${pagePath}`, {
      headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
      data: JSON.stringify(input.json),
      maxRedirects: 0,
    }),
  );
}

describe('server actions without a session (TRUST 1)', () => {
  let api: APIRequestContext | undefined;
  let actions: [string, ManifestEntry][] = [];

  before(async () => {
    api = await apiRequest.newContext();
    const manifest = JSON.parse(
      await readFile(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
    ) as { node: Record<string, ManifestEntry> };
    actions = Object.entries(manifest.node);
  });

  after(async () => {
    await api?.dispose();
  });

  test('the build lists the actions this test knows', () => {
    assert.ok(actions.length > 0, 'no server action in the manifest');
    const names = actions.map(([, entry]) => entry.exportedName ?? '');
    const unknown = names.filter((n) => !FOR_SIGNED_OUT_VISITORS.has(n) && !VALID_INPUT[n]);
    assert.deepEqual(
      unknown,
      [],
      'server actions without an entry in VALID_INPUT (journeys/sign-in.ts): add valid input for each, or list it as meant for signed-out visitors',
    );
    for (const name of ['requestSignInLinkAction', 'signOutAction', 'updateDisplayNameAction']) {
      assert.ok(names.includes(name), `${name} is missing from the manifest`);
    }
  });

  const VARIANTS: [string, Record<string, string>][] = [
    ['a forged session cookie', { cookie: 'authjs.session-token=forged-session-token' }],
    [
      'a forged cookie and x-middleware-subrequest',
      {
        cookie: 'authjs.session-token=forged-session-token',
        'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy',
      },
    ],
    ['no cookie', {}],
    [
      'no cookie and x-middleware-subrequest',
      { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    ],
  ];

  for (const [label, extraHeaders] of VARIANTS) {
    test(`every action that needs a session refuses a POST with ${label}`, async (t) => {
      assert.ok(api);
      const failures: string[] = [];
      let checked = 0;
      for (const [id, entry] of actions) {
        const name = entry.exportedName ?? id;
        const valid = VALID_INPUT[name];
        if (!valid) continue;
        const pagePath = pagePathOf(entry);
        for (const [inputLabel, input] of [
          ['valid input', valid()],
          ['empty input', 'form' in valid() ? { form: {} } : { json: [] }],
        ] as const) {
          const outcome = await postAction(api, id, pagePath, input, extraHeaders);
          checked += 1;
          // The guard's own answer: the unauthorized result, or a redirect to sign in.
          const guarded =
            isUnauthorized(outcome.result) ||
            (outcome.redirect === '/sign-in' && outcome.result === null);
          // Without a cookie the proxy may already send the visitor to sign in (307).
          const proxied =
            !extraHeaders.cookie && outcome.status === 307 && outcome.redirect === '/sign-in';
          // Input refused before the guard is also no success (only for the empty input).
          const invalid =
            inputLabel === 'empty input' &&
            outcome.result?.ok === false &&
            outcome.result.code === 'validation';
          if (!(guarded || proxied || invalid) || outcome.result?.ok === true) {
            failures.push(`${name} (${inputLabel}) on ${pagePath}: ${describeOutcome(outcome)}`);
          }
        }
      }
      t.diagnostic(`${checked} raw action POSTs checked`);
      assert.deepEqual(failures, [], 'actions that did not refuse a visitor without a session');
    });
  }

  test('signing out without a session changes nothing and goes home', async () => {
    assert.ok(api);
    const signOut = actions.find(([, entry]) => entry.exportedName === 'signOutAction');
    assert.ok(signOut, 'signOutAction is missing from the manifest');
    const [id, entry] = signOut;
    const outcome = await postAction(api, id, pagePathOf(entry), { json: [] }, {});
    assert.equal(outcome.redirect, '/', describeOutcome(outcome));
    assert.equal(outcome.result, null);
  });

  test('the sign-in link action checks the address before anything else', async () => {
    assert.ok(api && smtp);
    const action = actions.find(([, entry]) => entry.exportedName === 'requestSignInLinkAction');
    assert.ok(action);
    const [id, entry] = action;
    const mailsBefore = smtp.mails.length;
    const outcome = await postAction(
      api,
      id,
      pagePathOf(entry),
      { form: { email: '"a@evil.test"@victim.test', callbackUrl: '/' } },
      {},
    );
    assert.deepEqual(outcome.result, {
      ok: false,
      code: 'validation',
      message: 'Email addresses with quotation marks are not accepted.',
      fieldErrors: { email: 'Email addresses with quotation marks are not accepted.' },
      retryAfter: null,
    });
    const empty = await postAction(api, id, pagePathOf(entry), { json: [] }, {});
    assert.equal(empty.result?.ok, false, describeOutcome(empty));
    assert.equal(empty.result?.code, 'validation', describeOutcome(empty));
    await delay(300);
    assert.equal(smtp.mails.length, mailsBefore, 'no mail was sent');
  });

  test('/account shows nothing without a session, whatever the headers say', async () => {
    assert.ok(api);
    const variants: Record<string, string>[] = [
      { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      {
        'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy',
        cookie: 'authjs.session-token=forged-session-token',
      },
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    ];
    for (const headers of variants) {
      const response: APIResponse = await api.get(`${origin}/account`, {
        headers,
        maxRedirects: 0,
      });
      const label = JSON.stringify(headers);
      assert.equal(response.status(), 307, `${label}: /account must send the visitor to sign in`);
      const target = new URL(response.headers().location ?? '', origin);
      assert.equal(target.pathname, '/sign-in', label);
      assert.equal(target.searchParams.get('callbackUrl'), '/account', label);
      const body = await response.text();
      // The page's title may be in the shell; nothing of the account is.
      assert.doesNotMatch(body, /Where you are signed in|Download your data|Public name/, label);
      assert.doesNotMatch(body, /Sign out/, `${label}: the header shows a signed-out visitor`);
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* TRUST 7: security headers everywhere                                                         */
/* ------------------------------------------------------------------------------------------ */

describe('security headers (TRUST 7)', () => {
  test('on a page, an error page and a 404', async (t) => {
    const context = await newContext('desktop');
    try {
      const page = await context.newPage();
      const home = await page.goto(`${origin}/`, { waitUntil: 'load' });
      assert.ok(home);
      assert.equal(home.status(), 200);
      checkSecurityHeaders(t, home, 'home page');

      const errorPage = await page.goto(`${origin}/sign-in/error?error=Verification`, {
        waitUntil: 'load',
      });
      assert.ok(errorPage);
      assert.equal(errorPage.status(), 200);
      checkSecurityHeaders(t, errorPage, 'sign-in error page');
      await page
        .getByRole('heading', { level: 1, name: 'This sign-in link no longer works' })
        .waitFor();

      const missing = await page.goto(`${origin}/no-such-page-${randomUUID().slice(0, 8)}`, {
        waitUntil: 'load',
      });
      assert.ok(missing);
      assert.equal(missing.status(), 404);
      checkSecurityHeaders(t, missing, '404 page');

      const refused = await page.request.post(
        `${origin}/api/auth/callback/email?token=x&email=a%40example.org`,
        { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' } },
      );
      assert.equal(refused.status(), 403, 'a cross-site confirmation is refused');
      assert.equal(refused.headers()['x-content-type-options'], 'nosniff');
    } finally {
      await context.close();
    }
  });
});
