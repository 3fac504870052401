'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { deleteReviewAction, type DeleteReviewState } from '@/lib/reviews/actions';

/**
 * Deleting one's own review, behind a disclosure so that one stray tap does not do it. Works
 * without JavaScript.
 */
export function DeleteReviewForm({ reviewId }: { reviewId: number }) {
  const [state, action, pending] = useActionState<DeleteReviewState, FormData>(
    deleteReviewAction,
    null,
  );
  return (
    <details className="group rounded-2xl border border-stone-200 bg-white p-4 open:shadow-xs">
      <summary className="flex min-h-11 cursor-pointer items-center rounded-xl px-2 text-sm font-semibold text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
        Delete this review…
      </summary>
      <form action={action} className="mt-3 space-y-3 px-2">
        <input type="hidden" name="reviewId" value={String(reviewId)} />
        <p className="text-sm text-stone-700">
          Your review, its earlier versions and its follow-up answers are deleted for good, and the
          therapist’s figures are recalculated without them. You can write a new review afterwards.
        </p>
        {state ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        <Button
          type="submit"
          disabled={pending}
          className="bg-red-700 hover:bg-red-800 active:bg-red-900"
        >
          {pending ? 'Deleting…' : 'Yes, delete my review'}
        </Button>
      </form>
    </details>
  );
}
