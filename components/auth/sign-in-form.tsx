'use client';

import { useActionState } from 'react';
import { requestSignInLinkAction } from '@/lib/auth/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestSignInLinkAction, null);
  const failure = state && !state.ok ? state : null;
  const emailError = failure?.fieldErrors.email;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-stone-900">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email webauthn"
          required
          maxLength={254}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : 'email-hint'}
          className="mt-1 block min-h-11 w-full rounded-xl border border-stone-300 px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700"
        />
        {emailError ? (
          <p id="email-error" className="mt-1 text-sm text-red-800">
            {emailError}
          </p>
        ) : (
          <p id="email-hint" className="mt-1 text-sm text-stone-600">
            We email you a link that signs you in. No password needed.
          </p>
        )}
      </div>
      {failure && !emailError ? (
        <FormMessage tone="error">
          {failure.message}
          {failure.retryAfter ? ` You can try again in ${waitText(failure.retryAfter)}.` : ''}
        </FormMessage>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </Button>
    </form>
  );
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
