'use client';

import { useActionState } from 'react';
import { DeleteDisclosure } from '@/components/ui/delete-disclosure';
import { deleteReplyAction, type DeleteReplyState } from '@/lib/replies/actions';

/** Deleting the owner's reply. */
export function DeleteReplyForm({ reviewId }: { reviewId: number }) {
  const [state, action, pending] = useActionState<DeleteReplyState, FormData>(
    deleteReplyAction,
    null,
  );
  return (
    <DeleteDisclosure
      summary="Delete this reply…"
      action={action}
      hidden={{ reviewId }}
      error={state && !state.ok ? state.message : null}
      pending={pending}
      confirm="Yes, delete my reply"
    >
      Your reply is deleted for good and leaves your profile. The review stays as it is. You can
      write a new reply afterwards.
    </DeleteDisclosure>
  );
}
