import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ReportReviewForm } from '@/components/moderation/report-review-form';
import { Pagination } from '@/components/ui/pagination';
import type { Page, PublicReview } from '@/lib/therapists/types';
import { ReviewHelpful } from './review-helpful';
import { ReviewItem } from './review-item';

interface ReviewListProps {
  reviews: Page<PublicReview>;
  /** The page asked for, which may be past the last one. */
  requestedPage: number;
  hrefForPage: (page: number) => string;
  /** Where "Sign in to vote" leads for a review (back to it afterwards). */
  signInHrefFor: (reviewId: number) => string;
  /** The address without filters, when filters are in use. */
  clearFiltersHref: string | null;
}

/** A page of reviews with their helpful votes and numbered pagination, or the right empty state. */
export function ReviewList({
  reviews,
  requestedPage,
  hrefForPage,
  signInHrefFor,
  clearFiltersHref,
}: ReviewListProps) {
  if (reviews.total === 0 && clearFiltersHref) {
    return (
      <EmptyState
        title="No published review matches these filters"
        action={
          <ButtonLink href={clearFiltersHref} variant="secondary">
            Show all reviews
          </ButtonLink>
        }
      >
        Try fewer filters: conditions show only when reviewers chose to name them.
      </EmptyState>
    );
  }
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
            Back to the first page
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
            <ReviewItem
              review={review}
              date={{ label: 'Published', iso: review.publishedAt }}
              footer={
                <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                  <ReviewHelpful
                    reviewId={review.id}
                    helpful={review.helpful}
                    signInHref={signInHrefFor(review.id)}
                  />
                  {review.helpful.viewer !== 'author' ? (
                    <ReportReviewForm
                      reviewId={review.id}
                      signedIn={review.helpful.viewer === 'member'}
                      signInHref={signInHrefFor(review.id)}
                    />
                  ) : null}
                </div>
              }
            />
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
