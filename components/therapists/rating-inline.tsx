import { Stars } from '@/components/ui/stars';
import { cn } from '@/components/ui/cn';
import { formatRating, pluralize } from '@/lib/format';

interface RatingInlineProps {
  average: number | null;
  reviewCount: number;
  className?: string;
}

/** Stars, average and review count on one line; "No reviews yet" without any. */
export function RatingInline({ average, reviewCount, className }: RatingInlineProps) {
  if (average === null || reviewCount === 0) {
    return <p className={cn('text-sm text-stone-600', className)}>No reviews yet</p>;
  }
  return (
    <p className={cn('flex flex-wrap items-center gap-x-2 gap-y-1 text-sm', className)}>
      <Stars value={average} />
      <span className="font-semibold text-stone-900 tabular-nums" aria-hidden="true">
        {formatRating(average)}
      </span>
      <span className="text-stone-600">({pluralize(reviewCount, 'review')})</span>
    </p>
  );
}
