import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { describedBy, fieldId, FieldError, FieldHint } from '@/components/ui/field';

/** The review form's name: its controls' ids are "review-<name>" (see fieldId). */
export const REVIEW_FORM = 'review';

const OPTION =
  'relative flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-xl border border-stone-300 bg-white px-3 text-center text-sm font-medium text-stone-800 transition-colors select-none hover:border-teal-700 hover:bg-teal-50 has-checked:border-teal-700 has-checked:bg-teal-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** Words for screen readers when the label alone is terse ("7"). */
  srLabel?: string;
}

interface ChoiceGroupProps {
  name: string;
  legend: ReactNode;
  options: readonly ChoiceOption[];
  defaultValue: string;
  error?: string;
  hint?: ReactNode;
  /** Adds a "Skip" option (value ""), for questions that may stay unanswered. */
  skippable?: boolean;
  /** Grid classes for the options. */
  layout?: string;
  /** Words under the options, at either end ("No pain" ... "Worst imaginable"). */
  ends?: [string, string];
}

/**
 * A question answered with one tap: a radio group drawn as a row of large buttons, with its
 * legend, hint and error. Works without JavaScript; arrow keys move between the options.
 */
export function ChoiceGroup({
  name,
  legend,
  options,
  defaultValue,
  error,
  hint,
  skippable = false,
  layout = 'grid-cols-3',
  ends,
}: ChoiceGroupProps) {
  const id = fieldId(REVIEW_FORM, name);
  const all: ChoiceOption[] = skippable
    ? [...options, { value: '', label: 'Skip', srLabel: 'Skip this question' }]
    : [...options];
  return (
    <fieldset aria-describedby={describedBy(id, { error, hint })} className="min-w-0">
      <legend className="text-sm font-semibold text-stone-900">{legend}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
      <div className={cn('mt-2 grid gap-2', layout)}>
        {all.map((option, index) => (
          <label
            key={option.value || 'skip'}
            className={cn(
              OPTION,
              // "Skip" is the quiet default: chosen, it stays neutral.
              option.value === '' &&
                'text-stone-600 has-checked:border-stone-400 has-checked:bg-stone-100 has-checked:text-stone-800',
              error && 'border-red-700',
            )}
          >
            <input
              type="radio"
              id={index === 0 ? id : `${id}-${index}`}
              name={name}
              value={option.value}
              defaultChecked={option.value === defaultValue}
              className="sr-only"
            />
            {option.srLabel ? (
              <>
                <span aria-hidden="true">{option.label}</span>
                <span className="sr-only">{option.srLabel}</span>
              </>
            ) : (
              option.label
            )}
          </label>
        ))}
      </div>
      {ends ? (
        <p aria-hidden="true" className="mt-1 flex justify-between text-xs text-stone-600">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </p>
      ) : null}
    </fieldset>
  );
}

const YES_NO: readonly ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A yes / no question that may stay unanswered. */
export function YesNoGroup(props: Omit<ChoiceGroupProps, 'options' | 'skippable' | 'layout'>) {
  return <ChoiceGroup {...props} options={YES_NO} skippable layout="grid-cols-3" />;
}
