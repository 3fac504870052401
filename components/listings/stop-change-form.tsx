'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { stopContactChangeAction } from '@/lib/listings/actions';

/**
 * The one button on the page that the old address's link opens. Only pressing it stops the
 * change; opening the page does nothing.
 */
export function StopChangeForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(stopContactChangeAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-3" role="status">
        <p className="rounded-xl border border-teal-200 bg-teal-50 px-4 py-3 text-base font-semibold text-teal-900">
          The change is stopped. The contact details of {state.data.therapistName} stay as they are.
        </p>
        <p className="text-sm text-stone-700">
          If you did not ask for it, someone may have got into the account that holds the listing.
          Claim the listing again from{' '}
          <Link
            href={`/therapists/${encodeURIComponent(state.data.therapistSlug)}`}
            className="font-semibold text-teal-800 underline underline-offset-2"
          >
            its page
          </Link>{' '}
          so that a moderator looks into it.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Button type="submit" disabled={pending} className="min-h-12 px-6 text-base">
        {pending ? 'Stopping…' : 'Stop this change'}
      </Button>
    </form>
  );
}
