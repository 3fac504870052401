'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { endAllSessions, endSession } from '@/lib/auth/sessions';
import { sessionCookieName } from '@/lib/auth/settings';
import { getViewer, requireSignedIn } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import {
  deleteAccount,
  deleteAccountInput,
  displayNameInput,
  updateDisplayName,
} from './mutations';

const endSessionInput = z.strictObject({
  sessionId: z.uuid({ error: 'That session is not one of yours.' }),
});
const noFields = z.strictObject({});

async function forgetSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}

/** Changes the public name shown on the viewer's reviews (and in the header). */
export async function updateDisplayNameAction(
  _previous: ActionResult<{ displayName: string }> | null,
  form: FormData,
): Promise<ActionResult<{ displayName: string }>> {
  return runAction('updateDisplayName', async () => {
    const input = parseInput(displayNameInput, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    const result = await updateDisplayName(viewer, input);
    revalidatePath('/', 'layout');
    return result;
  });
}

/** Ends one of the viewer's sessions; ending this one signs out here. */
export async function endSessionAction(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return runAction('endSession', async () => {
    const { sessionId } = parseInput(endSessionInput, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    const ended = await endSession(viewer, sessionId);
    if (!ended) throw new AppError('not_found', 'That session has already ended.');
    if (sessionId === viewer.sessionId) {
      await forgetSessionCookie();
      redirect('/');
    }
    revalidatePath('/account');
    return null;
  });
}

/** Ends every session of the viewer, on every device, this one included. */
export async function signOutEverywhereAction(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction('signOutEverywhere', async () => {
    parseInput(noFields, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    await endAllSessions(viewer);
    await forgetSessionCookie();
    return null;
  });
  if (result.ok) redirect('/');
  return result;
}

/** Deletes the viewer's account, as the deletion form chose; signs out everywhere. */
export async function deleteAccountAction(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  let choice = '';
  const result = await runAction('deleteAccount', async () => {
    const input = parseInput(deleteAccountInput, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    const deleted = await deleteAccount(viewer, input);
    await forgetSessionCookie();
    choice = deleted.reviews;
    return null;
  });
  if (result.ok) redirect(`/account-deleted?reviews=${choice}`);
  return result;
}
