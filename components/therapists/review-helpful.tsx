import Link from 'next/link';
import type { HelpfulState } from '@/lib/therapists/types';
import { HelpfulButton } from './helpful-button';
import { helpfulCountText } from './helpful-count';

interface ReviewHelpfulProps {
  reviewId: number;
  helpful: HelpfulState;
  /** Where to come back to after signing in. */
  signInHref: string;
}

/** The helpful votes of a review: a button for members, the count for everyone else. */
export function ReviewHelpful({ reviewId, helpful, signInHref }: ReviewHelpfulProps) {
  if (helpful.viewer === 'member') {
    return <HelpfulButton reviewId={reviewId} count={helpful.count} voted={helpful.voted} />;
  }
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
      <span className="tabular-nums">{helpfulCountText(helpful.count)}</span>
      {helpful.viewer === 'signed_out' ? (
        <Link
          href={signInHref}
          className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
        >
          Sign in to vote
        </Link>
      ) : (
        <span>Your review: you cannot vote on it.</span>
      )}
    </p>
  );
}
