'use server';

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { clientAddress, consumeRateLimit } from '@/lib/rate-limit';
import {
  authenticationResponseSchema,
  finishPasskeyRegistration,
  finishPasskeySignIn,
  finishPasskeyStepUp,
  passkeySignInLimit,
  registrationResponseSchema,
  relyingParty,
  removePasskey,
  renamePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
  startPasskeyStepUp,
  type AuthenticationOptions,
  type PasskeySummary,
  type RegistrationOptions,
  type RelyingParty,
} from './passkeys';
import { endSession } from './sessions';
import { safeCallbackPath } from './settings';
import { getViewer, requireSignedIn } from './viewer';

/*
 * Every action that needs a session checks it before reading its input, so a visitor without
 * one learns nothing about what the action expects.
 */

const SECURITY_PAGE = '/account/security';

/** The origin the browser says it is on (used only outside production, without AUTH_URL). */
function requestOrigin(request: Headers): string | null {
  const origin = request.get('origin');
  if (origin && origin !== 'null') return origin;
  const host = request.get('host');
  return host ? `${request.get('x-forwarded-proto') ?? 'http'}://${host}` : null;
}

async function currentRelyingParty(): Promise<RelyingParty> {
  return relyingParty(requestOrigin(await headers()));
}

/** Options to create a passkey for the signed-in viewer. */
export async function passkeyRegistrationOptionsAction(): Promise<
  ActionResult<RegistrationOptions>
> {
  return runAction('passkeyRegistrationOptions', async () =>
    startPasskeyRegistration(await getViewer(), await currentRelyingParty()),
  );
}

const registerSchema = z.strictObject({ response: registrationResponseSchema });

/** Stores the passkey the browser created; it also confirms this session. */
export async function registerPasskeyAction(input: unknown): Promise<ActionResult<PasskeySummary>> {
  return runAction('registerPasskey', async () => {
    const viewer = requireSignedIn(await getViewer());
    const { response } = parseInput(registerSchema, input);
    const passkey = await finishPasskeyRegistration(viewer, await currentRelyingParty(), response);
    revalidatePath(SECURITY_PAGE);
    return passkey;
  });
}

/** Options to sign in with any passkey the browser holds for this site. */
export async function passkeySignInOptionsAction(): Promise<ActionResult<AuthenticationOptions>> {
  return runAction('passkeySignInOptions', async () => {
    await consumeRateLimit(passkeySignInLimit(), clientAddress(await headers()));
    return startPasskeySignIn(await currentRelyingParty());
  });
}

const signInSchema = z.strictObject({
  response: authenticationResponseSchema,
  callbackUrl: z.string().max(2000).optional(),
});

/** Signs in with a passkey: opens a session and sets its cookie. Returns where to go next. */
export async function signInWithPasskeyAction(
  input: unknown,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction('signInWithPasskey', async () => {
    const { response, callbackUrl } = parseInput(signInSchema, input);
    const request = await headers();
    const signedIn = await finishPasskeySignIn(await currentRelyingParty(), response, {
      userAgent: request.get('user-agent'),
    });
    const previous = await getViewer();
    if (previous) await endSession(previous, previous.sessionId);
    const { name, value, options } = signedIn.cookie;
    (await cookies()).set(name, value, options);
    return { redirectTo: safeCallbackPath(callbackUrl) };
  });
}

/** Options for the signed-in viewer to confirm it is them with one of their passkeys. */
export async function passkeyStepUpOptionsAction(): Promise<ActionResult<AuthenticationOptions>> {
  return runAction('passkeyStepUpOptions', async () =>
    startPasskeyStepUp(await getViewer(), await currentRelyingParty()),
  );
}

const stepUpSchema = z.strictObject({ response: authenticationResponseSchema });

/** Confirms this session with one of the viewer's passkeys. */
export async function confirmWithPasskeyAction(
  input: unknown,
): Promise<ActionResult<{ confirmedUntil: Date }>> {
  return runAction('confirmWithPasskey', async () => {
    const viewer = requireSignedIn(await getViewer());
    const { response } = parseInput(stepUpSchema, input);
    const confirmed = await finishPasskeyStepUp(viewer, await currentRelyingParty(), response);
    revalidatePath(SECURITY_PAGE);
    return confirmed;
  });
}

const passkeyId = z.string().min(1, 'Choose a passkey.').max(100, 'Choose a passkey.');

const renameSchema = z.strictObject({
  id: passkeyId,
  name: z.string('Give the passkey a name.').max(500, 'Use 60 characters or fewer.'),
});

/** Renames one of the viewer's passkeys (a form: works without JavaScript). */
export async function renamePasskeyAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return runAction('renamePasskey', async () => {
    const viewer = requireSignedIn(await getViewer());
    const input = parseInput(renameSchema, formFields(form));
    const renamed = await renamePasskey(viewer, input.id, input.name);
    revalidatePath(SECURITY_PAGE);
    return `Renamed to “${renamed.name}”.`;
  });
}

const removeSchema = z.strictObject({ id: passkeyId });

/** Removes one of the viewer's passkeys (a form: works without JavaScript). */
export async function removePasskeyAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return runAction('removePasskey', async () => {
    const viewer = requireSignedIn(await getViewer());
    const input = parseInput(removeSchema, formFields(form));
    await removePasskey(viewer, input.id);
    revalidatePath(SECURITY_PAGE);
    return 'Passkey removed.';
  });
}
