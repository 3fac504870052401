'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { deleteReplyAction, type DeleteReplyState } from '@/lib/replies/actions';

/** Deleting the owner's reply, behind a disclosure so that one stray tap does not do it. */
export function DeleteReplyForm({ reviewId }: { reviewId: number }) {
  const [state, action, pending] = useActionState<DeleteReplyState, FormData>(
    deleteReplyAction,
    null,
  );
  const failure = state && !state.ok ? state : null;
  return (
    <details className="rounded-xl border border-stone-200 bg-white px-3 py-2">
      <summary className="flex min-h-11 cursor-pointer items-center rounded-lg px-1 text-sm font-semibold text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
        Delete this reply…
      </summary>
      <form action={action} className="mt-2 space-y-3 px-1 pb-2">
        <input type="hidden" name="reviewId" value={String(reviewId)} />
        <p className="text-sm text-stone-700">
          Your reply is deleted for good and leaves your profile. The review stays as it is. You can
          write a new reply afterwards.
        </p>
        {failure ? <FormMessage tone="error">{failure.message}</FormMessage> : null}
        <Button
          type="submit"
          disabled={pending}
          className="bg-red-700 hover:bg-red-800 active:bg-red-900"
        >
          {pending ? 'Deleting…' : 'Yes, delete my reply'}
        </Button>
      </form>
    </details>
  );
}
