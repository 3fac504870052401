'use client';

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { HiddenFields, RadioGroupField, SelectInput } from '@/components/ui/field';
import type { SelectOption } from '@/components/ui/select-field';
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

type Action = (
  previous: ActionResult<string> | null,
  form: FormData,
) => Promise<ActionResult<string> | null>;

interface ReasonDecisionProps<C extends string> {
  /** Prefix for the element ids, unique on the page. */
  prefix: string;
  action: Action;
  /** What the decision is about (ids, the version seen), sent as hidden fields. */
  hidden: Record<string, string | number>;
  choiceName: string;
  choiceLegend: string;
  choices: readonly C[];
  labels: Record<C, string>;
  /** Every reason, and those that go with a choice. */
  reasons: readonly SelectOption[];
  reasonsFor: (choice: C) => readonly SelectOption[];
  reasonHint: ReactNode;
  submitLabel: string;
}

/**
 * A moderator's decision: one of a few choices, with a reason that fits it. Works without
 * JavaScript (every reason is then listed and the server checks the pair).
 */
export function ReasonDecisionForm<C extends string>({
  prefix,
  action,
  hidden,
  choiceName,
  choiceLegend,
  choices,
  labels,
  reasons,
  reasonsFor,
  reasonHint,
  submitLabel,
}: ReasonDecisionProps<C>) {
  const [state, formAction, pending] = useActionState(action, null);
  const [choice, setChoice] = useState<C | ''>('');
  const [reason, setReason] = useState('');
  const options = choice ? reasonsFor(choice) : reasons;
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
      <HiddenFields values={hidden} />
      <RadioGroupField
        id={`${prefix}-choice`}
        name={choiceName}
        legend={choiceLegend}
        options={choices.map((value) => ({ value, label: labels[value] }))}
        error={choiceError}
        inline
        value={choice}
        onChoose={(value) => {
          setChoice(value);
          const allowed = reasonsFor(value);
          if (!allowed.some((o) => o.value === reason)) {
            setReason(allowed.length === 1 ? (allowed[0]?.value ?? '') : '');
          }
        }}
      />
      <SelectInput
        form={prefix}
        name="reason"
        label="Reason"
        hint={reasonHint}
        error={reasonError}
        required
        value={reason}
        onChoose={setReason}
        options={[{ value: '', label: 'Choose a reason' }, ...options]}
        className="max-w-md"
      />
      {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}

const REVIEW_REASON_HINT =
  'Reasons are about the content only, never the rating. Publishing needs “Meets the guidelines”.';

/** Publish, not recommend or remove one review, with a reason. */
export function ReviewDecisionForm({ reviewId }: { reviewId: number }) {
  return (
    <ReasonDecisionForm<ModerationDecision>
      prefix={`decide-${reviewId}`}
      action={decideReviewAction}
      hidden={{ reviewId }}
      choiceName="decision"
      choiceLegend={`Decision on review ${reviewId}`}
      choices={MODERATION_DECISIONS}
      labels={DECISION_LABELS}
      reasons={MODERATION_REASON_OPTIONS}
      reasonsFor={reasonsFor}
      reasonHint={REVIEW_REASON_HINT}
      submitLabel="Record the decision"
    />
  );
}

/** Keep or overturn a decision under appeal, with a reason. */
export function AppealDecisionForm({ appealId }: { appealId: number }) {
  return (
    <ReasonDecisionForm<AppealOutcome>
      prefix={`appeal-${appealId}`}
      action={decideAppealAction}
      hidden={{ appealId }}
      choiceName="outcome"
      choiceLegend={`Outcome of appeal ${appealId}`}
      choices={APPEAL_OUTCOMES}
      labels={APPEAL_OUTCOME_LABELS}
      reasons={MODERATION_REASON_OPTIONS}
      reasonsFor={reasonsFor}
      reasonHint={REVIEW_REASON_HINT}
      submitLabel="Decide the appeal"
    />
  );
}
