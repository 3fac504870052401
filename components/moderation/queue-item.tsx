import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { QueueAppeal, QueueReview } from '@/lib/moderation/queue';
import { REVIEW_STATUS_LABELS, reportReasonLabel, waitingLabel } from '@/lib/moderation/reasons';
import { AppealDecisionForm, ReviewDecisionForm } from './decision-form';
import { TEXT_LINK } from '@/components/ui/text-link';

/** A review's words, always as text. */
function ReviewText({ title, body }: { title: string; body: string }) {
  return (
    <blockquote className="mt-3 rounded-xl border-l-4 border-stone-300 bg-stone-50 px-4 py-3">
      {title ? <p className="font-semibold text-stone-900">{title}</p> : null}
      <p className="mt-1 text-base whitespace-pre-line text-stone-800">{body}</p>
    </blockquote>
  );
}

/** One review waiting for a decision: its text, why it is here, its reports, the form. */
export function QueueReviewItem({ item }: { item: QueueReview }) {
  const headingId = `review-${item.id}-heading`;
  const reason = item.statusReasonText;
  return (
    <Card as="article" aria-labelledby={headingId} className="p-5">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-base font-semibold text-stone-900">
          Review {item.id} of{' '}
          <Link href={`/therapists/${item.therapist.slug}`} className={TEXT_LINK}>
            {item.therapist.name}
          </Link>
        </h3>
        {item.reports.safetyConcern ? <Badge tone="danger">Safety concern</Badge> : null}
        <Badge tone={item.status === 'pending' ? 'warning' : 'neutral'}>
          {REVIEW_STATUS_LABELS[item.status]}
        </Badge>
      </div>
      <p className="mt-1 text-sm text-stone-700">
        By {item.authorName ?? 'a former member'} · waiting {waitingLabel(item.waitingHours)}
        {item.version > 1 ? ` · edited (version ${item.version})` : ''}
      </p>
      {reason ? (
        <p className="mt-1 text-sm text-stone-800">
          <span className="font-medium">
            {item.status === 'pending' ? 'Held because:' : 'Reason on record:'}
          </span>{' '}
          {reason}
        </p>
      ) : null}
      <ReviewText title={item.title} body={item.body} />
      {item.reports.open > 0 ? (
        <div className="mt-4">
          <h4 className="text-sm font-semibold text-stone-900">
            {item.reports.open === 1 ? '1 open report' : `${item.reports.open} open reports`}
          </h4>
          <ul className="mt-1 flex flex-wrap gap-2">
            {item.reports.reasons.map((r) => (
              <li key={r.reason}>
                <Badge tone={r.reason === 'safety_concern' ? 'danger' : 'neutral'}>
                  {reportReasonLabel(r.reason)}: {r.count}
                </Badge>
              </li>
            ))}
          </ul>
          {item.reports.notes.length > 0 ? (
            <ul className="mt-2 space-y-2 text-sm">
              {item.reports.notes.map((n, index) => (
                <li key={index} className="rounded-lg bg-stone-50 px-3 py-2 text-stone-800">
                  <span className="font-medium">A member ({reportReasonLabel(n.reason)}):</span>{' '}
                  <span className="whitespace-pre-line">{n.note}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="mt-5 border-t border-stone-200 pt-4">
        {item.openAppealId !== null ? (
          <p className="text-sm text-stone-700">
            The author appealed the decision on this review:{' '}
            <a href={`#appeal-${item.openAppealId}-heading`} className={TEXT_LINK}>
              decide the appeal
            </a>
            .
          </p>
        ) : (
          <ReviewDecisionForm reviewId={item.id} />
        )}
      </div>
    </Card>
  );
}

/** One appeal: the decision, the author's statement, and the form (for another moderator). */
export function QueueAppealItem({ appeal }: { appeal: QueueAppeal }) {
  const headingId = `appeal-${appeal.id}-heading`;
  const reason = appeal.review.statusReasonText;
  return (
    <Card as="article" aria-labelledby={headingId} className="p-5">
      <h3 id={headingId} className="text-base font-semibold text-stone-900">
        Appeal {appeal.id}: review {appeal.reviewId} of{' '}
        <Link href={`/therapists/${appeal.review.therapist.slug}`} className={TEXT_LINK}>
          {appeal.review.therapist.name}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-stone-700">
        {REVIEW_STATUS_LABELS[appeal.review.status]}
        {reason ? ` (${reason})` : ''} · by {appeal.review.authorName ?? 'a former member'} ·
        waiting {waitingLabel(appeal.waitingHours)}
      </p>
      <ReviewText title={appeal.review.title} body={appeal.review.body} />
      <h4 className="mt-4 text-sm font-semibold text-stone-900">The author’s appeal</h4>
      <p className="mt-1 text-base whitespace-pre-line text-stone-800">{appeal.statement}</p>
      <div className="mt-5 border-t border-stone-200 pt-4">
        {appeal.originalDecisionIsYours ? (
          <p className="text-sm text-stone-700">
            You made the decision under appeal, so another moderator decides it.
          </p>
        ) : (
          <AppealDecisionForm appealId={appeal.id} />
        )}
      </div>
    </Card>
  );
}
