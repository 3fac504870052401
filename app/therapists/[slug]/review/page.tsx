import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { DeleteReviewForm } from '@/components/reviews/delete-review-form';
import { ReviewForm } from '@/components/reviews/review-form';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { ChevronLeftIcon } from '@/components/ui/icons';
import { getViewer } from '@/lib/auth/viewer';
import { formatDate } from '@/lib/format';
import { EMPTY_REVIEW_FORM } from '@/lib/reviews/input';
import { getReviewFormContext, getReviewTarget, type OwnReviewForm } from '@/lib/reviews/editing';

interface ReviewPageProps {
  params: Promise<{ slug: string }>;
}

const loadTarget = cache((slug: string) => getReviewTarget(slug));

const LINK = 'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';

export async function generateMetadata({ params }: ReviewPageProps): Promise<Metadata> {
  const { slug } = await params;
  const target = await loadTarget(slug);
  return {
    title: target ? `Review ${target.name}` : 'Therapist not found',
    robots: { index: false },
  };
}

function ExistingStatus({ review }: { review: OwnReviewForm }) {
  const changed = formatDate(review.updatedAt);
  switch (review.status) {
    case 'published':
      return (
        <FormMessage tone="info">
          Your review is published (version {review.version}, last changed {changed}). Saving
          changes keeps the earlier version on record.
        </FormMessage>
      );
    case 'pending':
      return (
        <FormMessage tone="info">
          Your review is waiting for a moderator before it appears.
          {review.statusMessage ? ` ${review.statusMessage}` : ''}
        </FormMessage>
      );
    case 'not_recommended':
      return (
        <FormMessage tone="info">
          Your review is shown among the reviews that are not recommended.
          {review.statusMessage ? ` ${review.statusMessage}` : ''}
        </FormMessage>
      );
    case 'removed':
      return (
        <FormMessage tone="info">
          A moderator removed your review, so it can no longer be edited.
          {review.statusMessage ? ` ${review.statusMessage}` : ''} You can still delete it.
        </FormMessage>
      );
  }
}

/** Writing a review of a therapist, or editing (and deleting) the one the viewer wrote. */
export default async function ReviewPage({ params }: ReviewPageProps) {
  const { slug } = await params;
  const target = await loadTarget(slug);
  if (!target) notFound();
  const viewer = await getViewer();
  const here = `/therapists/${encodeURIComponent(target.slug)}/review`;
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  const context = await getReviewFormContext(viewer, target.slug);
  if (!context) notFound();

  const { therapist, existing } = context;
  const profile = `/therapists/${encodeURIComponent(therapist.slug)}`;
  const fullName = therapist.credentials
    ? `${therapist.name}, ${therapist.credentials}`
    : therapist.name;

  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <Link
        href={profile}
        className="inline-flex min-h-11 items-center gap-1 text-sm font-semibold text-teal-800 hover:text-teal-900"
      >
        <ChevronLeftIcon className="size-4" />
        Back to {therapist.name}
      </Link>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900">
        {existing ? 'Edit your review' : 'Write a review'}
      </h1>
      <p className="mt-1 text-base text-stone-700">{fullName}</p>

      {context.ownListing ? (
        <div className="mt-6">
          <FormMessage tone="info">
            This is your own listing. Owners and their staff cannot review their own practice; ask
            your clients to share their experience instead.
          </FormMessage>
        </div>
      ) : (
        <div className="mt-6 space-y-6">
          {existing ? <ExistingStatus review={existing} /> : null}
          <p className="text-sm text-stone-700">
            You are posting as <strong className="font-semibold">{viewer.displayName}</strong>.{' '}
            <Link href="/account" className={LINK}>
              Change your public name
            </Link>
            . Write about your own visits only; every review that keeps to the content rules is
            published, whatever its rating.
          </p>
          {existing?.status === 'removed' ? null : (
            <ReviewForm
              therapistSlug={therapist.slug}
              therapistName={therapist.name}
              reviewId={existing?.id ?? null}
              initial={existing?.values ?? EMPTY_REVIEW_FORM}
              conditions={context.conditions}
              consentText={context.consentText}
              limits={context.limits}
            />
          )}
          {existing ? <DeleteReviewForm reviewId={existing.id} /> : null}
        </div>
      )}
    </Container>
  );
}
