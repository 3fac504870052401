'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { deleteAccountAction } from '@/lib/account/actions';

const INPUT =
  'mt-1 block min-h-11 w-full rounded-xl border border-stone-300 px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

const CHOICES = [
  {
    value: 'delete',
    label: 'Delete my reviews',
    explanation:
      'Your reviews disappear from Unknot and from search. The therapists’ ratings are worked out again without them.',
  },
  {
    value: 'anonymise',
    label: 'Keep my reviews, without my name',
    explanation:
      'Your reviews stay up to help other people, shown as written by “Former member”. Nothing links them to you any more, and you can no longer edit them.',
  },
] as const;

/** Deletes the account: the member chooses what happens to their reviews and types their email. */
export function DeleteAccountForm({
  email,
  reviewCount,
  claimedListings,
}: {
  email: string;
  reviewCount: number;
  claimedListings: number;
}) {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  // Controlled, so that what was chosen and typed stays when the form comes back with an error.
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  // Submitted by hand so that React does not reset the form (and the chosen radio) after an
  // error; without JavaScript the form posts as usual.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  const failure = state && !state.ok ? state : null;
  const reviewsError = failure?.fieldErrors.reviews;
  const emailError = failure?.fieldErrors.confirmEmail;
  const otherError = failure && !reviewsError && !emailError ? failure.message : null;
  return (
    <form action={action} onSubmit={submit} className="space-y-5" noValidate>
      <fieldset aria-describedby={reviewsError ? 'reviews-error' : undefined} className="space-y-3">
        <legend className="text-sm font-medium text-stone-900">
          What should happen to your {reviewCount === 1 ? 'review' : 'reviews'}?
        </legend>
        {CHOICES.map((option) => (
          <div key={option.value} className="flex gap-3 rounded-xl border border-stone-200 p-3">
            <input
              id={`reviews-${option.value}`}
              type="radio"
              name="reviews"
              value={option.value}
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
              required
              aria-describedby={`reviews-${option.value}-explanation`}
              className="mt-1 size-4 shrink-0 accent-teal-700"
            />
            <div>
              <label
                htmlFor={`reviews-${option.value}`}
                className="block text-sm font-semibold text-stone-900"
              >
                {option.label}
              </label>
              <p id={`reviews-${option.value}-explanation`} className="text-sm text-stone-700">
                {option.explanation}
              </p>
            </div>
          </div>
        ))}
        {reviewsError ? (
          <p id="reviews-error" className="text-sm text-red-800">
            {reviewsError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="confirmEmail" className="block text-sm font-medium text-stone-900">
          Type your email address to confirm
        </label>
        <input
          id="confirmEmail"
          name="confirmEmail"
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={254}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={
            emailError ? 'confirmEmail-error confirmEmail-hint' : 'confirmEmail-hint'
          }
          className={INPUT}
        />
        {emailError ? (
          <p id="confirmEmail-error" className="mt-1 text-sm text-red-800">
            {emailError}
          </p>
        ) : null}
        <p id="confirmEmail-hint" className="mt-1 text-sm break-all text-stone-600">
          The address of this account is {email}.
        </p>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
        <li>You are signed out on every device, and your passkeys stop working.</li>
        {claimedListings > 0 ? (
          <li>
            Your claim on {claimedListings === 1 ? 'your listing' : `${claimedListings} listings`}{' '}
            is released; the listing stays in the directory.
          </li>
        ) : null}
        <li>This cannot be undone. Download your data first if you want a copy.</li>
      </ul>
      {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
      <Button
        type="submit"
        disabled={pending}
        className="bg-red-700 hover:bg-red-800 active:bg-red-900"
      >
        {pending ? 'Deleting…' : 'Delete my account'}
      </Button>
    </form>
  );
}
