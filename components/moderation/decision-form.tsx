'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionResult } from '@/lib/actions';
import { decideAppealAction, decideReviewAction } from '@/lib/moderation/actions';
import {
  APPEAL_OUTCOME_LABELS,
  APPEAL_OUTCOMES,
  DECISION_LABELS,
  MODERATION_DECISIONS,
  MODERATION_REASON_OPTIONS,
  reasonsFor,
  type AppealOutcome,
  type ModerationDecision,
} from '@/lib/moderation/reasons';

const SELECT =
  'mt-1 block min-h-11 w-full max-w-md rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

type Action = (
  previous: ActionResult<string> | null,
  form: FormData,
) => Promise<ActionResult<string>>;

interface FieldsProps<C extends string> {
  /** Prefix for the element ids, unique on the page. */
  prefix: string;
  action: Action;
  hidden: { name: string; value: number };
  choiceName: string;
  choiceLegend: string;
  choices: readonly C[];
  labels: Record<C, string>;
  submitLabel: string;
}

function DecisionFields<C extends 'approve' | 'not_recommended' | 'remove' | AppealOutcome>({
  prefix,
  action,
  hidden,
  choiceName,
  choiceLegend,
  choices,
  labels,
  submitLabel,
}: FieldsProps<C>) {
  const [state, formAction, pending] = useActionState(action, null);
  const [choice, setChoice] = useState<C | ''>('');
  const [reason, setReason] = useState('');
  // Without JavaScript every reason is listed and the server checks the pair.
  const options = choice ? reasonsFor(choice) : MODERATION_REASON_OPTIONS;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  const failure = state && !state.ok ? state : null;
  const choiceError = failure?.fieldErrors[choiceName];
  const reasonError = failure?.fieldErrors.reason;
  const otherError = failure && !choiceError && !reasonError ? failure.message : null;
  return (
    <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
      <input type="hidden" name={hidden.name} value={hidden.value} />
      <fieldset
        aria-describedby={choiceError ? `${prefix}-choice-error` : undefined}
        className="flex flex-wrap gap-x-5 gap-y-2"
      >
        <legend className="mb-2 w-full text-sm font-medium text-stone-900">{choiceLegend}</legend>
        {choices.map((value) => (
          <div key={value} className="flex min-h-11 items-center gap-2">
            <input
              id={`${prefix}-${value}`}
              type="radio"
              name={choiceName}
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                const allowed = reasonsFor(value);
                if (!allowed.some((o) => o.value === reason)) {
                  setReason(allowed.length === 1 ? (allowed[0]?.value ?? '') : '');
                }
              }}
              required
              className="size-4 accent-teal-700"
            />
            <label htmlFor={`${prefix}-${value}`} className="text-sm font-semibold text-stone-900">
              {labels[value]}
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
          Reasons are about the content only, never the rating. Publishing needs “Meets the
          guidelines”.
        </p>
      </div>
      {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}

/** Publish, not recommend or remove one review, with a reason. */
export function ReviewDecisionForm({ reviewId }: { reviewId: number }) {
  return (
    <DecisionFields<ModerationDecision>
      prefix={`decide-${reviewId}`}
      action={decideReviewAction}
      hidden={{ name: 'reviewId', value: reviewId }}
      choiceName="decision"
      choiceLegend={`Decision on review ${reviewId}`}
      choices={MODERATION_DECISIONS}
      labels={DECISION_LABELS}
      submitLabel="Record the decision"
    />
  );
}

/** Keep or overturn a decision under appeal, with a reason. */
export function AppealDecisionForm({ appealId }: { appealId: number }) {
  return (
    <DecisionFields<AppealOutcome>
      prefix={`appeal-${appealId}`}
      action={decideAppealAction}
      hidden={{ name: 'appealId', value: appealId }}
      choiceName="outcome"
      choiceLegend={`Outcome of appeal ${appealId}`}
      choices={APPEAL_OUTCOMES}
      labels={APPEAL_OUTCOME_LABELS}
      submitLabel="Decide the appeal"
    />
  );
}
