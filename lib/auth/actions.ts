'use server';

import { cookies, headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { runAction, type ActionResult } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { signIn } from './index';
import { authErrorType, oauthProviders } from './config';
import { endSession } from './sessions';
import { admitSignInEmail } from './sign-in';
import {
  EMAIL_PROVIDER_ID,
  safeCallbackPath,
  sessionCookieName,
  usesSecureCookies,
} from './settings';
import { getViewer } from './viewer';

const SIGN_IN_FAILURES: Record<string, string> = {
  AccessDenied: 'This account cannot sign in.',
  EmailSignin: 'We could not send the email. Please try again in a minute.',
};

/** Sends a sign-in link: the address is checked and rate limited before Auth.js sees it. */
export async function requestSignInLinkAction(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction('requestSignInLink', async () => {
    const fields = form instanceof FormData ? form : new FormData();
    const email = await admitSignInEmail(fields.get('email'), await headers());
    const redirectTo = safeCallbackPath(fields.get('callbackUrl'));
    let next: string;
    try {
      next = String(await signIn(EMAIL_PROVIDER_ID, { email, redirectTo, redirect: false }));
    } catch (error) {
      unstable_rethrow(error);
      const type = authErrorType(error);
      throw new AppError(
        type === 'AccessDenied' ? 'forbidden' : 'unavailable',
        SIGN_IN_FAILURES[type] ?? SIGN_IN_FAILURES.EmailSignin!,
      );
    }
    const failure = new URL(next, 'http://unknot.invalid').searchParams.get('error');
    if (failure) {
      throw new AppError('unavailable', SIGN_IN_FAILURES[failure] ?? SIGN_IN_FAILURES.EmailSignin!);
    }
    return null;
  });
  if (result.ok) redirect('/sign-in/check-email');
  return result;
}

/** Starts an OAuth sign-in with a configured provider. */
export async function signInWithProviderAction(form: FormData): Promise<void> {
  const fields = form instanceof FormData ? form : new FormData();
  const provider = fields.get('provider');
  const known = oauthProviders().map((p) => p.id);
  if (typeof provider !== 'string' || !known.includes(provider)) redirect('/sign-in');
  await signIn(provider, { redirectTo: safeCallbackPath(fields.get('callbackUrl')) });
}

/** Ends this session on the server and forgets its cookie. */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endSession(viewer, viewer.sessionId);
  // A `__Secure-` cookie is only replaced (here: expired) by a cookie that is Secure too.
  (await cookies()).set(sessionCookieName(), '', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: usesSecureCookies(),
    maxAge: 0,
  });
  redirect('/');
}
