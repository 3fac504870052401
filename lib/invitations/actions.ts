'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields } from '@/lib/input';
import { getViewer } from '@/lib/auth/viewer';
import { INVITATION_LIMITS } from './input';
import { sendInvitations, type SendInvitationsResult } from './mutations';

/** The outcome of a batch, with the typed list back after a refusal (never after a success). */
export type SendInvitationsState = {
  result: ActionResult<SendInvitationsResult>;
  emails: string;
} | null;

/** Sends the owner's invitations; the data layer parses the form and authorizes. */
export async function sendInvitationsAction(
  _previous: SendInvitationsState,
  form: FormData,
): Promise<SendInvitationsState> {
  const fields = formFields(form);
  const result = await runAction('sendInvitations', async () => {
    const sent = await sendInvitations(await getViewer(), fields);
    revalidatePath('/dashboard/invitations');
    return sent;
  });
  const typed = typeof fields.emails === 'string' ? fields.emails : '';
  return {
    result,
    emails: result.ok ? '' : typed.slice(0, INVITATION_LIMITS.maxLength),
  };
}
