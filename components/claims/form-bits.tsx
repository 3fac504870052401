'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { US_STATES } from '@/lib/claims/states';

/** The id of a claim form's control; the error summary links to it. */
export function claimFieldId(form: string, name: string): string {
  return `${form}-${name}`;
}

export const TEXT_INPUT =
  'mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

export const TEXT_AREA = `${TEXT_INPUT} py-2 leading-relaxed`;

export const LINK = 'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';

interface ErrorSummaryProps {
  form: string;
  /** What did not happen ("The licence was not checked"), for problems not about one field. */
  title: string;
  message: string;
  fieldErrors: Record<string, string>;
  labels: Record<string, string>;
  /** Changes with every refused submission, so focus moves here each time. */
  attempt: number;
  /** Seconds to wait, when a limit was reached. */
  retryAfter?: number | null;
  children?: ReactNode;
}

/** "about 3 hours", "about 20 minutes", "a minute": how long to wait, in words. */
export function waitText(seconds: number): string {
  if (seconds < 90) return 'a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/**
 * The problems of a refused form at its top, each linked to its field; it takes focus when it
 * appears, so keyboard and screen reader users start from it.
 */
export function ErrorSummary({
  form,
  title,
  message,
  fieldErrors,
  labels,
  attempt,
  retryAfter,
  children,
}: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);
  const known = Object.keys(labels).filter((name) => fieldErrors[name]);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${form}-errors-heading`}
      className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-800"
    >
      <h2 id={`${form}-errors-heading`} className="text-base font-semibold">
        {title}
      </h2>
      {known.length === 0 ? (
        <p className="mt-1 text-sm">
          {message}
          {retryAfter ? ` You can try again in ${waitText(retryAfter)}.` : ''}
        </p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {known.map((name) => (
            <li key={name}>
              <a
                href={`#${claimFieldId(form, name)}`}
                className="font-medium underline underline-offset-2 hover:text-red-950"
              >
                {labels[name]}: {fieldErrors[name]}
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

interface FieldProps {
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The id of an error about this field together with others (shown once, near them). */
  groupErrorId?: string;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A labelled control with its hint and error, wired for assistive technology. */
export function Field({ form, name, label, hint, error, groupErrorId, children }: FieldProps) {
  const id = claimFieldId(form, name);
  const described = [
    error ? `${id}-error` : null,
    groupErrorId ?? null,
    hint ? `${id}-hint` : null,
  ].filter(Boolean);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-stone-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        name,
        'aria-invalid': error || groupErrorId ? true : undefined,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
      })}
    </div>
  );
}

/**
 * The licence's three fields: state, number and the name as on the licence. An error about the
 * licence as a whole (`errors.licence`: it does not match the listing) marks all three.
 */
export function LicenceFields({
  form,
  values,
  errors,
  required,
}: {
  form: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  required: boolean;
}) {
  const groupErrorId = errors.licence ? claimFieldId(form, 'licence-error') : undefined;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {errors.licence ? (
        <p id={groupErrorId} className="text-sm font-medium text-red-800 sm:col-span-2">
          <span className="sr-only">Error: </span>
          {errors.licence}
        </p>
      ) : null}
      <Field
        form={form}
        name="licenseState"
        label="State that issued the licence"
        error={errors.licenseState}
        groupErrorId={groupErrorId}
      >
        {(props) => (
          <select
            {...props}
            required={required}
            defaultValue={values.licenseState ?? ''}
            className={TEXT_INPUT}
          >
            <option value="">Choose a state</option>
            {US_STATES.map((state) => (
              <option key={state.code} value={state.code}>
                {state.name} ({state.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form={form}
        name="licenseNumber"
        label="Licence number"
        hint="As on the licence; spaces, dashes and leading zeros do not matter."
        error={errors.licenseNumber}
        groupErrorId={groupErrorId}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            required={required}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.licenseNumber ?? ''}
            className={TEXT_INPUT}
          />
        )}
      </Field>
      <div className="sm:col-span-2">
        <Field
          form={form}
          name="licenseName"
          label="Your full name as on the licence"
          error={errors.licenseName}
          groupErrorId={groupErrorId}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              required={required}
              maxLength={120}
              autoComplete="name"
              defaultValue={values.licenseName ?? ''}
              className={TEXT_INPUT}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

/** Counts refused submissions, so each one redraws the fields and refocuses the summary. */
export function useAttempt<S>(state: S): number {
  const [seen, setSeen] = useState(state);
  const [attempt, setAttempt] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setAttempt(attempt + 1);
  }
  return attempt;
}
