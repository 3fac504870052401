import 'server-only';
import NextAuth from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { AppError, toErrorResponse } from '@/lib/errors';
import { authConfig, signInContext } from './config';
import { deviceLabel } from './device';
import { admitSignInEmail } from './sign-in';
import { EMAIL_PROVIDER_ID } from './settings';
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

/**
 * GET /api/auth/*. Opening a sign-in link never signs in: mail scanners and link previews
 * fetch it too. It shows the confirmation page, whose POST uses the token.
 */
export async function handleAuthGet(request: NextRequest): Promise<Response> {
  const action = actionOf(request);
  if (action === EMAIL_CALLBACK) {
    const confirm = new URL('/sign-in/confirm', request.nextUrl.origin);
    confirm.search = request.nextUrl.search;
    return NextResponse.redirect(confirm, 303);
  }
  return withContext(request, action, () => nextAuth.handlers.GET(request));
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
      const form = await request.clone().formData();
      const email = await admitSignInEmail(form.get('email'), request.headers);
      form.set('email', email);
      const body = new URLSearchParams();
      for (const [key, value] of form) if (typeof value === 'string') body.set(key, value);
      const forwarded = new NextRequest(request.url, {
        method: 'POST',
        headers: request.headers,
        body,
      });
      return await withContext(forwarded, action, () => nextAuth.handlers.POST(forwarded));
    }
  } catch (error) {
    return toErrorResponse(error);
  }
  return withContext(request, action, () => nextAuth.handlers.POST(request));
}
