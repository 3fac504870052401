'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { getViewer, requireSignedIn } from '@/lib/auth/viewer';
import { clientAddress } from '@/lib/rate-limit';
import { echoFormValues, reviewInput, reviewInvitationField, type ReviewFormValues } from './input';
import { createReview, deleteReview, updateReview, type OwnReviewResult } from './mutations';

/** A refused submission, with what was typed so the form can show it again. */
export type ReviewFormState = {
  error: Extract<ActionResult, { ok: false }>;
  values: ReviewFormValues;
} | null;

export type DeleteReviewState = Extract<ActionResult, { ok: false }> | null;

// The target travels in a hidden field (bound arguments do not survive a submission without
// JavaScript reliably); like every field it is checked, and the data layer authorizes.
const slugField = z.strictObject({
  slug: z
    .string({ error: 'We could not find that therapist.' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'We could not find that therapist.')
    .max(200, 'We could not find that therapist.'),
});
const reviewIdField = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
  z
    .number({ error: 'That review does not exist.' })
    .int('That review does not exist.')
    .positive('That review does not exist.')
    .max(2_147_483_647, 'That review does not exist.'),
);
const reviewIdInput = z.strictObject({ reviewId: reviewIdField });

function profilePath(slug: string): string {
  return `/therapists/${encodeURIComponent(slug)}`;
}

/**
 * The profile, told how the review came out: ?review=published | pending | not_recommended, and
 * &invitation=not_applied when an invitation link came with it but could not be used.
 */
function landing(result: OwnReviewResult): string {
  const invitation = result.invitation?.applied === false ? '&invitation=not_applied' : '';
  return `${profilePath(result.review.therapistSlug)}?review=${result.review.status}${invitation}#reviews`;
}

/** Splits the hidden target field from the review's fields. */
function splitTarget<K extends string>(
  form: FormData,
  key: K,
): { target: Record<K, unknown>; fields: Record<string, string | string[]> } {
  const { [key]: value, ...fields } = formFields(form);
  return { target: { [key]: value } as Record<K, unknown>, fields };
}

/** Publishes (or holds for a moderator) the viewer's review of the therapist in `slug`. */
export async function submitReviewAction(
  _previous: ReviewFormState,
  form: FormData,
): Promise<ReviewFormState> {
  const { target: raw, fields: withInvitation } = splitTarget(form, 'slug');
  // The invitation token travels in a hidden field of its own, apart from the review's fields.
  const { invitation: rawInvitation, ...fields } = withInvitation;
  const result = await runAction('submitReview', async () => {
    const target = parseInput(slugField, raw);
    const { invitation } = parseInput(reviewInvitationField, { invitation: rawInvitation });
    const input = parseInput(reviewInput, fields);
    const viewer = requireSignedIn(await getViewer());
    const review = await createReview(viewer, target.slug, input, {
      clientAddress: clientAddress(await headers()),
      invitation: invitation ?? null,
    });
    revalidatePath(profilePath(review.review.therapistSlug));
    return review;
  });
  if (result.ok) redirect(landing(result.data));
  return { error: result, values: echoFormValues(fields) };
}

/** Saves a new version of the viewer's own review. */
export async function updateReviewAction(
  _previous: ReviewFormState,
  form: FormData,
): Promise<ReviewFormState> {
  const { target: raw, fields } = splitTarget(form, 'reviewId');
  const result = await runAction('updateReview', async () => {
    const target = parseInput(reviewIdInput, raw);
    const input = parseInput(reviewInput, fields);
    const viewer = requireSignedIn(await getViewer());
    const review = await updateReview(viewer, target.reviewId, input);
    revalidatePath(profilePath(review.review.therapistSlug));
    return review;
  });
  if (result.ok) redirect(landing(result.data));
  return { error: result, values: echoFormValues(fields) };
}

/** Deletes the viewer's own review. */
export async function deleteReviewAction(
  _previous: DeleteReviewState,
  form: FormData,
): Promise<DeleteReviewState> {
  const result = await runAction('deleteReview', async () => {
    const { reviewId } = parseInput(reviewIdInput, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    const deleted = await deleteReview(viewer, reviewId);
    revalidatePath(profilePath(deleted.therapistSlug));
    return deleted;
  });
  if (result.ok) redirect(`${profilePath(result.data.therapistSlug)}?review=deleted#reviews`);
  return result;
}
