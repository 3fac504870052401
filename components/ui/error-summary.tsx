'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { fieldId } from './field';

/** "about 3 hours", "about 20 minutes", "a minute": how long to wait, in words. */
export function waitText(seconds: number): string {
  if (seconds < 90) return 'a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
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

type ErrorSummaryProps = {
  /** The form's name, as its fields use it (see fieldId). */
  form: string;
  /** The refusal: its message (for problems of no one field), the problems by field, and the
   * seconds to wait when a limit was reached. */
  error: { message: string; fieldErrors: Record<string, string>; retryAfter?: number | null };
  /** The labels of the form's fields, in the order the form shows them. */
  labels: Record<string, string>;
  /** Changes with every refused submission, so focus moves here each time. */
  attempt: number;
  children?: ReactNode;
} & (
  | {
      /** What did not happen ("The code was not accepted"), whatever the problems. */
      title: string;
      subject?: undefined;
    }
  | {
      /** "your profile": the heading counts the problems with it. */
      subject: string;
      title?: undefined;
    }
);

function heading(subject: string, count: number): string {
  if (count > 1) return `There are ${count} problems with ${subject}`;
  if (count === 1) return `There is a problem with ${subject}`;
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} was not saved`;
}

/**
 * The problems of a refused form at its top, each linked to its field; problems of no field the
 * form shows are listed as they are. It takes focus when it appears, so keyboard and screen
 * reader users start from it.
 */
export function ErrorSummary({
  form,
  error: { message, fieldErrors, retryAfter },
  labels,
  attempt,
  children,
  title,
  subject,
}: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);
  const labelled = Object.keys(labels).filter((name) => fieldErrors[name]);
  const other = Object.entries(fieldErrors).filter(
    ([name]) => name !== 'form' && !Object.hasOwn(labels, name),
  );
  const formError = fieldErrors.form;
  const count = labelled.length + other.length;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${form}-errors-heading`}
      className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-800"
    >
      <h2 id={`${form}-errors-heading`} className="text-base font-semibold">
        {title ?? heading(subject, count)}
      </h2>
      {count === 0 ? (
        <p className="mt-1 text-sm">
          {formError ?? message}
          {retryAfter ? ` You can try again in ${waitText(retryAfter)}.` : ''}
        </p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {formError ? <li>{formError}</li> : null}
          {labelled.map((name) => (
            <li key={name}>
              <a
                href={`#${fieldId(form, name)}`}
                className="font-medium underline underline-offset-2 hover:text-red-950"
              >
                {labels[name]}: {fieldErrors[name]}
              </a>
            </li>
          ))}
          {other.map(([name, text]) => (
            <li key={name}>
              {name}: {text}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
