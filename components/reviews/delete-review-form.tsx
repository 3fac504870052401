'use client';

import { useActionState } from 'react';
import { DeleteDisclosure } from '@/components/ui/delete-disclosure';
import { deleteReviewAction, type DeleteReviewState } from '@/lib/reviews/actions';

/** Deleting one's own review. */
export function DeleteReviewForm({ reviewId }: { reviewId: number }) {
  const [state, action, pending] = useActionState<DeleteReviewState, FormData>(
    deleteReviewAction,
    null,
  );
  return (
    <DeleteDisclosure
      summary="Delete this review…"
      action={action}
      hidden={{ reviewId }}
      error={state ? state.message : null}
      pending={pending}
      confirm="Yes, delete my review"
    >
      Your review, its earlier versions and its follow-up answers are deleted for good, and the
      therapist’s figures are recalculated without them. You can write a new review afterwards.
    </DeleteDisclosure>
  );
}
