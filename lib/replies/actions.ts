'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields } from '@/lib/input';
import { getViewer, requireRole } from '@/lib/auth/viewer';
import { decideReply, deleteReply, saveReply } from './mutations';
import type { OwnReply, SavedReply } from './types';

const DASHBOARD = '/dashboard/reviews';
const QUEUE = '/moderation/replies';

function profilePath(slug: string): string {
  return `/therapists/${encodeURIComponent(slug)}`;
}

/** What the composer learns after a save: the reply as stored (published or held, and why). */
export type SaveReplyState = {
  result: ActionResult<{ outcome: SavedReply['outcome']; reply: OwnReply }>;
  /** The text as sent, shown again when it was refused. */
  body: string;
} | null;
export type DeleteReplyState = ActionResult<{ reviewId: number }> | null;
export type DecideReplyState = ActionResult<string> | null;

/** Saves the owner's reply to a review (creates it, or edits it). */
export async function saveReplyAction(
  _previous: SaveReplyState,
  form: FormData,
): Promise<SaveReplyState> {
  const sent = form.get('body');
  const result = await runAction('saveReply', async () => {
    const saved = await saveReply(await getViewer(), formFields(form));
    revalidatePath(DASHBOARD);
    revalidatePath(profilePath(saved.therapistSlug));
    return { outcome: saved.outcome, reply: saved.reply };
  });
  return { result, body: typeof sent === 'string' ? sent.slice(0, 10_000) : '' };
}

/** Deletes the owner's reply to a review. */
export async function deleteReplyAction(
  _previous: DeleteReplyState,
  form: FormData,
): Promise<DeleteReplyState> {
  return runAction('deleteReply', async () => {
    const deleted = await deleteReply(await getViewer(), formFields(form));
    revalidatePath(DASHBOARD);
    revalidatePath(profilePath(deleted.therapistSlug));
    return { reviewId: deleted.reviewId };
  });
}

/**
 * A moderator publishes or removes a held reply, with a reason; then the queue opens again with
 * the outcome at its top (the decided reply has left the list).
 */
export async function decideReplyAction(
  _previous: DecideReplyState,
  form: FormData,
): Promise<DecideReplyState> {
  let next = '';
  const result = await runAction('decideReply', async () => {
    const fields = formFields(form);
    const viewer = requireRole(await getViewer(), 'moderator');
    const outcome = await decideReply(viewer, fields);
    revalidatePath(QUEUE);
    revalidatePath(DASHBOARD);
    revalidatePath(profilePath(outcome.therapistSlug));
    next = `${QUEUE}?decided=${outcome.replyId}&status=${outcome.status}`;
    return outcome.status;
  });
  if (result.ok) redirect(next);
  return result;
}
