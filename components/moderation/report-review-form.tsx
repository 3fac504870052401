'use client';

import Link from 'next/link';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { reportReviewAction } from '@/lib/moderation/actions';
import { REPORT_NOTE_MAX, REPORT_REASON_OPTIONS } from '@/lib/moderation/reasons';

const TEXTAREA =
  'mt-1 block w-full rounded-xl border border-stone-300 px-3 py-2 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

export interface ReportReviewFormProps {
  /** The review to report. */
  reviewId: number;
  /** Whether someone is signed in; signed-out readers get a sign-in link instead of the form. */
  signedIn: boolean;
  /** Where the sign-in link leads (with its way back), when signed out. */
  signInHref?: string;
}

/**
 * "Report this review": a disclosure with the reasons and an optional note. Place it on each
 * review the viewer did not write. Works without JavaScript.
 */
export function ReportReviewForm({
  reviewId,
  signedIn,
  signInHref = '/sign-in',
}: ReportReviewFormProps) {
  const [state, action, pending] = useActionState(reportReviewAction, null);
  // Controlled, so what was chosen and typed stays when the form comes back with an error.
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  const prefix = `report-${reviewId}`;
  const failure = state && !state.ok ? state : null;
  const reasonError = failure?.fieldErrors.reason;
  const noteError = failure?.fieldErrors.note;
  const otherError = failure && !reasonError && !noteError ? failure.message : null;

  return (
    <details className="group text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-2 font-medium text-stone-700 underline-offset-2 hover:text-stone-900 hover:underline">
        Report this review
      </summary>
      <div className="mt-2 rounded-xl border border-stone-200 bg-stone-50 p-4">
        {!signedIn ? (
          <p className="text-stone-700">
            <Link
              href={signInHref}
              className="font-semibold text-teal-800 underline underline-offset-2"
            >
              Sign in to report this review
            </Link>
            . Reports go to our moderators, never to the reviewer or the therapist.
          </p>
        ) : state?.ok ? (
          <FormMessage tone="success">{state.data}</FormMessage>
        ) : (
          <form action={action} onSubmit={submit} className="space-y-4" noValidate>
            <input type="hidden" name="reviewId" value={reviewId} />
            <fieldset
              aria-describedby={reasonError ? `${prefix}-reason-error` : undefined}
              className="space-y-2"
            >
              <legend className="font-medium text-stone-900">
                Why are you reporting this review?
              </legend>
              {REPORT_REASON_OPTIONS.map((option) => (
                <div key={option.value} className="flex gap-3">
                  <input
                    id={`${prefix}-${option.value}`}
                    type="radio"
                    name="reason"
                    value={option.value}
                    checked={reason === option.value}
                    onChange={() => setReason(option.value)}
                    required
                    aria-describedby={`${prefix}-${option.value}-hint`}
                    className="mt-1 size-4 shrink-0 accent-teal-700"
                  />
                  <div>
                    <label
                      htmlFor={`${prefix}-${option.value}`}
                      className="block font-semibold text-stone-900"
                    >
                      {option.label}
                    </label>
                    <p id={`${prefix}-${option.value}-hint`} className="text-stone-700">
                      {option.hint}
                    </p>
                  </div>
                </div>
              ))}
              {reasonError ? (
                <p id={`${prefix}-reason-error`} className="text-red-800">
                  {reasonError}
                </p>
              ) : null}
            </fieldset>
            <div>
              <label htmlFor={`${prefix}-note`} className="block font-medium text-stone-900">
                What should a moderator know? (optional)
              </label>
              <textarea
                id={`${prefix}-note`}
                name="note"
                rows={3}
                maxLength={REPORT_NOTE_MAX}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                aria-invalid={noteError ? true : undefined}
                aria-describedby={
                  noteError ? `${prefix}-note-error ${prefix}-note-hint` : `${prefix}-note-hint`
                }
                className={TEXTAREA}
              />
              {noteError ? (
                <p id={`${prefix}-note-error`} className="mt-1 text-red-800">
                  {noteError}
                </p>
              ) : null}
              <p id={`${prefix}-note-hint`} className="mt-1 text-stone-600">
                Up to {REPORT_NOTE_MAX} characters. Only moderators read it; the review stays up
                while they look.
              </p>
            </div>
            {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? 'Sending…' : 'Send report'}
            </Button>
          </form>
        )}
      </div>
    </details>
  );
}
