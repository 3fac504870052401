import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** The id of a field's control; an error summary links to it. Radio groups: the first option. */
export function fieldId(name: string): string {
  return `review-${name}`;
}

function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

/** The ids that describe a field: its error first, then its hint. */
export function describedBy(name: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [error ? errorId(name) : null, hint ? hintId(name) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(name)} className="mt-1 text-sm font-medium text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

export function FieldHint({ name, children }: { name: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={hintId(name)} className="mt-1 text-sm text-stone-600">
      {children}
    </p>
  );
}

export const TEXT_INPUT =
  'mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

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
  const all: ChoiceOption[] = skippable
    ? [...options, { value: '', label: 'Skip', srLabel: 'Skip this question' }]
    : [...options];
  return (
    <fieldset aria-describedby={describedBy(name, error, hint)} className="min-w-0">
      <legend className="text-sm font-semibold text-stone-900">{legend}</legend>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} message={error} />
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
              id={index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`}
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
