'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { answerFollowUp, followUpAnswerInput, type FollowUpAnswered } from './mutations';

/**
 * Saves the answer to a "Still better?" question. No sign-in: the signed token in the form is the
 * authority for exactly that one answer (checked in answerFollowUp, with a rate limit per
 * client address).
 */
export async function answerFollowUpAction(
  _previous: ActionResult<FollowUpAnswered> | null,
  form: FormData,
): Promise<ActionResult<FollowUpAnswered>> {
  return runAction('answerFollowUp', async () => {
    const input = parseInput(followUpAnswerInput, formFields(form));
    const answered = await answerFollowUp(input, await headers());
    if (answered.therapistSlug) revalidatePath(`/therapists/${answered.therapistSlug}`);
    return answered;
  });
}
