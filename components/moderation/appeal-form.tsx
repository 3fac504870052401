'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { appealDecisionAction } from '@/lib/moderation/actions';
import { APPEAL_STATEMENT_MAX } from '@/lib/moderation/reasons';

const TEXTAREA =
  'mt-1 block w-full rounded-xl border border-stone-300 px-3 py-2 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

/** The author's one appeal against the decision on their review. */
export function AppealForm({ reviewId }: { reviewId: number }) {
  const [state, action, pending] = useActionState(appealDecisionAction, null);
  const [statement, setStatement] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  const failure = state && !state.ok ? state : null;
  const statementError = failure?.fieldErrors.statement;
  const otherError = failure && !statementError ? failure.message : null;
  if (state?.ok) return <FormMessage tone="success">{state.data}</FormMessage>;
  return (
    <form action={action} onSubmit={submit} className="space-y-4" noValidate>
      <input type="hidden" name="reviewId" value={reviewId} />
      <div>
        <label htmlFor="appeal-statement" className="block text-sm font-medium text-stone-900">
          Why should the decision change?
        </label>
        <textarea
          id="appeal-statement"
          name="statement"
          rows={6}
          required
          maxLength={APPEAL_STATEMENT_MAX}
          value={statement}
          onChange={(event) => setStatement(event.target.value)}
          aria-invalid={statementError ? true : undefined}
          aria-describedby={
            statementError
              ? 'appeal-statement-error appeal-statement-hint'
              : 'appeal-statement-hint'
          }
          className={TEXTAREA}
        />
        {statementError ? (
          <p id="appeal-statement-error" className="mt-1 text-sm text-red-800">
            {statementError}
          </p>
        ) : null}
        <p id="appeal-statement-hint" className="mt-1 text-sm text-stone-600">
          Up to {APPEAL_STATEMENT_MAX} characters. You can appeal once; a moderator who did not make
          the decision reads it.
        </p>
      </div>
      {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send my appeal'}
      </Button>
    </form>
  );
}
