'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields } from '@/lib/input';
import { getViewer } from '@/lib/auth/viewer';
import {
  cancelContactChange,
  requestContactChange,
  stopContactChangeByToken,
  type ContactChangeRequested,
} from './contact';
import { echoFields, type FormValues } from './input';
import { findPublishedListingByLicence, submitNewListing } from './new-listing';
import { updateListingProfile } from './profile';

type Failure = Extract<ActionResult, { ok: false }>;

/** After a save: what changed; after a refusal: why, and what was typed. */
export type ProfileFormState =
  | { status: 'saved'; changed: string[]; at: number }
  | { status: 'refused'; error: Failure; values: FormValues; at: number }
  | null;

function profilePath(slug: string): string {
  return `/therapists/${encodeURIComponent(slug)}`;
}

/** Saves the owner's profile form (the data layer authorizes and validates every field). */
export async function saveListingProfileAction(
  _previous: ProfileFormState,
  form: FormData,
): Promise<ProfileFormState> {
  const fields = formFields(form);
  const result = await runAction('saveListingProfile', async () =>
    updateListingProfile(await getViewer(), fields),
  );
  if (!result.ok)
    return { status: 'refused', error: result, values: echoFields(fields), at: Date.now() };
  revalidatePath('/dashboard', 'layout');
  revalidatePath(profilePath(result.data.slug));
  return { status: 'saved', changed: result.data.changed, at: Date.now() };
}

export type ContactFormState =
  | { status: 'requested'; change: ContactChangeRequested }
  | { status: 'refused'; error: Failure; values: FormValues }
  | null;

/** Asks for a change of the listing's contact details (it waits, and the old address is told). */
export async function requestContactChangeAction(
  _previous: ContactFormState,
  form: FormData,
): Promise<ContactFormState> {
  const fields = formFields(form);
  const result = await runAction('requestContactChange', async () =>
    requestContactChange(await getViewer(), fields),
  );
  if (!result.ok) return { status: 'refused', error: result, values: echoFields(fields, 1000) };
  revalidatePath('/dashboard', 'layout');
  return { status: 'requested', change: result.data };
}

/** The owner stops their waiting contact change. Takes no fields. */
export async function cancelContactChangeAction(
  _previous: ActionResult<{ changeId: number }> | null,
  form: FormData,
): Promise<ActionResult<{ changeId: number }>> {
  const result = await runAction('cancelContactChange', async () =>
    cancelContactChange(await getViewer(), formFields(form)),
  );
  if (result.ok) revalidatePath('/dashboard', 'layout');
  return result;
}

/**
 * Stops a waiting contact change from the link in the email to the listing's old address. No
 * sign-in: the signed token in the form is the authority for that one change.
 */
export async function stopContactChangeAction(
  _previous: ActionResult<{ therapistName: string; therapistSlug: string }> | null,
  form: FormData,
): Promise<ActionResult<{ therapistName: string; therapistSlug: string }>> {
  return runAction('stopContactChange', async () => {
    const stopped = await stopContactChangeByToken(formFields(form));
    revalidatePath('/dashboard', 'layout');
    return stopped;
  });
}

export type NewListingFormState = {
  error: Failure;
  values: FormValues;
  /** The public listing that already has the licence typed, to claim instead. */
  existing: { slug: string; name: string } | null;
} | null;

/** Sends a request for a new listing to the moderators. */
export async function submitNewListingAction(
  _previous: NewListingFormState,
  form: FormData,
): Promise<NewListingFormState> {
  const fields = formFields(form);
  const result = await runAction('submitNewListing', async () =>
    submitNewListing(await getViewer(), fields),
  );
  if (result.ok) redirect('/listings/new?submitted=1');
  const existing = result.fieldErrors.licenseNumber
    ? await findPublishedListingByLicence(fields.licenseState, fields.licenseNumber)
    : null;
  return { error: result, values: echoFields(fields), existing };
}
