'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/lib/actions';
import { formFields, parseInput } from '@/lib/input';
import { getViewer, requireRole, requireSignedIn } from '@/lib/auth/viewer';
import { decideClaim } from './decisions';
import { claimDecisionInput } from './input';
import {
  addClaimEvidence,
  resendClaimCode,
  submitEvidence,
  submitLicence,
  verifyClaimCode,
  withdrawClaim,
} from './mutations';

type Failure = Extract<ActionResult, { ok: false }>;

/**
 * What a claim form gets back: a refusal with what was typed (so the form shows it again), or
 * the next step, or a message.
 */
export interface ClaimFormState {
  error: Failure | null;
  /** The text fields as they were sent (never a code). */
  values: Record<string, string>;
  /** The licence step found that the moderators must decide: show the evidence form. */
  next?: 'evidence';
  reason?: 'no_licence' | 'no_email';
  /** A note of success that keeps the page (a new code was sent). */
  message?: string;
}

// Targets travel in hidden fields; like every field they are checked, and the data layer
// authorizes.
const slugField = z.strictObject({
  slug: z
    .string({ error: 'We could not find that listing.' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'We could not find that listing.')
    .max(200, 'We could not find that listing.'),
});
const claimIdField = z.strictObject({
  claimId: z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
    z
      .number({ error: 'That claim does not exist.' })
      .int('That claim does not exist.')
      .positive('That claim does not exist.')
      .max(2_147_483_647, 'That claim does not exist.'),
  ),
});

const ECHOED = [
  'licenseState',
  'licenseNumber',
  'licenseName',
  'evidence',
  'links',
  'decision',
  'message',
];

function echo(fields: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ECHOED) {
    const value = fields[key];
    if (typeof value === 'string') values[key] = value.slice(0, 5000);
  }
  return values;
}

/** Splits the hidden target field from the rest of a form. */
function split<K extends string>(form: FormData, key: K) {
  const { [key]: value, ...fields } = formFields(form);
  return { target: { [key]: value } as Record<K, unknown>, fields };
}

function profilePath(slug: string): string {
  return `/therapists/${encodeURIComponent(slug)}`;
}

/** Claim step 1: the licence. A match sends a code to the listing's address. */
export async function submitLicenceAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const { target, fields } = split(form, 'slug');
  const result = await runAction('submitLicence', async () => {
    const { slug } = parseInput(slugField, target);
    const viewer = requireSignedIn(await getViewer());
    return submitLicence(viewer, slug, fields);
  });
  if (!result.ok) return { error: result, values: echo(fields) };
  const outcome = result.data;
  if (outcome.outcome === 'code_sent') redirect(`${profilePath(outcome.slug)}/claim?sent=1`);
  return { error: null, values: echo(fields), next: 'evidence', reason: outcome.reason };
}

/** Claim step 2: the code from the listing's email. */
export async function verifyClaimCodeAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const { target, fields } = split(form, 'claimId');
  const result = await runAction('verifyClaimCode', async () => {
    const { claimId } = parseInput(claimIdField, target);
    const viewer = requireSignedIn(await getViewer());
    const outcome = await verifyClaimCode(viewer, claimId, fields);
    revalidatePath(profilePath(outcome.slug));
    return outcome;
  });
  if (result.ok) {
    redirect(
      result.data.outcome === 'granted'
        ? `${profilePath(result.data.slug)}/claim?claimed=1`
        : `/claims/${result.data.claimId}?dispute=1`,
    );
  }
  // A wrong code changes the claim (tries left, or cancelled at the last one): the page shows
  // it as it is now.
  revalidatePath('/therapists/[slug]/claim', 'page');
  return { error: result, values: {} };
}

/** A new code for a claim waiting for one. */
export async function resendClaimCodeAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const result = await runAction('resendClaimCode', async () => {
    const { claimId } = parseInput(claimIdField, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    return resendClaimCode(viewer, claimId);
  });
  if (result.ok) {
    return {
      error: null,
      values: {},
      message: `A new code is on its way to ${result.data.sentTo}. The earlier code no longer works.`,
    };
  }
  return { error: result, values: {} };
}

/** Evidence for the moderators: a claim they decide, or a dispute over a held listing. */
export async function submitEvidenceAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const { target, fields } = split(form, 'slug');
  const result = await runAction('submitEvidence', async () => {
    const { slug } = parseInput(slugField, target);
    const viewer = requireSignedIn(await getViewer());
    return submitEvidence(viewer, slug, fields);
  });
  if (result.ok) redirect(`/claims/${result.data.claimId}?sent=${result.data.kind}`);
  return { error: result, values: echo(fields) };
}

/** More evidence, after a moderator asked for it. */
export async function addClaimEvidenceAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const { target, fields } = split(form, 'claimId');
  const result = await runAction('addClaimEvidence', async () => {
    const { claimId } = parseInput(claimIdField, target);
    const viewer = requireSignedIn(await getViewer());
    return addClaimEvidence(viewer, claimId, fields);
  });
  if (result.ok) redirect(`/claims/${result.data.claimId}?added=1`);
  return { error: result, values: echo(fields) };
}

/** The claimant withdraws an open claim. */
export async function withdrawClaimAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const result = await runAction('withdrawClaim', async () => {
    const { claimId } = parseInput(claimIdField, formFields(form));
    const viewer = requireSignedIn(await getViewer());
    return withdrawClaim(viewer, claimId);
  });
  if (result.ok) redirect(`/claims?withdrawn=${result.data.claimId}`);
  return { error: result, values: {} };
}

/** A moderator approves, refuses or asks for more; then back to the claims queue. */
export async function decideClaimAction(
  _previous: ClaimFormState | null,
  form: FormData,
): Promise<ClaimFormState> {
  const { target, fields } = split(form, 'claimId');
  const result = await runAction('decideClaim', async () => {
    const { claimId } = parseInput(claimIdField, target);
    parseInput(claimDecisionInput, fields);
    const viewer = requireRole(await getViewer(), 'moderator');
    const outcome = await decideClaim(viewer, claimId, fields);
    revalidatePath('/moderation/claims');
    revalidatePath(profilePath(outcome.slug));
    return outcome;
  });
  if (result.ok) {
    redirect(`/moderation/claims?decided=${result.data.claimId}&outcome=${result.data.decision}`);
  }
  return { error: result, values: echo(fields) };
}
