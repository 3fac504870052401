'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt, waitText } from '@/components/ui/error-summary';
import { Field, TEXT_INPUT } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import {
  resendClaimCodeAction,
  verifyClaimCodeAction,
  withdrawClaimAction,
  type ClaimFormState,
} from '@/lib/claims/actions';

/** Claim step 2: the code sent to the listing's address. */
export function CodeForm({ claimId }: { claimId: number }) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    verifyClaimCodeAction,
    null,
  );
  const attempt = useAttempt(state);
  const form = 'code';
  const errors = state?.error?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5" aria-busy={pending || undefined}>
      <input type="hidden" name="claimId" value={claimId} />
      {state?.error ? (
        <ErrorSummary
          form={form}
          title="The code was not accepted"
          error={state.error}
          labels={{ code: 'Code' }}
          attempt={attempt}
        />
      ) : null}
      <Field form={form} name="code" label="6-digit code from the email" error={errors.code}>
        {(props) => (
          <input
            {...props}
            key={attempt}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={9}
            required
            className={`${TEXT_INPUT} max-w-48 font-mono text-lg tracking-widest`}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Checking…' : 'Confirm the code'}
      </Button>
    </form>
  );
}

/** A new code, to the same listing address; the earlier one stops working. */
export function ResendCodeForm({ claimId }: { claimId: number }) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    resendClaimCodeAction,
    null,
  );
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="claimId" value={claimId} />
      {state?.message ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      {state?.error ? (
        <FormMessage tone="error">
          {state.error.message}
          {state.error.retryAfter
            ? ` You can ask again in ${waitText(state.error.retryAfter)}.`
            : ''}
        </FormMessage>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Sending…' : 'Send a new code'}
      </Button>
    </form>
  );
}

/** The claimant withdraws an open claim. */
export function WithdrawClaimForm({ claimId }: { claimId: number }) {
  const [state, formAction, pending] = useActionState<ClaimFormState | null, FormData>(
    withdrawClaimAction,
    null,
  );
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="claimId" value={claimId} />
      {state?.error ? <FormMessage tone="error">{state.error.message}</FormMessage> : null}
      <Button type="submit" variant="ghost" disabled={pending}>
        {pending ? 'Withdrawing…' : 'Withdraw this claim'}
      </Button>
    </form>
  );
}
