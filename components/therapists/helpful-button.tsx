'use client';

import { useActionState } from 'react';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import { helpfulVoteAction } from '@/lib/reviews/vote-actions';
import { helpfulCountText } from './helpful-count';

interface HelpfulButtonProps {
  reviewId: number;
  count: number;
  voted: boolean;
}

/**
 * "Helpful", pressed when the member voted. A form POST: without scripts the page reloads with
 * the vote counted. The form says which state it asks for, so sending it twice votes once.
 */
export function HelpfulButton({ reviewId, count, voted }: HelpfulButtonProps) {
  const [state, action, pending] = useActionState(helpfulVoteAction, null);
  const current = state?.ok ? state.data : { count, voted };
  const failure = state && !state.ok ? state : null;
  const countId = `review-${reviewId}-helpful-count`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="helpful" value={current.voted ? 'false' : 'true'} />
      <button
        type="submit"
        aria-pressed={current.voted}
        aria-describedby={countId}
        aria-busy={pending || undefined}
        className={cn(
          'inline-flex min-h-10 items-center gap-1.5 rounded-xl border px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700',
          current.voted
            ? 'border-teal-700 bg-teal-50 text-teal-900 hover:bg-teal-100'
            : 'border-stone-300 bg-white text-stone-800 hover:border-stone-400 hover:bg-stone-50',
        )}
      >
        {current.voted ? <CheckIcon className="text-teal-700" /> : null}
        Helpful
      </button>
      <span id={countId} role="status" className="text-sm text-stone-600 tabular-nums">
        {helpfulCountText(current.count)}
      </span>
      {failure ? (
        <span role="alert" className="basis-full text-sm text-red-800">
          {failure.message}
        </span>
      ) : null}
    </form>
  );
}
