'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { answerFollowUpAction } from '@/lib/follow-ups/actions';
import { answerUse, PAIN_VALUES, painChangeSummary } from '@/lib/follow-ups/format';

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The 0-10 question and its Save button; after saving, the change in the reviewer's pain. Works
 * without JavaScript (the form posts to the server action and the page shows the result).
 */
export function FollowUpForm({
  token,
  selected,
  therapistName,
  previous,
}: {
  token: string;
  /** The score to show chosen: the one tapped in the email, else the earlier answer. */
  selected: number | null;
  therapistName: string;
  previous: { painNow: number; answeredAt: string } | null;
}) {
  const [state, action, pending] = useActionState(answerFollowUpAction, null);
  const [value, setValue] = useState<number | null>(selected);

  if (state?.ok) {
    const answer = state.data;
    return (
      <div className="mt-6 space-y-4" role="status">
        <h2 className="text-xl font-semibold text-stone-900">
          Thank you. {answer.replaced ? 'Your answer is updated.' : 'Your answer is saved.'}
        </h2>
        <p className="rounded-xl border border-teal-200 bg-teal-50 px-4 py-3 text-lg font-semibold text-teal-900">
          {painChangeSummary(answer)}
        </p>
        <p className="text-base text-stone-700">{answerUse(answer.therapistName)}</p>
        <p className="text-base text-stone-700">
          Opened the wrong number? Go back to the email and tap another one: saving again replaces
          this answer.
        </p>
        {answer.therapistSlug ? (
          <Link
            href={`/therapists/${answer.therapistSlug}`}
            className="inline-block font-semibold text-teal-800 underline"
          >
            See {answer.therapistName}&rsquo;s page
          </Link>
        ) : null}
      </div>
    );
  }

  const failure = state && !state.ok ? state : null;
  const painError = failure?.fieldErrors.pain;
  return (
    <form action={action} className="mt-6 space-y-6">
      <input type="hidden" name="token" value={token} />
      <fieldset aria-describedby={painError ? 'pain-error pain-hint' : 'pain-hint'}>
        <legend className="text-base font-semibold text-stone-900">
          Your pain at its worst in the past week
        </legend>
        <p id="pain-hint" className="mt-1 text-sm text-stone-600">
          0 means no pain, 10 the worst pain you can imagine.
        </p>
        <div className="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">
          {PAIN_VALUES.map((pain) => (
            <label
              key={pain}
              className="flex min-h-16 cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border border-stone-300 bg-white px-1 py-2 text-lg font-semibold text-stone-900 hover:border-teal-700 has-checked:border-teal-700 has-checked:bg-teal-50 has-focus-visible:ring-2 has-focus-visible:ring-teal-700"
            >
              <input
                type="radio"
                name="pain"
                value={pain}
                checked={value === pain}
                onChange={() => setValue(pain)}
                required
                className="size-5 accent-teal-700"
              />
              <span>
                {pain}
                {pain === 0 ? <span className="sr-only"> (no pain)</span> : null}
                {pain === 10 ? <span className="sr-only"> (worst imaginable)</span> : null}
              </span>
            </label>
          ))}
        </div>
        {painError ? (
          <p id="pain-error" className="mt-2 text-sm text-red-800">
            {painError}
          </p>
        ) : null}
      </fieldset>
      {failure && !painError ? <FormMessage tone="error">{failure.message}</FormMessage> : null}
      {previous ? (
        <p className="text-sm text-stone-600">
          You answered {previous.painNow} on {DATE.format(new Date(previous.answeredAt))}. Saving
          replaces that answer.
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:min-w-40">
        {pending ? 'Saving…' : 'Save'}
      </Button>
      <p className="text-sm text-stone-600">{answerUse(therapistName)}</p>
    </form>
  );
}
