import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { DeleteReviewForm } from '@/components/reviews/delete-review-form';
import { ReviewForm } from '@/components/reviews/review-form';
import { BackLink } from '@/components/ui/back-link';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { formatDate } from '@/lib/format';
import { checkInvitationForListing, invitationParam } from '@/lib/invitations/queries';
import { EMPTY_REVIEW_FORM } from '@/lib/reviews/input';
import { getReviewFormContext, getReviewTarget, type OwnReviewForm } from '@/lib/reviews/editing';
import { TEXT_LINK } from '@/components/ui/text-link';

interface ReviewPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const loadTarget = cache((slug: string) => getReviewTarget(slug));

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

const INVALID_INVITATION =
  'This invitation link is not valid. Open it exactly as it is in the email; if it was copied, part of it may be missing.';

/** What the page says about the invitation link it was opened with. */
function InvitationNotice({
  therapistName,
  applies,
  problem,
}: {
  therapistName: string;
  applies: boolean;
  problem: string | null;
}) {
  if (applies) {
    return (
      <FormMessage tone="info">
        {therapistName} invited you to share how your care went, good or bad. Your review will say
        that it was invited; it is checked and published like every other review.
      </FormMessage>
    );
  }
  return (
    <FormMessage tone="info">
      {problem} You can still write your review: it is saved like any other, only without the
      “invited” label.
    </FormMessage>
  );
}

/** Writing a review of a therapist, or editing (and deleting) the one the viewer wrote. */
export default async function ReviewPage({ params, searchParams }: ReviewPageProps) {
  const { slug } = await params;
  const target = await loadTarget(slug);
  if (!target) notFound();
  const given = (await searchParams).invitation;
  const invitation = invitationParam(given);
  const viewer = await getViewer();
  const here = `/therapists/${encodeURIComponent(target.slug)}/review`;
  if (!viewer) {
    // The invitation stays in the address through sign-in, so the review can carry it.
    const back = invitation ? `${here}?invitation=${encodeURIComponent(invitation)}` : here;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  const context = await getReviewFormContext(viewer, target.slug);
  if (!context) notFound();
  // Reading only: opening an invitation link records nothing.
  const invitationUse =
    invitation && !context.existing && !context.ownListing
      ? await checkInvitationForListing(invitation, target.slug)
      : null;
  const invitationApplies = invitationUse?.status === 'valid';
  const invitationProblem =
    given === undefined || context.existing || context.ownListing || invitationApplies
      ? null
      : (invitationUse?.message ?? INVALID_INVITATION);

  const { therapist, existing } = context;
  const profile = `/therapists/${encodeURIComponent(therapist.slug)}`;
  const fullName = therapist.credentials
    ? `${therapist.name}, ${therapist.credentials}`
    : therapist.name;

  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <BackLink href={profile}>Back to {therapist.name}</BackLink>
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
          {existing && given !== undefined ? (
            <FormMessage tone="info">
              You have already reviewed {therapist.name}, so the invitation is not needed: you can
              change your review below.
            </FormMessage>
          ) : null}
          {invitationApplies || invitationProblem ? (
            <InvitationNotice
              therapistName={therapist.name}
              applies={invitationApplies}
              problem={invitationProblem}
            />
          ) : null}
          <p className="text-sm text-stone-700">
            You are posting as <strong className="font-semibold">{viewer.displayName}</strong>.{' '}
            <Link href="/account" className={TEXT_LINK}>
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
              invitation={invitationApplies ? invitation : null}
            />
          )}
          {existing ? <DeleteReviewForm reviewId={existing.id} /> : null}
        </div>
      )}
    </Container>
  );
}
