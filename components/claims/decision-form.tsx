'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { decideClaimAction, type ClaimFormState } from '@/lib/claims/actions';
import {
  CLAIM_DECISION_LABELS,
  CLAIM_DECISIONS,
  CLAIM_LIMITS,
  type ClaimDecision,
} from '@/lib/claims/labels';
import { ErrorSummary, Field, TEXT_AREA, claimFieldId, useAttempt } from './form-bits';

const HINTS: Record<ClaimDecision, string> = {
  approve: 'The claimant gets the listing (from its holder, for a dispute); both are told.',
  refuse: 'The claim is closed. Say why: the claimant reads it.',
  more_info: 'The claimant is asked to add what you need, and the claim comes back to you.',
};

/**
 * Approve, refuse or ask for more, with a message to the claimant. `version` and `holder` are
 * the claim and the listing as the page shows them: a decision on an outdated page is refused.
 */
export function ClaimDecisionForm({
  claimId,
  version,
  holder,
}: {
  claimId: number;
  version: string;
  holder: string;
}) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    decideClaimAction,
    null,
  );
  const attempt = useAttempt(state);
  const form = 'decide';
  const errors = state?.error?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5" aria-busy={pending || undefined}>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="holder" value={holder} />
      {state?.error ? (
        <ErrorSummary
          form={form}
          title="The decision was not recorded"
          message={state.error.message}
          fieldErrors={errors}
          labels={{ decision: 'Decision', message: 'Message' }}
          attempt={attempt}
          retryAfter={state.error.retryAfter}
        />
      ) : null}
      <fieldset
        key={attempt}
        aria-describedby={errors.decision ? `${claimFieldId(form, 'decision')}-error` : undefined}
      >
        <legend className="mb-2 text-sm font-semibold text-stone-900">
          Decision on claim {claimId}
        </legend>
        <div className="space-y-2">
          {CLAIM_DECISIONS.map((value, index) => (
            <div key={value} className="flex items-start gap-3">
              <input
                id={
                  index === 0
                    ? claimFieldId(form, 'decision')
                    : claimFieldId(form, `decision-${value}`)
                }
                type="radio"
                name="decision"
                value={value}
                defaultChecked={state?.values.decision === value}
                required
                className="mt-1 size-4 accent-teal-700"
              />
              <label
                htmlFor={
                  index === 0
                    ? claimFieldId(form, 'decision')
                    : claimFieldId(form, `decision-${value}`)
                }
                className="text-sm text-stone-800"
              >
                <span className="font-semibold text-stone-900">{CLAIM_DECISION_LABELS[value]}</span>
                <span className="block text-stone-600">{HINTS[value]}</span>
              </label>
            </div>
          ))}
        </div>
        {errors.decision ? (
          <p
            id={`${claimFieldId(form, 'decision')}-error`}
            className="mt-2 text-sm font-medium text-red-800"
          >
            {errors.decision}
          </p>
        ) : null}
      </fieldset>
      <Field
        form={form}
        name="message"
        label="Message to the claimant"
        hint="Needed to refuse or to ask for more; optional when approving. The claimant reads it."
        error={errors.message}
      >
        {(props) => (
          <textarea
            {...props}
            key={attempt}
            rows={4}
            maxLength={CLAIM_LIMITS.messageMax}
            defaultValue={state?.values.message ?? ''}
            className={TEXT_AREA}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Record the decision'}
      </Button>
    </form>
  );
}
