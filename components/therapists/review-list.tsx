import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import type { Page, PublicReview } from '@/lib/therapists/types';
import { ReviewItem } from './review-item';

interface ReviewListProps {
  reviews: Page<PublicReview>;
  /** The page asked for, which may be past the last one. */
  requestedPage: number;
  hrefForPage: (page: number) => string;
}

/** A page of reviews with numbered pagination, or the right empty state. */
export function ReviewList({ reviews, requestedPage, hrefForPage }: ReviewListProps) {
  if (reviews.total === 0) {
    return (
      <EmptyState title="No published reviews yet">
        Been treated by this therapist? Your review will help the next person in pain.
      </EmptyState>
    );
  }
  if (reviews.items.length === 0) {
    return (
      <EmptyState
        title={`There is no page ${requestedPage} of reviews`}
        action={
          <ButtonLink href={hrefForPage(1)} variant="secondary">
            Back to the latest reviews
          </ButtonLink>
        }
      >
        The reviews run to {reviews.pageCount === 1 ? 'one page' : `${reviews.pageCount} pages`}.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="space-y-4">
        {reviews.items.map((review) => (
          <li key={review.id}>
            <ReviewItem review={review} />
          </li>
        ))}
      </ol>
      <Pagination
        page={reviews.page}
        pageCount={reviews.pageCount}
        hrefFor={hrefForPage}
        label="Review pages"
        className="pt-2"
      />
    </div>
  );
}
