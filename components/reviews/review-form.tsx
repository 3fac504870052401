'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Intent } from '@/db/schema/enums';
import { INTENT_LABELS, PRESSURE_LABELS } from '@/lib/format';
import {
  submitReviewAction,
  updateReviewAction,
  type ReviewFormState,
} from '@/lib/reviews/actions';
import type { ConditionOption, ReviewFormContext } from '@/lib/reviews/editing';
import type { ChecklistField, ReviewFormValues } from '@/lib/reviews/input';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { CheckboxField, Field, TEXT_AREA, TEXT_INPUT } from '@/components/ui/field';
import { ChoiceGroup, REVIEW_FORM, YesNoGroup, type ChoiceOption } from './review-form-fields';
import { StarRatingInput } from './star-rating-input';

/** Field names and how the error summary calls them, in the order the form shows them. */
const FIELD_LABELS: Record<keyof ReviewFormValues, string> = {
  rating: 'Overall rating',
  body: 'Your review',
  title: 'Title',
  visitMonth: 'Month of your last visit',
  sessionsCount: 'Number of sessions',
  intent: 'What the sessions were for',
  conditionId: 'What you came for',
  conditionPublic: 'Showing the condition',
  painBefore: 'Pain before the first session',
  painNow: 'Pain now',
  pressureWanted: 'Pressure you wanted',
  pressureReceived: 'Pressure you received',
  pressureAdjusted: 'Pressure adjusted when asked',
  assessedBefore: 'Assessed before treating',
  explainedCause: 'Explained a likely cause',
  gaveHomeCare: 'Home exercises',
  setExpectations: 'Expected number of sessions',
  referredOut: 'Referred out when needed',
  wouldRecommend: 'Would recommend',
};

const PAIN_OPTIONS: ChoiceOption[] = Array.from({ length: 11 }, (_, pain) => ({
  value: String(pain),
  label: String(pain),
  srLabel: `${pain} out of 10`,
}));

const PRESSURE_OPTIONS: ChoiceOption[] = PRESSURE_LABELS.map((label, index) => ({
  value: String(index + 1),
  label: (
    <span className="flex flex-col leading-tight">
      <span className="font-semibold tabular-nums">{index + 1}</span>
      <span className="text-xs">{label}</span>
    </span>
  ),
  srLabel: `${index + 1}, ${label.toLowerCase()}`,
}));

const INTENT_OPTIONS: ChoiceOption[] = (Object.keys(INTENT_LABELS) as Intent[]).map((intent) => ({
  value: intent,
  label: INTENT_LABELS[intent],
}));

const PRESSURE_ADJUSTED_OPTIONS: ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_asked', label: 'I didn’t ask' },
];

const CHECKLIST: { name: ChecklistField; legend: string }[] = [
  { name: 'assessedBefore', legend: 'Did they assess you before treating (questions, movement)?' },
  { name: 'explainedCause', legend: 'Did they explain a likely cause of your pain?' },
  { name: 'gaveHomeCare', legend: 'Did they give you exercises or stretches for home?' },
  { name: 'setExpectations', legend: 'Did they tell you how many sessions you would likely need?' },
  { name: 'referredOut', legend: 'Did they refer you to another professional when needed?' },
];

function groupByArea(conditions: readonly ConditionOption[]): [string, ConditionOption[]][] {
  const groups = new Map<string, ConditionOption[]>();
  for (const condition of conditions) {
    const list = groups.get(condition.bodyArea) ?? [];
    list.push(condition);
    groups.set(condition.bodyArea, list);
  }
  return [...groups.entries()];
}

function SectionHeading({ id, children }: { id: string; children: string }) {
  return (
    <h2 id={id} className="text-lg font-semibold tracking-tight text-stone-900">
      {children}
    </h2>
  );
}

function Spinner() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4 animate-spin">
      <circle
        cx="12"
        cy="12"
        r="9"
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.3"
        strokeWidth="3"
      />
      <path
        d="M21 12a9 9 0 0 0-9-9"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}

export interface ReviewFormProps {
  therapistSlug: string;
  therapistName: string;
  /** The viewer's review when they edit it; null to write a new one. */
  reviewId: number | null;
  initial: ReviewFormValues;
  conditions: ConditionOption[];
  consentText: string;
  limits: ReviewFormContext['limits'];
  /** The token of the invitation link the visitor came from, kept for a new review. */
  invitation?: string | null;
}

