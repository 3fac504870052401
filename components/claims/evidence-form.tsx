'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { Field, TEXT_AREA } from '@/components/ui/field';
import { submitEvidenceAction, type ClaimFormState } from '@/lib/claims/actions';
import { CLAIM_LIMITS } from '@/lib/claims/labels';
import { LicenceFields } from './form-bits';

const LABELS: Record<string, string> = {
  evidence: 'Why this listing is yours',
  links: 'Links',
  licenseState: 'State',
  licenseNumber: 'Licence number',
  licenseName: 'Name on the licence',
};

/** Text and links for the moderators, and the licence (optional); shared by claims and more. */
export function EvidenceFields({
  form,
  values,
  errors,
  evidenceLabel,
}: {
  form: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  evidenceLabel: string;
}) {
  const [length, setLength] = useState((values.evidence ?? '').length);
  return (
    <>
      <Field
        form={form}
        name="evidence"
        label={evidenceLabel}
        hint={`How you are connected to this practice, and what the moderators can check. At least ${CLAIM_LIMITS.evidenceMin} characters; ${length.toLocaleString('en-US')} of ${CLAIM_LIMITS.evidenceMax.toLocaleString('en-US')}.`}
        error={errors.evidence}
      >
        {(props) => (
          <textarea
            {...props}
            rows={6}
            required
            maxLength={CLAIM_LIMITS.evidenceMax}
            defaultValue={values.evidence ?? ''}
            onInput={(event) => setLength(event.currentTarget.value.length)}
            className={TEXT_AREA}
          />
        )}
      </Field>
      <Field
        form={form}
        name="links"
        label={
          <>
            Links that show it <span className="font-normal text-stone-600">(optional)</span>
          </>
        }
        hint={`One per line, starting with https://, at most ${CLAIM_LIMITS.links}: your entry in the state board’s licence lookup, your clinic’s team page, your own website.`}
        error={errors.links}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            spellCheck={false}
            defaultValue={values.links ?? ''}
            className={TEXT_AREA}
          />
        )}
      </Field>
    </>
  );
}

/**
 * Evidence for the moderators: for a listing without a licence or address to check, a licence
 * that does not match, a code that cannot be received, or a dispute over a held listing.
 */
export function EvidenceForm({
  slug,
  mode,
  initial = {},
}: {
  slug: string;
  mode: 'listing' | 'dispute';
  initial?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    submitEvidenceAction,
    null,
  );
  const attempt = useAttempt(state);
  const form = 'evidence';
  const values = state?.values ?? initial;
  const errors = state?.error?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-6" aria-busy={pending || undefined}>
      <input type="hidden" name="slug" value={slug} />
      {state?.error ? (
        <ErrorSummary
          form={form}
          title={mode === 'dispute' ? 'The dispute was not sent' : 'The claim was not sent'}
          error={state.error}
          labels={LABELS}
          attempt={attempt}
        />
      ) : null}
      <div key={attempt} className="space-y-6">
        <EvidenceFields
          form={form}
          values={values}
          errors={errors}
          evidenceLabel={
            mode === 'dispute'
              ? 'Why is this listing yours, not the current holder’s?'
              : 'Why is this listing yours?'
          }
        />
        <fieldset className="space-y-3 rounded-2xl border border-stone-200 p-4">
          <legend className="px-1 text-sm font-semibold text-stone-900">
            Your licence{' '}
            <span className="font-normal text-stone-600">(optional: all three or none)</span>
          </legend>
          <p className="text-sm text-stone-600">
            The moderators see whether it matches the licence on the listing.
          </p>
          <LicenceFields form={form} values={values} errors={errors} required={false} />
        </fieldset>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : mode === 'dispute' ? 'Open a dispute' : 'Send to the moderators'}
      </Button>
    </form>
  );
}
