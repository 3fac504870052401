'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { getViewer, requireRole, requireSignedIn } from '@/lib/auth/viewer';
import { appealDecision, appealDecisionInput, appealInput, decideAppeal } from './appeals';
import { decideReview, decisionInput } from './queue';
import { reportInput, reportReview } from './reports';

/** Therapist profiles show the reviews decisions change. */
const PROFILE = '/therapists/[slug]';

const id = (what: string) =>
  z.coerce
    .number({ error: `That ${what} does not exist.` })
    .int(`That ${what} does not exist.`)
    .positive(`That ${what} does not exist.`)
    .max(2_147_483_647, `That ${what} does not exist.`);

const reportForm = reportInput.extend({ reviewId: id('review') });
const decisionForm = z.strictObject({ reviewId: id('review') });
const appealForm = appealInput.extend({ reviewId: id('review') });
const appealDecisionForm = z.strictObject({ appealId: id('appeal') });

/** Splits an id field off a form: the rest goes to the mutation, which parses it strictly. */
function withId<K extends string>(fields: Record<string, unknown>, key: K) {
  const { [key]: value, ...rest } = fields;
  return { value, rest };
}

/** Reports a review to the moderators (signed-in members; once per review). */
export async function reportReviewAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return runAction('reportReview', async () => {
    const fields = formFields(form);
    const { reviewId } = parseInput(reportForm, fields);
    const viewer = requireSignedIn(await getViewer());
    const { rest } = withId(fields, 'reviewId');
    const outcome = await reportReview(viewer, reviewId, rest);
    if (outcome.held) revalidatePath(PROFILE, 'page');
    return outcome.reported
      ? 'Thank you: a moderator will read your report. The review stays up meanwhile.'
      : 'You have already reported this review; a moderator will read your report.';
  });
}

/**
 * A moderator publishes, does not recommend or removes a review, with a reason; then the queue
 * opens again with the outcome announced at its top (the decided review has left the list).
 */
export async function decideReviewAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  let next = '';
  const result = await runAction('decideReview', async () => {
    const fields = formFields(form);
    const { value, rest } = withId(fields, 'reviewId');
    const { reviewId } = parseInput(decisionForm, { reviewId: value });
    parseInput(decisionInput, rest);
    const viewer = requireRole(await getViewer(), 'moderator');
    const outcome = await decideReview(viewer, reviewId, rest);
    revalidatePath('/moderation');
    revalidatePath(PROFILE, 'page');
    next = `/moderation?decided=${outcome.reviewId}&status=${outcome.status}`;
    return outcome.status;
  });
  if (result.ok) redirect(next);
  return result;
}

/** The author of a review appeals the decision on it, once. */
export async function appealDecisionAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  return runAction('appealDecision', async () => {
    const fields = formFields(form);
    const { reviewId } = parseInput(appealForm, fields);
    const viewer = requireSignedIn(await getViewer());
    const { rest } = withId(fields, 'reviewId');
    await appealDecision(viewer, reviewId, rest);
    revalidatePath(`/moderation/appeal/${reviewId}`);
    return 'Your appeal is sent. A moderator who did not make the decision will decide it.';
  });
}

/** Another moderator keeps or overturns a decision under appeal; then back to the queue. */
export async function decideAppealAction(
  _previous: ActionResult<string> | null,
  form: FormData,
): Promise<ActionResult<string>> {
  let next = '';
  const result = await runAction('decideAppeal', async () => {
    const fields = formFields(form);
    const { value, rest } = withId(fields, 'appealId');
    const { appealId } = parseInput(appealDecisionForm, { appealId: value });
    parseInput(appealDecisionInput, rest);
    const viewer = requireRole(await getViewer(), 'moderator');
    const outcome = await decideAppeal(viewer, appealId, rest);
    revalidatePath('/moderation');
    revalidatePath(PROFILE, 'page');
    next = `/moderation?appeal=${outcome.appealId}&outcome=${outcome.outcome}`;
    return outcome.outcome;
  });
  if (result.ok) redirect(next);
  return result;
}
