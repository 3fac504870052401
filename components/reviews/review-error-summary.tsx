'use client';

import { useEffect, useRef } from 'react';
import { fieldId } from './review-form-fields';

interface ErrorSummaryProps {
  /** The refused submission's message, for problems that are not about one field. */
  message: string;
  fieldErrors: Record<string, string>;
  /** Names of the fields the form shows, with their labels, in the order they appear. */
  labels: Record<string, string>;
  /** Changes with every refused submission, so focus moves here each time. */
  attempt: number;
}

/**
 * The list of problems at the top of a refused form, each linked to its field. It takes focus
 * when it appears, so keyboard and screen reader users start from it.
 */
export function ErrorSummary({ message, fieldErrors, labels, attempt }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);
  const known = Object.keys(labels).filter((name) => fieldErrors[name]);
  const other = Object.entries(fieldErrors).filter(([name]) => !(name in labels));
  const count = known.length + other.length;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="review-errors-heading"
      className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-800"
    >
      <h2 id="review-errors-heading" className="text-base font-semibold">
        {count > 1
          ? `There are ${count} problems with your review`
          : count === 1
            ? 'There is a problem with your review'
            : 'Your review was not saved'}
      </h2>
      {count === 0 ? <p className="mt-1 text-sm">{message}</p> : null}
      {count > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {known.map((name) => (
            <li key={name}>
              <a
                href={`#${fieldId(name)}`}
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
      ) : null}
    </div>
  );
}
