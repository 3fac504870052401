import Link from 'next/link';
import { cn } from '@/components/ui/cn';

interface HeldBackReviewsProps {
  pending: number;
  notRecommended: number;
  /** The page listing the not-recommended reviews. */
  notRecommendedHref: string;
  className?: string;
}

function reviewsAre(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'review is' : 'reviews are'}`;
}

/**
 * "3 reviews are waiting for moderation; 2 are not recommended — read them". Nothing is hidden
 * silently: what moderation holds back is counted here, and the not-recommended ones can be read.
 */
export function HeldBackReviews({
  pending,
  notRecommended,
  notRecommendedHref,
  className,
}: HeldBackReviewsProps) {
  if (pending === 0 && notRecommended === 0) return null;
  const readLink = (
    <Link
      href={notRecommendedHref}
      className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
    >
      read {notRecommended === 1 ? 'it' : 'them'}
    </Link>
  );
  return (
    <p className={cn('text-sm text-stone-700', className)}>
      {pending > 0 ? `${reviewsAre(pending)} waiting for moderation` : null}
      {pending > 0 && notRecommended > 0 ? '; ' : null}
      {notRecommended > 0 ? (
        <>
          {pending > 0
            ? `${notRecommended.toLocaleString('en-US')} ${notRecommended === 1 ? 'is' : 'are'}`
            : reviewsAre(notRecommended)}{' '}
          not recommended — {readLink}
        </>
      ) : null}
      . They do not count in the rating or the outcomes.
    </p>
  );
}
