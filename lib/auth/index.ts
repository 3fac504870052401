import 'server-only';
import NextAuth from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { AppError, toErrorResponse } from '@/lib/errors';
import { authConfig, signInContext } from './config';
import { deviceLabel } from './device';
import { admitSignInEmail } from './sign-in';
import { EMAIL_PROVIDER_ID, onSiteOrigin } from './settings';
import type { SignInMethod } from '@/db/schema';

/** The one Auth.js instance; its setup is read per request, so tests can swap the database. */
const nextAuth = NextAuth(() => authConfig());

/** Server-side sign-in for our own forms (server actions). */
export const { signIn } = nextAuth;

const AUTH_PREFIX = '/api/auth/';
const EMAIL_CALLBACK = `callback/${EMAIL_PROVIDER_ID}`;
const EMAIL_SIGN_IN = `signin/${EMAIL_PROVIDER_ID}`;

function actionOf(request: NextRequest): string {
  const { pathname } = request.nextUrl;
  return pathname.startsWith(AUTH_PREFIX) ? pathname.slice(AUTH_PREFIX.length) : '';
}

/** True when the browser says the request comes from one of our own pages. */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const expected = process.env.AUTH_URL
    ? new URL(process.env.AUTH_URL).origin
    : new URL(request.url).origin;
  return origin === expected;
}

function methodFor(action: string): SignInMethod {
  const provider = action.split('/')[1];
  return provider === 'github' || provider === 'google' ? provider : 'email';
}

function withContext(request: NextRequest, action: string, run: () => Promise<Response>) {
  return signInContext.run(
    { method: methodFor(action), device: deviceLabel(request.headers.get('user-agent')) },
    run,
  );
}

/** This site's origin: AUTH_URL's when it is set (behind a proxy), else the request's. */
function siteOrigin(request: NextRequest): string {
  return process.env.AUTH_URL ? new URL(process.env.AUTH_URL).origin : request.nextUrl.origin;
}

/**
 * Where an Auth.js redirect should really go:
 *
 * - back to this origin when Auth.js wrote it as `localhost` (see onSiteOrigin), so that the
 *   browser stays on the origin holding its cookies;
 * - refusals of the "sign-in" kind (an OAuth account whose email belongs to another account, a
 *   missing CSRF token) go to the sign-in page, which has no place for them: they go to the
 *   error page, like every other refusal.
 */
function settleRedirect(response: Response, origin: string): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  let target = onSiteOrigin(location, origin);
  if (!target) return response;
  if (target.pathname === '/sign-in' && target.searchParams.has('error')) {
    const error = target.searchParams.get('error') ?? '';
    target = new URL('/sign-in/error', origin);
    target.searchParams.set('error', error);
  }
  if (target.toString() === new URL(location, origin).toString()) return response;
  const headers = new Headers(response.headers);
  headers.set('location', target.toString());
  return new Response(null, { status: response.status, headers });
}

function runAuth(request: NextRequest, action: string, handler: 'GET' | 'POST') {
  return withContext(request, action, async () =>
    settleRedirect(await nextAuth.handlers[handler](request), siteOrigin(request)),
  );
}

/** The fields of a sign-in form post, whichever way it is encoded; null when it is not a form. */
async function formOf(request: NextRequest): Promise<URLSearchParams | null> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const json: unknown = await request.clone().json();
      if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
      const fields = new URLSearchParams();
      for (const [key, value] of Object.entries(json)) {
        if (typeof value === 'string') fields.set(key, value);
      }
      return fields;
    }
    if (
      type.includes('application/x-www-form-urlencoded') ||
      type.includes('multipart/form-data')
    ) {
      const fields = new URLSearchParams();
      for (const [key, value] of await request.clone().formData()) {
        if (typeof value === 'string') fields.set(key, value);
      }
      return fields;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * GET /api/auth/*. Opening a sign-in link never signs in: mail scanners and link previews
 * fetch it too. It shows the confirmation page, whose POST uses the token.
 */
export async function handleAuthGet(request: NextRequest): Promise<Response> {
  const action = actionOf(request);
  if (action === EMAIL_CALLBACK) {
    const confirm = new URL('/sign-in/confirm', siteOrigin(request));
    confirm.search = request.nextUrl.search;
    return NextResponse.redirect(confirm, 303);
  }
  return runAuth(request, action, 'GET');
}

/**
 * POST /api/auth/*. The email sign-in passes the same address checks and rate limits as our
 * sign-in form (422 or 429 with Retry-After); the confirmation POST must come from our page.
 */
export async function handleAuthPost(request: NextRequest): Promise<Response> {
  const action = actionOf(request);
  try {
    if (action === EMAIL_CALLBACK && !isSameOrigin(request)) {
      throw new AppError('forbidden', 'Open the link from your email to sign in.');
    }
    if (action === EMAIL_SIGN_IN) {
      const form = await formOf(request);
      if (!form) {
        throw new AppError('validation', 'Send the sign-in form as a form.', {
          issues: [{ field: 'email', message: 'Enter your email address.' }],
        });
      }
      form.set('email', await admitSignInEmail(form.get('email'), request.headers));
      // The checked fields, sent on as the form Auth.js reads (its own type and length).
      const headers = new Headers(request.headers);
      headers.delete('content-type');
      headers.delete('content-length');
      const forwarded = new NextRequest(request.url, { method: 'POST', headers, body: form });
      return await runAuth(forwarded, action, 'POST');
    }
  } catch (error) {
    return toErrorResponse(error);
  }
  return runAuth(request, action, 'POST');
}
