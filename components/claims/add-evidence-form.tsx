'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { addClaimEvidenceAction, type ClaimFormState } from '@/lib/claims/actions';
import { EvidenceFields } from './evidence-form';

/** What a moderator asked for: more text and links; the claim goes back to them. */
export function AddEvidenceForm({ claimId }: { claimId: number }) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    addClaimEvidenceAction,
    null,
  );
  const attempt = useAttempt(state);
  const form = 'more';
  const errors = state?.error?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-6" aria-busy={pending || undefined}>
      <input type="hidden" name="claimId" value={claimId} />
      {state?.error ? (
        <ErrorSummary
          form={form}
          title="Your answer was not sent"
          error={state.error}
          labels={{ evidence: 'Your answer', links: 'Links' }}
          attempt={attempt}
        />
      ) : null}
      <div key={attempt} className="space-y-6">
        <EvidenceFields
          form={form}
          values={state?.values ?? {}}
          errors={errors}
          evidenceLabel="Your answer to the moderators"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send to the moderators'}
      </Button>
    </form>
  );
}
