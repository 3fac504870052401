import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccessNotice } from '@/components/replies/access-notice';
import { OwnerReplyPanel } from '@/components/replies/owner-reply-panel';
import { ReviewItem } from '@/components/therapists/review-item';
import { ButtonLink } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
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

function FilterLink({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: string;
}) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cn(
        'inline-flex min-h-10 items-center rounded-full border px-4 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700',
        current
          ? 'border-teal-700 bg-teal-700 text-white'
          : 'border-stone-300 bg-white text-stone-800 hover:border-teal-700 hover:bg-teal-50 hover:text-teal-900',
      )}
    >
      {children}
    </Link>
  );
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
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(PATH)}`);
  const params = parseOwnerReviewParams(await searchParams);
  let list;
  try {
    list = await listOwnerReviews(viewer, params);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <AccessNotice
        title="Reviews and replies"
        message={error.message}
        secondFactor={error.code === 'second_factor'}
      />
    );
  }
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
        <FilterLink
          href={hrefFor({ page: 1, unansweredOnly: false })}
          current={!list.unansweredOnly}
        >
          All published reviews
        </FilterLink>
        <FilterLink href={hrefFor({ page: 1, unansweredOnly: true })} current={list.unansweredOnly}>
          Unanswered only
        </FilterLink>
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
