'use client';

import { useEffect, useRef } from 'react';
import { fieldId } from './form-parts';

interface ErrorSummaryProps {
  /** The refused submission's message, for problems that are not about one field. */
  message: string;
  fieldErrors: Record<string, string>;
  /** How the summary names each field; fields without a label are named by `labelFor`. */
  labelFor: (field: string) => string | null;
  /** "your profile", "your request": what was not saved. */
  subject: string;
  /** Changes with every refused submission, so focus moves here each time. */
  attempt: number;
  /** Field names in the order the form shows them; the summary follows it. */
  order: readonly string[];
}

/**
 * The list of problems at the top of a refused form, each linked to its field. It takes focus
 * when it appears, so keyboard and screen reader users start from it.
 */
export function ListingErrorSummary({
  message,
  fieldErrors,
  labelFor,
  subject,
  attempt,
  order,
}: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);
  const position = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  const entries = Object.entries(fieldErrors)
    .filter(([field]) => field !== 'form')
    .sort(([a], [b]) => position(a) - position(b));
  const formError = fieldErrors.form;
  const count = entries.length;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="listing-errors-heading"
      className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-800"
    >
      <h2 id="listing-errors-heading" className="text-base font-semibold">
        {count > 1
          ? `There are ${count} problems with ${subject}`
          : count === 1
            ? `There is a problem with ${subject}`
            : `${subject.charAt(0).toUpperCase()}${subject.slice(1)} was not saved`}
      </h2>
      {count === 0 ? <p className="mt-1 text-sm">{formError ?? message}</p> : null}
      {count > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {formError ? <li>{formError}</li> : null}
          {entries.map(([field, text]) => {
            const label = labelFor(field);
            return (
              <li key={field}>
                {label ? (
                  <a
                    href={`#${fieldId(field)}`}
                    className="font-medium underline underline-offset-2 hover:text-red-950"
                  >
                    {label}: {text}
                  </a>
                ) : (
                  <span>
                    {field}: {text}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