/**
 * Writing or editing a review. Stars and text come first (the only required answers); every
 * other question is one tap and may be skipped. A plain form posting to a server action: it
 * works before JavaScript loads, and a refused submission comes back with what was typed.
 */
export function ReviewForm({
  therapistSlug,
  therapistName,
  reviewId,
  initial,
  conditions,
  consentText,
  limits,
  invitation = null,
}: ReviewFormProps) {
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(
    reviewId === null ? submitReviewAction : updateReviewAction,
    null,
  );

  // Each refused submission draws the fields afresh from what was sent back.
  const attempt = useAttempt(state);
  const values = state?.values ?? initial;
  const errors = state?.error.fieldErrors ?? {};
  const [bodyLength, setBodyLength] = useState(values.body.length);
  const areas = groupByArea(conditions);
  const editing = reviewId !== null;

  return (
    <form action={formAction} noValidate className="space-y-8" aria-busy={pending || undefined}>
      {reviewId === null ? (
        <>
          <input type="hidden" name="slug" value={therapistSlug} />
          {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
        </>
      ) : (
        <input type="hidden" name="reviewId" value={String(reviewId)} />
      )}
      {state ? (
        <ErrorSummary
          form={REVIEW_FORM}
          subject="your review"
          error={state.error}
          labels={FIELD_LABELS}
          attempt={attempt}
        />
      ) : null}

      <div key={attempt} className="space-y-8">
        <Card
          as="section"
          aria-labelledby="review-required-heading"
          className="space-y-6 p-5 sm:p-6"
        >
          <SectionHeading id="review-required-heading">{`Your review of ${therapistName}`}</SectionHeading>
          <StarRatingInput defaultValue={values.rating} error={errors.rating} />

          <Field
            form={REVIEW_FORM}
            name="body"
            label={
              <>
                What happened, and how do you feel now?{' '}
                <span className="font-normal text-stone-600">(required)</span>
              </>
            }
            labelClassName="block text-base font-semibold text-stone-900"
            hint={`At least ${limits.bodyMin} characters. Describe your own visit; please leave out names, phone numbers and other people’s health. ${bodyLength.toLocaleString('en-US')} of ${limits.bodyMax.toLocaleString('en-US')} characters.`}
            error={errors.body}
          >
            {(props) => (
              <textarea
                {...props}
                rows={7}
                required
                maxLength={limits.bodyMax}
                defaultValue={values.body}
                onInput={(event) => setBodyLength(event.currentTarget.value.length)}
                className={TEXT_AREA}
              />
            )}
          </Field>

          <Field
            form={REVIEW_FORM}
            name="title"
            label={
              <>
                Title <span className="font-normal text-stone-600">(optional)</span>
              </>
            }
            error={errors.title}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={limits.titleMax}
                defaultValue={values.title}
                autoComplete="off"
                className={TEXT_INPUT}
              />
            )}
          </Field>
        </Card>

        <Card as="section" aria-labelledby="review-visit-heading" className="space-y-6 p-5 sm:p-6">
          <div>
            <SectionHeading id="review-visit-heading">About your visit</SectionHeading>
            <p className="mt-1 text-sm text-stone-600">Everything from here on is optional.</p>
          </div>

          <div className="grid gap-6 sm:grid-cols-2">
            <Field
              form={REVIEW_FORM}
              name="visitMonth"
              label="Month of your last visit"
              hint="Month and year, like 2025-03."
              error={errors.visitMonth}
            >
              {(props) => (
                <input
                  {...props}
                  type="month"
                  min={limits.firstMonth}
                  max={limits.latestMonth}
                  placeholder="YYYY-MM"
                  defaultValue={values.visitMonth}
                  className={TEXT_INPUT}
                />
              )}
            </Field>
            <Field
              form={REVIEW_FORM}
              name="sessionsCount"
              label="Number of sessions"
              hint={`From 1 to ${limits.sessionsMax}.`}
              error={errors.sessionsCount}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  autoComplete="off"
                  defaultValue={values.sessionsCount}
                  className={TEXT_INPUT}
                />
              )}
            </Field>
          </div>

          <ChoiceGroup
            name="intent"
            legend="What were the sessions for?"
            options={INTENT_OPTIONS}
            defaultValue={values.intent}
            error={errors.intent}
            skippable
            layout="grid-cols-1 sm:grid-cols-2"
          />

          <div className="space-y-3">
            <Field
              form={REVIEW_FORM}
              name="conditionId"
              label="What did you come for?"
              hint="A condition or body area. Kept private unless you tick the box below."
              error={errors.conditionId}
            >
              {(props) => (
                <select {...props} defaultValue={values.conditionId} className={TEXT_INPUT}>
                  <option value="">Not saying</option>
                  {areas.map(([area, list]) => (
                    <optgroup key={area} label={area}>
                      {list.map((condition) => (
                        <option key={condition.id} value={String(condition.id)}>
                          {condition.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
            <CheckboxField
              form={REVIEW_FORM}
              name="conditionPublic"
              label={consentText}
              hint="Without this, the condition is not shown with your review or counted in the public figures per condition. You can change your mind when you edit the review."
              error={errors.conditionPublic}
              defaultChecked={values.conditionPublic}
            />
          </div>
        </Card>

        <Card as="section" aria-labelledby="review-pain-heading" className="space-y-6 p-5 sm:p-6">
          <div>
            <SectionHeading id="review-pain-heading">Pain</SectionHeading>
            <p className="mt-1 text-sm text-stone-600">
              0 is no pain, 10 the worst imaginable: at its worst in a typical week. Answer both or
              neither. We will ask again in a few weeks whether it stayed better.
            </p>
          </div>
          <ChoiceGroup
            name="painBefore"
            legend="Before your first session"
            options={PAIN_OPTIONS}
            defaultValue={values.painBefore}
            error={errors.painBefore}
            skippable
            layout="grid-cols-6 sm:grid-cols-12"
            ends={['No pain', 'Worst']}
          />
          <ChoiceGroup
            name="painNow"
            legend="Now"
            options={PAIN_OPTIONS}
            defaultValue={values.painNow}
            error={errors.painNow}
            skippable
            layout="grid-cols-6 sm:grid-cols-12"
            ends={['No pain', 'Worst']}
          />
        </Card>

        <Card
          as="section"
          aria-labelledby="review-pressure-heading"
          className="space-y-6 p-5 sm:p-6"
        >
          <SectionHeading id="review-pressure-heading">Pressure</SectionHeading>
          <ChoiceGroup
            name="pressureWanted"
            legend="The pressure you wanted"
            options={PRESSURE_OPTIONS}
            defaultValue={values.pressureWanted}
            error={errors.pressureWanted}
            skippable
            layout="grid-cols-3 sm:grid-cols-6"
          />
          <ChoiceGroup
            name="pressureReceived"
            legend="The pressure you received"
            options={PRESSURE_OPTIONS}
            defaultValue={values.pressureReceived}
            error={errors.pressureReceived}
            skippable
            layout="grid-cols-3 sm:grid-cols-6"
          />
          <ChoiceGroup
            name="pressureAdjusted"
            legend="When you asked for more or less pressure, did they adjust it?"
            options={PRESSURE_ADJUSTED_OPTIONS}
            defaultValue={values.pressureAdjusted}
            error={errors.pressureAdjusted}
            skippable
            layout="grid-cols-2 sm:grid-cols-4"
          />
        </Card>

        <Card as="section" aria-labelledby="review-cause-heading" className="space-y-6 p-5 sm:p-6">
          <div>
            <SectionHeading id="review-cause-heading">Did they look for the cause?</SectionHeading>
            <p className="mt-1 text-sm text-stone-600">
              Therapists who find the cause tend to do these. Skip any you are not sure about.
            </p>
          </div>
          {CHECKLIST.map((item) => (
            <YesNoGroup
              key={item.name}
              name={item.name}
              legend={item.legend}
              defaultValue={values[item.name]}
              error={errors[item.name]}
            />
          ))}
          <YesNoGroup
            name="wouldRecommend"
            legend="Would you recommend them to a friend with the same problem?"
            defaultValue={values.wouldRecommend}
            error={errors.wouldRecommend}
          />
        </Card>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending} className="min-h-12 px-6 text-base">
          {pending ? <Spinner /> : null}
          {pending ? 'Sending…' : editing ? 'Save changes' : 'Publish review'}
        </Button>
        <p role="status" className="text-sm text-stone-600">
          {pending ? 'Sending your review…' : ''}
        </p>
      </div>
    </form>
  );
}
