import type { Metadata } from 'next';
import { OwnerReplyPanel } from '@/components/replies/owner-reply-panel';
import { ReviewItem } from '@/components/therapists/review-item';
import { AccessNotice } from '@/components/ui/access-notice';
import { ButtonLink } from '@/components/ui/button';
import { ChipLink } from '@/components/ui/chip-link';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { loadViewerPage } from '@/lib/auth/page-access';
import { pluralize } from '@/lib/format';
import {
  listOwnerReviews,
  parseOwnerReviewParams,
  type OwnerReviewParams,
} from '@/lib/replies/queries';

export const metadata: Metadata = { title: 'Reviews and replies' };

type Params = Record<string, string | string[] | undefined>;

const PATH = '/dashboard/reviews';

function hrefFor(params: OwnerReviewParams): string {
  const query = new URLSearchParams();
  if (params.unansweredOnly) query.set('unanswered', '1');
  if (params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `${PATH}?${text}` : PATH;
}

/**
 * The owner's published reviews, newest first, each with the reply's state and a composer.
 * The data layer checks that the viewer holds a listing, with a passkey confirmed.
 */
export default async function DashboardReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Params>;
}) {
  const params = parseOwnerReviewParams(await searchParams);
  const page = await loadViewerPage(PATH, (viewer) => listOwnerReviews(viewer, params));
  if (!page.ok) {
    return (
      <AccessNotice
        title="Reviews and replies"
        refusal={page.refusal}
        passkeyWhy="Replies speak for your practice, so they need a passkey confirmed in this session."
      />
    );
  }
  const list = page.data;
  const { reviews, counts } = list;
  const pageHref = (page: number) => hrefFor({ ...params, page });

  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Reviews and replies</h1>
      <div className="mt-3 space-y-2 text-base text-stone-800">
        <p>
          You can reply once to each published review of {list.listing.name}, and edit or delete
          your reply later. Your reply appears under the review as “Reply from {list.listing.name}”.
        </p>
        <p className="text-sm text-stone-700">
          Only published reviews can be answered: reviews waiting for a moderator or marked not
          recommended are not listed here. Nobody can change or hide a review through a reply.
        </p>
      </div>

      <p className="mt-6 text-sm text-stone-700">
        {pluralize(counts.published, 'published review')} · {counts.unanswered} without a reply
        {counts.held > 0
          ? ` · ${pluralize(counts.held, 'reply', 'replies')} held for a moderator`
          : ''}
      </p>
      <nav aria-label="Which reviews" className="mt-3 flex flex-wrap gap-2">
        <ChipLink href={hrefFor({ page: 1, unansweredOnly: false })} current={!list.unansweredOnly}>
          All published reviews
        </ChipLink>
        <ChipLink href={hrefFor({ page: 1, unansweredOnly: true })} current={list.unansweredOnly}>
          Unanswered only
        </ChipLink>
      </nav>

      <section aria-labelledby="owner-reviews-list" className="mt-6">
        <h2 id="owner-reviews-list" className="sr-only">
          {list.unansweredOnly ? 'Reviews without a reply' : 'Published reviews'}
        </h2>
        {reviews.total === 0 ? (
          <EmptyState
            title={
              list.unansweredOnly
                ? 'Every published review has a reply'
                : 'No published reviews yet'
            }
          >
            {list.unansweredOnly
              ? 'New reviews appear here as soon as they are published.'
              : 'Reviews appear here once they are published.'}
          </EmptyState>
        ) : reviews.items.length === 0 ? (
          <EmptyState
            title={`There is no page ${params.page} of reviews`}
            action={
              <ButtonLink href={pageHref(1)} variant="secondary">
                Back to the first page
              </ButtonLink>
            }
          />
        ) : (
          <div className="space-y-4">
            <ol className="space-y-4">
              {reviews.items.map(({ review, reply }) => (
                <li key={review.id}>
                  <ReviewItem
                    review={review}
                    date={{ label: 'Published', iso: review.publishedAt }}
                    footer={
                      <OwnerReplyPanel
                        reviewId={review.id}
                        listingName={list.listing.name}
                        reply={reply}
                      />
                    }
                  />
                </li>
              ))}
            </ol>
            <Pagination
              page={reviews.page}
              pageCount={reviews.pageCount}
              hrefFor={pageHref}
              label="Pages of reviews"
              className="pt-2"
            />
          </div>
        )}
      </section>
    </div>
  );
}
