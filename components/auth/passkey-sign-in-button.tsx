'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { passkeySignInOptionsAction, signInWithPasskeyAction } from '@/lib/auth/passkey-actions';
import { browserHasPasskeys, passkeyPromptMessage, subscribeToNothing } from './passkey-messages';

/**
 * Signs in with a passkey the browser holds for this site (shown only where the browser
 * supports passkeys), then goes to `callbackUrl`.
 */
export function PasskeySignInButton({ callbackUrl }: { callbackUrl: string }) {
  const supported = useSyncExternalStore(subscribeToNothing, browserHasPasskeys, () => false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!supported) return null;

  async function signIn() {
    setPending(true);
    setError(null);
    const options = await passkeySignInOptionsAction();
    if (!options.ok) {
      setError(options.message);
      setPending(false);
      return;
    }
    let response;
    try {
      response = await startAuthentication({ optionsJSON: options.data });
    } catch (failure) {
      setError(passkeyPromptMessage(failure, 'use'));
      setPending(false);
      return;
    }
    const result = await signInWithPasskeyAction({ response, callbackUrl });
    if (!result.ok) {
      setError(result.message);
      setPending(false);
      return;
    }
    // A full page load, so every part of the page (the header too) sees the new session.
    window.location.assign(result.data.redirectTo);
  }

  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        className="w-full"
        disabled={pending}
        aria-describedby="passkey-sign-in-hint"
        onClick={() => {
          void signIn().catch(() => {
            setError('We could not reach Unknot. Check your connection and try again.');
            setPending(false);
          });
        }}
      >
        {pending ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </Button>
      <p id="passkey-sign-in-hint" className="text-sm text-stone-600">
        Use the fingerprint, face or screen lock of a device where you added a passkey.
      </p>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
    </div>
  );
}
