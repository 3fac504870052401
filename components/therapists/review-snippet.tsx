import { cn } from '@/components/ui/cn';
import { Stars } from '@/components/ui/stars';
import type { TopReviewSnippet } from '@/lib/search/types';

/** A short quote from one review: stars, title, a few lines of text, and who wrote it. */
export function ReviewSnippet({
  review,
  className,
}: {
  review: TopReviewSnippet;
  className?: string;
}) {
  return (
    <figure className={cn('rounded-xl bg-stone-50 px-3 py-2.5 text-sm', className)}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Stars value={review.rating} size="sm" />
        {review.title ? <p className="min-w-0 font-medium text-stone-900">{review.title}</p> : null}
      </div>
      <blockquote className="mt-1 line-clamp-3 text-stone-700">
        <p>“{review.body}”</p>
      </blockquote>
      <figcaption className="mt-1 text-xs text-stone-600">— {review.authorName}</figcaption>
    </figure>
  );
}
