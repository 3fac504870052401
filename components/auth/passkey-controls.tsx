'use client';

import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useRouter } from 'next/navigation';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import {
  confirmWithPasskeyAction,
  passkeyRegistrationOptionsAction,
  passkeyStepUpOptionsAction,
  registerPasskeyAction,
  removePasskeyAction,
  renamePasskeyAction,
} from '@/lib/auth/passkey-actions';
import { browserHasPasskeys, passkeyPromptMessage, subscribeToNothing } from './passkey-messages';

const OFFLINE = 'We could not reach Unknot. Check your connection and try again.';

type Outcome = { tone: 'error' | 'success'; text: string } | null;

/** Runs one passkey ceremony from a button, with its pending state and outcome message. */
function useCeremony(run: () => Promise<Outcome>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const start = () => {
    setPending(true);
    setOutcome(null);
    run()
      .then((result) => {
        setOutcome(result);
        if (result?.tone === 'success') router.refresh();
      })
      .catch(() => setOutcome({ tone: 'error', text: OFFLINE }))
      .finally(() => setPending(false));
  };
  return { pending, outcome, start };
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  return outcome ? <FormMessage tone={outcome.tone}>{outcome.text}</FormMessage> : null;
}

function Unsupported() {
  return (
    <FormMessage tone="info">
      This browser cannot use passkeys. Open this page in a current browser on your phone or
      computer to add one.
    </FormMessage>
  );
}

/** Creates a passkey on this device and adds it to the account. */
export function AddPasskeyButton() {
  const supported = useSyncExternalStore(subscribeToNothing, browserHasPasskeys, () => true);
  const { pending, outcome, start } = useCeremony(async () => {
    const options = await passkeyRegistrationOptionsAction();
    if (!options.ok) return { tone: 'error', text: options.message };
    let response;
    try {
      response = await startRegistration({ optionsJSON: options.data });
    } catch (failure) {
      return { tone: 'error', text: passkeyPromptMessage(failure, 'create') };
    }
    const result = await registerPasskeyAction({ response });
    if (!result.ok) return { tone: 'error', text: result.message };
    return {
      tone: 'success',
      text: `Passkey added as “${result.data.name}”. You can rename it below.`,
    };
  });
  if (!supported) return <Unsupported />;
  return (
    <div className="space-y-3">
      <Button onClick={start} disabled={pending}>
        {pending ? 'Waiting for your device…' : 'Add a passkey'}
      </Button>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

/** Confirms this session with one of the account's passkeys (the second factor). */
export function PasskeyStepUpButton() {
  const supported = useSyncExternalStore(subscribeToNothing, browserHasPasskeys, () => true);
  const { pending, outcome, start } = useCeremony(async () => {
    const options = await passkeyStepUpOptionsAction();
    if (!options.ok) return { tone: 'error', text: options.message };
    let response;
    try {
      response = await startAuthentication({ optionsJSON: options.data });
    } catch (failure) {
      return { tone: 'error', text: passkeyPromptMessage(failure, 'use') };
    }
    const result = await confirmWithPasskeyAction({ response });
    if (!result.ok) return { tone: 'error', text: result.message };
    return { tone: 'success', text: 'Confirmed. Thank you.' };
  });
  if (!supported) return <Unsupported />;
  return (
    <div className="space-y-3">
      <Button onClick={start} disabled={pending}>
        {pending ? 'Waiting for your passkey…' : 'Confirm it’s you with your passkey'}
      </Button>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

/** Renames a passkey (a plain form: works before the page's scripts load). */
export function RenamePasskeyForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(renamePasskeyAction, null);
  const failure = state && !state.ok ? state : null;
  const fieldError = failure?.fieldErrors.name;
  const inputId = `passkey-name-${id}`;
  const messageId = `${inputId}-message`;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={inputId} className="block text-sm font-medium text-stone-900">
        Name<span className="sr-only"> of the passkey “{name}”</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          name="name"
          type="text"
          defaultValue={name}
          required
          maxLength={60}
          autoComplete="off"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={failure ? messageId : undefined}
          className="block min-h-11 min-w-0 flex-[1_1_12rem] rounded-xl border border-stone-300 px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700"
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save name'}
          <span className="sr-only"> of the passkey “{name}”</span>
        </Button>
      </div>
      {failure ? (
        <p id={messageId} role="alert" className="text-sm text-red-800">
          {fieldError ?? failure.message}
        </p>
      ) : state?.ok ? (
        <p role="status" className="text-sm text-teal-900">
          {state.data}
        </p>
      ) : null}
    </form>
  );
}

/** Removes a passkey from the account (a plain form: works before scripts load). */
export function RemovePasskeyForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(removePasskeyAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="ghost"
        disabled={pending}
        aria-label={`Remove the passkey “${name}”`}
        className="text-red-800 hover:bg-red-50"
      >
        {pending ? 'Removing…' : 'Remove'}
      </Button>
      {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}
