import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { ReviewItem } from '@/components/therapists/review-item';
import { ButtonLink } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { EmptyState } from '@/components/ui/empty-state';
import { ChevronLeftIcon } from '@/components/ui/icons';
import { Pagination } from '@/components/ui/pagination';
import { pluralize } from '@/lib/format';
import { listNotRecommendedReviews } from '@/lib/reviews/queries';
import { getTherapistProfile } from '@/lib/therapists/queries';

interface NotRecommendedPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?page=N`: a whole number from 1 (the last one when repeated); anything else is page 1. */
const pageParam = z
  .preprocess(
    (value) => (Array.isArray(value) ? (value as unknown[])[value.length - 1] : value),
    z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(1)),
  )
  .catch(1);

const loadProfile = cache(async (slug: string) => {
  await connection();
  return getTherapistProfile(slug);
});

export async function generateMetadata({ params }: NotRecommendedPageProps): Promise<Metadata> {
  const { slug } = await params;
  const therapist = await loadProfile(slug);
  if (!therapist) return { title: 'Therapist not found' };
  return {
    title: `Not recommended reviews of ${therapist.name}`,
    robots: { index: false },
  };
}

export default async function NotRecommendedReviewsPage({
  params,
  searchParams,
}: NotRecommendedPageProps) {
  const { slug } = await params;
  const therapist = await loadProfile(slug);
  if (!therapist) notFound();
  const page = pageParam.parse((await searchParams).page);
  const reviews = await listNotRecommendedReviews(therapist.id, { page });
  const profilePath = `/therapists/${encodeURIComponent(therapist.slug)}`;
  const basePath = `${profilePath}/reviews/not-recommended`;
  const hrefForPage = (n: number) => (n <= 1 ? basePath : `${basePath}?page=${n}`);

  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <Link
        href={`${profilePath}#reviews`}
        className="inline-flex items-center gap-1 text-sm font-medium text-teal-800 hover:text-teal-900"
      >
        <ChevronLeftIcon />
        Back to {therapist.name}
      </Link>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-balance text-stone-900 sm:text-3xl">
        Not recommended reviews of {therapist.name}
      </h1>
      <div className="mt-3 max-w-prose space-y-2 text-sm text-stone-700">
        <p>
          A moderator found that these reviews do not meet our review guidelines, for the reason
          shown with each. They are kept here so that nothing is hidden silently, but{' '}
          <strong className="font-semibold text-stone-900">
            they do not count in the rating or the outcome figures
          </strong>
          .
        </p>
        <p>
          Reasons are about what a review says, never about its rating: a 1-star and a 5-star review
          with the same problem get the same decision.
        </p>
      </div>

      <div className="mt-8 space-y-4">
        {reviews.total === 0 ? (
          <EmptyState
            title="No review of this therapist is marked not recommended"
            action={
              <ButtonLink href={`${profilePath}#reviews`} variant="secondary">
                Read the published reviews
              </ButtonLink>
            }
          />
        ) : reviews.items.length === 0 ? (
          <EmptyState
            title={`There is no page ${page} of these reviews`}
            action={
              <ButtonLink href={hrefForPage(1)} variant="secondary">
                Back to the first page
              </ButtonLink>
            }
          />
        ) : (
          <>
            <h2 className="text-lg font-semibold text-stone-900">
              {pluralize(reviews.total, 'not recommended review')}
              <span className="font-normal text-stone-600">, newest first</span>
            </h2>
            <ol className="space-y-4">
              {reviews.items.map((review) => (
                <li key={review.id}>
                  <ReviewItem
                    review={review}
                    date={{ label: 'Written', iso: review.writtenAt }}
                    withheldText={
                      review.textWithheld
                        ? 'The text is withheld because it holds someone’s personal details.'
                        : undefined
                    }
                    footer={
                      <p className="text-sm text-stone-700">
                        <span className="font-semibold text-stone-900">Not recommended:</span>{' '}
                        {review.reason}
                      </p>
                    }
                  />
                </li>
              ))}
            </ol>
            <Pagination
              page={reviews.page}
              pageCount={reviews.pageCount}
              hrefFor={hrefForPage}
              label="Pages of not recommended reviews"
              className="pt-2"
            />
          </>
        )}
      </div>
    </Container>
  );
}
