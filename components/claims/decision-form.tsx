'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { Field, fieldId, RadioGroupField, TEXT_AREA } from '@/components/ui/field';
import { decideClaimAction, type ClaimFormState } from '@/lib/claims/actions';
import {
  CLAIM_DECISION_LABELS,
  CLAIM_DECISIONS,
  CLAIM_LIMITS,
  type ClaimDecision,
} from '@/lib/claims/labels';

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
          error={state.error}
          labels={{ decision: 'Decision', message: 'Message' }}
          attempt={attempt}
        />
      ) : null}
      <RadioGroupField
        key={attempt}
        id={fieldId(form, 'decision')}
        name="decision"
        legend={`Decision on claim ${claimId}`}
        options={CLAIM_DECISIONS.map((value) => ({
          value,
          label: CLAIM_DECISION_LABELS[value],
          hint: HINTS[value],
        }))}
        error={errors.decision}
        defaultValue={state?.values.decision}
      />
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
