import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AppealForm } from '@/components/moderation/appeal-form';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { getAppealContext } from '@/lib/moderation/appeals';
import { MODERATION_REASON_OPTIONS, REVIEW_STATUS_LABELS } from '@/lib/moderation/reasons';
import { TEXT_LINK } from '@/components/ui/text-link';

export const metadata: Metadata = {
  title: 'The decision on your review',
  robots: { index: false },
};

const WHAT_IT_MEANS: Record<string, string> = {
  pending: 'A moderator has not decided yet; the review is not shown meanwhile.',
  published: 'Your review is shown on the profile.',
  not_recommended:
    'Your review is not counted in the rating and is shown only among the not recommended reviews.',
  removed: 'Your review is not shown anywhere.',
};

export default async function AppealPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId: raw } = await params;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2_147_483_647) notFound();
  const reviewId = Number(raw);
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=/moderation/appeal/${reviewId}`);
  let context;
  try {
    context = await getAppealContext(viewer, reviewId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'not_found') notFound();
    return (
      <Container className="max-w-3xl py-10">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">
          The decision on a review
        </h1>
        <FormMessage tone="error" className="mt-6">
          {error.message}
        </FormMessage>
      </Container>
    );
  }
  const { review, appeal } = context;
  const reason = review.statusReasonText;
  const reasonHint = MODERATION_REASON_OPTIONS.find((o) => o.value === review.statusReason)?.hint;
  const decidedOn = review.moderatedAt ? formatDate(review.moderatedAt.toISOString()) : null;
  const appealReason = appeal?.reason
    ? MODERATION_REASON_OPTIONS.find((o) => o.value === appeal.reason)?.label
    : null;
  return (
    <Container className="max-w-3xl py-10 sm:py-14">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">
        The decision on your review
      </h1>
      <p className="mt-2 text-base text-stone-700">
        Your review of{' '}
        <Link href={`/therapists/${review.therapist.slug}`} className={TEXT_LINK}>
          {review.therapist.name}
        </Link>
        .
      </p>

      <Card as="section" aria-labelledby="decision-heading" className="mt-8 p-6">
        <h2 id="decision-heading" className="text-xl font-semibold tracking-tight text-stone-900">
          {REVIEW_STATUS_LABELS[review.status]}
        </h2>
        <p className="mt-1 text-sm text-stone-700">{WHAT_IT_MEANS[review.status]}</p>
        <dl className="mt-4 space-y-2 text-sm">
          {reason ? (
            <div>
              <dt className="font-medium text-stone-900">Reason</dt>
              <dd className="text-stone-800">
                {reason}
                {reasonHint ? <span className="text-stone-600"> ({reasonHint})</span> : null}
              </dd>
            </div>
          ) : null}
          {decidedOn ? (
            <div>
              <dt className="font-medium text-stone-900">Decided on</dt>
              <dd className="text-stone-800">{decidedOn}</dd>
            </div>
          ) : null}
        </dl>
        <blockquote className="mt-4 rounded-xl border-l-4 border-stone-300 bg-stone-50 px-4 py-3">
          {review.title ? <p className="font-semibold text-stone-900">{review.title}</p> : null}
          <p className="mt-1 text-base whitespace-pre-line text-stone-800">{review.body}</p>
        </blockquote>
        <p className="mt-3 text-sm text-stone-600">
          Decisions are about what a review says, never about its rating.
        </p>
      </Card>

      <Card as="section" aria-labelledby="appeal-heading" className="mt-6 p-6">
        <h2 id="appeal-heading" className="text-xl font-semibold tracking-tight text-stone-900">
          Appeal
        </h2>
        {appeal ? (
          <div className="mt-3 space-y-3 text-sm text-stone-800">
            <p>
              You appealed on {formatDate(appeal.createdAt.toISOString())}.{' '}
              {appeal.outcome === null
                ? 'A moderator who did not make the decision will decide it.'
                : appeal.outcome === 'overturned'
                  ? `The decision was overturned on ${formatDate(appeal.decidedAt?.toISOString())}: your review is published.`
                  : `The decision was kept on ${formatDate(appeal.decidedAt?.toISOString())}${appealReason ? ` (${appealReason})` : ''}.`}
            </p>
            <p className="font-medium text-stone-900">What you wrote</p>
            <p className="whitespace-pre-line">{appeal.statement}</p>
          </div>
        ) : context.canAppeal ? (
          <div className="mt-3">
            <p className="mb-4 text-sm text-stone-700">
              If you think the decision is wrong, say why. Another moderator reads your appeal and
              decides; you can appeal once.
            </p>
            <AppealForm reviewId={review.id} />
          </div>
        ) : (
          <p className="mt-3 text-sm text-stone-700">
            Only a review that was not recommended or removed can be appealed.
          </p>
        )}
      </Card>
    </Container>
  );
}
