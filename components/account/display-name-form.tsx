'use client';

import { useActionState, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { updateDisplayNameAction } from '@/lib/account/actions';

const INPUT =
  'mt-1 block min-h-11 w-full rounded-xl border border-stone-300 px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

/** The public name shown on the member's reviews, with the reason it must stay pseudonymous. */
export function DisplayNameForm({
  initial,
  suggestions,
}: {
  initial: string;
  /** Made-up names to offer, one per press of "Suggest a name". */
  suggestions: string[];
}) {
  const [state, action, pending] = useActionState(updateDisplayNameAction, null);
  const [value, setValue] = useState(initial);
  const [next, setNext] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // After a save the page sends the stored (cleaned) name: show it.
  const [stored, setStored] = useState(initial);
  if (initial !== stored) {
    setStored(initial);
    setValue(initial);
  }
  const failure = state && !state.ok ? state : null;
  const fieldError = failure?.fieldErrors.displayName;
  const otherError = failure && !fieldError ? failure.message : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="displayName" className="block text-sm font-medium text-stone-900">
          Public name
        </label>
        <input
          ref={input}
          id="displayName"
          name="displayName"
          type="text"
          autoComplete="off"
          spellCheck={false}
          required
          minLength={2}
          maxLength={40}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'displayName-error displayName-hint' : 'displayName-hint'}
          className={INPUT}
        />
        {fieldError ? (
          <p id="displayName-error" className="mt-1 text-sm text-red-800">
            {fieldError}
          </p>
        ) : null}
        <p id="displayName-hint" className="mt-1 text-sm text-stone-600">
          Shown on your reviews instead of your real name. 2 to 40 characters; no email address.
        </p>
      </div>
      {otherError ? <FormMessage tone="error">{otherError}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          Saved. Your reviews now show “{state.data.displayName}”.
        </FormMessage>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save public name'}
        </Button>
        {suggestions.length > 0 ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setValue(suggestions[next % suggestions.length] ?? value);
              setNext(next + 1);
              input.current?.focus();
            }}
          >
            Suggest a name
          </Button>
        ) : null}
      </div>
    </form>
  );
}
