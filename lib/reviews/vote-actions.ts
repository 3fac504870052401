'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { getViewer, requireSignedIn } from '@/lib/auth/viewer';
import { setHelpfulVote, type HelpfulVoteResult } from './votes';

const voteInput = z.strictObject({
  reviewId: z
    .string({ error: 'Choose a review.' })
    .regex(/^\d{1,10}$/, { error: 'Choose a review.' })
    .transform(Number)
    .pipe(z.number().int().min(1).max(2_147_483_647, { error: 'Choose a review.' })),
  /** The state asked for ("true": helpful), so a form sent twice votes once. */
  helpful: z
    .enum(['true', 'false'], { error: 'Say whether the review was helpful.' })
    .transform((value) => value === 'true'),
});

/** Marks a review helpful, or takes the mark back. Works as a plain form POST without scripts. */
export async function helpfulVoteAction(
  _previous: ActionResult<HelpfulVoteResult> | null,
  form: FormData,
): Promise<ActionResult<HelpfulVoteResult>> {
  return runAction('helpfulVote', async () => {
    const { reviewId, helpful } = parseInput(voteInput, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    const result = await setHelpfulVote(viewer, reviewId, helpful);
    revalidatePath(`/therapists/${result.therapistSlug}`);
    return result;
  });
}
