import { Card } from '@/components/ui/card';
import { Stars } from '@/components/ui/stars';
import { formatRating, pluralize } from '@/lib/format';
import type { OutcomeFigure, RatingSummary } from '@/lib/therapists/types';
import { HeldBackReviews } from './held-back-reviews';
import { OutcomeFigures } from './outcome-figures';
import { StarDistribution } from './star-distribution';

interface RatingOverviewProps {
  rating: RatingSummary;
  improved: OutcomeFigure | null;
  lastingRelief: OutcomeFigure | null;
  minReports: number;
  /** The page listing the not-recommended reviews. */
  notRecommendedHref: string;
}

/** Average, star distribution, outcome figures and what moderation held back. */
export function RatingOverview({
  rating,
  improved,
  lastingRelief,
  minReports,
  notRecommendedHref,
}: RatingOverviewProps) {
  return (
    <Card as="section" aria-labelledby="rating-heading" className="space-y-5 p-5">
      <h2 id="rating-heading" className="text-base font-semibold text-stone-900">
        Ratings and outcomes
      </h2>
      {rating.average !== null && rating.reviewCount > 0 ? (
        <>
          <div className="flex items-center gap-4">
            <p
              className="text-5xl font-semibold tracking-tight text-stone-900 tabular-nums"
              aria-hidden="true"
            >
              {formatRating(rating.average)}
            </p>
            <div className="space-y-1">
              <Stars value={rating.average} size="lg" />
              <p className="text-sm text-stone-600">
                {pluralize(rating.reviewCount, 'published review')}
              </p>
            </div>
          </div>
          <StarDistribution starCounts={rating.starCounts} />
        </>
      ) : (
        <p className="text-sm text-stone-600">No published reviews yet.</p>
      )}
      <div className="border-t border-stone-100 pt-5">
        <OutcomeFigures improved={improved} lastingRelief={lastingRelief} minReports={minReports} />
      </div>
      {rating.pendingCount > 0 || rating.notRecommendedCount > 0 ? (
        <div className="border-t border-stone-100 pt-4">
          <HeldBackReviews
            pending={rating.pendingCount}
            notRecommended={rating.notRecommendedCount}
            notRecommendedHref={notRecommendedHref}
            className="text-xs text-stone-600"
          />
        </div>
      ) : null}
    </Card>
  );
}
