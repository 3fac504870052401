'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { endSessionAction } from '@/lib/account/actions';

/** Ends one session on another device. */
export function EndSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, action, pending] = useActionState(endSessionAction, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col items-start gap-1 sm:items-end">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Ending…' : 'End'}
        <span className="sr-only"> the session on {label}</span>
      </Button>
      {failure ? (
        <p role="alert" className="text-sm text-red-800">
          {failure.message}
        </p>
      ) : null}
    </form>
  );
}
