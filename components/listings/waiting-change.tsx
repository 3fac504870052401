'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { cancelContactChangeAction } from '@/lib/listings/actions';
import type { WaitingContactChange } from '@/lib/listings/contact';
import { ContactChangeLines } from './contact-change-lines';
import { formatMoment } from '@/lib/listings/format';

/**
 * The owner's waiting contact change: what changes, when it applies, and a button that stops
 * it. After stopping, the page is drawn again without it.
 */
export function WaitingChange({ change }: { change: WaitingContactChange }) {
  const [state, action, pending] = useActionState(cancelContactChangeAction, null);
  return (
    <section
      aria-labelledby="waiting-change-heading"
      className="space-y-3 rounded-2xl border border-amber-300 bg-amber-50 p-5 text-stone-900"
    >
      <h2 id="waiting-change-heading" className="text-lg font-semibold tracking-tight">
        A contact change is waiting
      </h2>
      <ContactChangeLines lines={change.lines} />
      <p className="text-sm">
        It applies on <strong className="font-semibold">{formatMoment(change.appliesAt)}</strong>.
        Until then your profile shows the current details.
        {change.notified
          ? ' We emailed the address on the listing and your account’s address about it.'
          : ' We emailed your account’s address about it.'}
      </p>
      {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <form action={action}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Stopping…' : 'Stop this change'}
        </Button>
      </form>
    </section>
  );
}
