'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { decideReplyAction, type DecideReplyState } from '@/lib/replies/actions';
import {
  REPLY_CONFIDENCE_RULE,
  REPLY_DECISION_LABELS,
  REPLY_DECISION_REASON_OPTIONS,
  REPLY_DECISIONS,
  replyReasonsFor,
  type ReplyDecision,
} from '@/lib/replies/reasons';

const SELECT =
  'mt-1 block min-h-11 w-full max-w-md rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

/** Publish or remove one held reply, with a reason. Works without JavaScript. */
export function ReplyDecisionForm({ replyId, seen }: { replyId: number; seen: string }) {
  const [state, formAction, pending] = useActionState<DecideReplyState, FormData>(
    decideReplyAction,
    null,
  );
  const [choice, setChoice] = useState<ReplyDecision | ''>('');
  const [reason, setReason] = useState('');
  // Without JavaScript every reason is listed and the server checks the pair.
  const options = choice ? replyReasonsFor(choice) : REPLY_DECISION_REASON_OPTIONS;
  const prefix = `reply-decision-${replyId}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  const failure = state && !state.ok ? state : null;
  const choiceError = failure?.fieldErrors.decision;
  const reasonError = failure?.fieldErrors.reason;
  const otherError = failure && !choiceError && !reasonError ? failure.message : null;
  return (
    <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
      <input type="hidden" name="replyId" value={String(replyId)} />
      <input type="hidden" name="seen" value={seen} />
      <fieldset
        aria-describedby={choiceError ? `${prefix}-choice-error` : undefined}
        className="flex flex-wrap gap-x-5 gap-y-2"
      >
        <legend className="mb-2 w-full text-sm font-medium text-stone-900">
          Decision on reply {replyId}
        </legend>
        {REPLY_DECISIONS.map((value) => (
          <div key={value} className="flex min-h-11 items-center gap-2">
            <input
              id={`${prefix}-${value}`}
              type="radio"
              name="decision"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                const allowed = replyReasonsFor(value);
                if (!allowed.some((o) => o.value === reason)) {
                  setReason(allowed.length === 1 ? (allowed[0]?.value ?? '') : '');
                }
              }}
              required
              className="size-4 accent-teal-700"
            />
            <label htmlFor={`${prefix}-${value}`} className="text-sm font-semibold text-stone-900">
              {REPLY_DECISION_LABELS[value]}
            </label>
          </div>
        ))}
        {choiceError ? (
          <p id={`${prefix}-choice-error`} className="w-full text-sm text-red-800">
            {choiceError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor={`${prefix}-reason`} className="block text-sm font-medium text-stone-900">
          Reason
        </label>
        <select
          id={`${prefix}-reason`}
          name="reason"
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={
            reasonError ? `${prefix}-reason-error ${prefix}-reason-hint` : `${prefix}-reason-hint`
          }
          className={SELECT}
        >
          <option value="">Choose a reason</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {reasonError ? (
          <p id={`${prefix}-reason-error`} className="mt-1 text-sm text-red-800">
            {reasonError}
          </p>
        ) : null}
        <p id={`${prefix}-reason-hint`} className="mt-1 text-sm text-stone-600">
          Publish only a reply that keeps the client’s confidence. {REPLY_CONFIDENCE_RULE}
        </p>
      </div>
      {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Record the decision'}
      </Button>
    </form>
  );
}
