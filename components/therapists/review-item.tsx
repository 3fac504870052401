import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CheckIcon, CrossIcon } from '@/components/ui/icons';
import { Stars } from '@/components/ui/stars';
import {
  PRESSURE_ADJUSTED_LABELS,
  formatDate,
  formatMonthYear,
  intentLabel,
  pluralize,
  pressureLabel,
} from '@/lib/format';
import type { PublicReply, PublicReview } from '@/lib/therapists/types';
import { PainJourney } from './pain-journey';
import { ReviewReply } from './review-reply';

/** What a review shows, whatever list it is in; only published reviews carry a reply. */
export type ReviewContent = Omit<PublicReview, 'publishedAt' | 'helpful' | 'reply'> & {
  reply?: PublicReply | null;
};

/** The date a review is shown with: when it was published, or written when it never was. */
export interface ReviewDate {
  label: 'Published' | 'Written';
  iso: string;
}

const CHECKLIST: { key: keyof PublicReview['checklist']; label: string }[] = [
  { key: 'assessedBefore', label: 'Assessed before treating' },
  { key: 'explainedCause', label: 'Explained a likely cause' },
  { key: 'gaveHomeCare', label: 'Gave home exercises' },
  { key: 'setExpectations', label: 'Set an expected number of sessions' },
  { key: 'referredOut', label: 'Referred out when needed' },
];

function Meta({ review, date }: { review: ReviewContent; date: ReviewDate }) {
  const visited = formatMonthYear(review.visitMonth);
  const shown = formatDate(date.iso);
  const details = [
    visited ? `Visited ${visited}` : null,
    review.sessionsCount !== null ? pluralize(review.sessionsCount, 'session') : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className="mt-1 text-sm text-stone-600">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium text-stone-800">{review.authorName}</span>
        {review.edited ? <Badge>Edited</Badge> : null}
        {review.invited ? <Badge tone="brand">Invited by the practitioner</Badge> : null}
      </p>
      <p className="mt-0.5">
        {details.length > 0 ? `${details.join(' · ')} · ` : null}
        {shown ? (
          <>
            {date.label} <time dateTime={date.iso}>{shown}</time>
          </>
        ) : null}
      </p>
    </div>
  );
}

function Pressure({ pressure }: { pressure: NonNullable<PublicReview['pressure']> }) {
  return (
    <p className="text-sm text-stone-700">
      <span className="font-medium text-stone-900">Pressure:</span> wanted{' '}
      {pressureLabel(pressure.wanted).toLowerCase()} ({pressure.wanted}/5), received{' '}
      {pressureLabel(pressure.received).toLowerCase()} ({pressure.received}/5)
      {pressure.adjusted ? <> · {PRESSURE_ADJUSTED_LABELS[pressure.adjusted]}</> : null}
    </p>
  );
}

interface ReviewItemProps {
  review: ReviewContent;
  date: ReviewDate;
  /** Shown in place of the text when it is withheld. */
  withheldText?: string;
  /** Under the review: helpful votes, a moderation reason. */
  footer?: ReactNode;
}

/** One review with its outcome, pressure and checklist. Text is shown as text. */
export function ReviewItem({ review, date, withheldText, footer }: ReviewItemProps) {
  const titleId = `review-${review.id}-title`;
  const done = CHECKLIST.filter((item) => review.checklist[item.key] === true);
  return (
    <Card
      as="article"
      id={`review-${review.id}`}
      aria-labelledby={titleId}
      className="scroll-mt-6 p-5 sm:p-6"
    >
      <header>
        <Stars value={review.rating} size="sm" />
        <h3 id={titleId} className="mt-2 text-base font-semibold text-stone-900">
          {review.title || `Review by ${review.authorName}`}
        </h3>
        <Meta review={review} date={date} />
      </header>

      {review.intent || review.condition ? (
        <ul className="mt-3 flex flex-wrap gap-1.5">
          {review.intent ? (
            <li>
              <Badge tone="brand">{intentLabel(review.intent)}</Badge>
            </li>
          ) : null}
          {review.condition ? (
            <li>
              <Badge>{review.condition.name}</Badge>
            </li>
          ) : null}
        </ul>
      ) : null}

      {withheldText ? (
        <p className="mt-3 text-sm text-stone-600 italic">{withheldText}</p>
      ) : (
        <p className="mt-3 text-[0.9375rem] leading-relaxed whitespace-pre-line text-stone-800">
          {review.body}
        </p>
      )}

      <div className="mt-4 space-y-3">
        <PainJourney
          painBefore={review.painBefore}
          painNow={review.painNow}
          followUps={review.followUps}
        />
        {review.pressure ? <Pressure pressure={review.pressure} /> : null}
        {done.length > 0 ? (
          <ul className="grid gap-1 text-sm text-stone-700 sm:grid-cols-2">
            {done.map((item) => (
              <li key={item.key} className="flex items-start gap-1.5">
                <CheckIcon className="mt-0.5 text-emerald-700" />
                {item.label}
              </li>
            ))}
          </ul>
        ) : null}
        {review.wouldRecommend !== null ? (
          <p
            className={
              review.wouldRecommend
                ? 'flex items-center gap-1.5 text-sm font-medium text-emerald-800'
                : 'flex items-center gap-1.5 text-sm font-medium text-stone-700'
            }
          >
            {review.wouldRecommend ? <CheckIcon /> : <CrossIcon />}
            {review.wouldRecommend ? 'Would recommend' : 'Would not recommend'}
          </p>
        ) : null}
      </div>
      {review.reply ? <ReviewReply reply={review.reply} reviewId={review.id} /> : null}
      {footer ? <footer className="mt-4 border-t border-stone-100 pt-3">{footer}</footer> : null}
    </Card>
  );
}
