import { Badge } from '@/components/ui/badge';
import { MEANINGFUL_PAIN_DROP } from '@/lib/config';
import { formatPain, formatWeeks, pluralize } from '@/lib/format';
import type { PublicReview } from '@/lib/therapists/types';

type PainJourneyProps = Pick<PublicReview, 'painBefore' | 'painNow' | 'followUps'>;

/** The answer to the latest "still better?" follow-up, in words. */
function latestFollowUpText(
  painBefore: number | null,
  followUp: PublicReview['followUps'][number],
): string {
  const better = painBefore !== null && painBefore - followUp.painNow >= MEANINGFUL_PAIN_DROP;
  return `${better ? 'Still better at' : 'At'} ${formatWeeks(followUp.weeksAfter)}`;
}

/**
 * The reviewer's pain, compactly: before → at review, and the latest follow-up answer ("Still
 * better at 6 weeks: 2/10") when there is one. Self-reported, on the 0–10 scale.
 */
export function PainJourney({ painBefore, painNow, followUps }: PainJourneyProps) {
  const latest = followUps.reduce<PublicReview['followUps'][number] | null>(
    (last, f) => (last === null || f.weeksAfter > last.weeksAfter ? f : last),
    null,
  );
  const hasChange = painBefore !== null && painNow !== null;
  if (!hasChange && !latest) return null;
  const last = latest?.painNow ?? painNow;
  const change = painBefore !== null && last !== null ? painBefore - last : null;

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-xl bg-stone-50 px-3 py-2 text-sm text-stone-700">
      <p>
        <span className="font-medium text-stone-900">Pain</span>{' '}
        <span className="text-stone-600">(self-reported, 0–10):</span>{' '}
        {hasChange ? (
          <>
            <strong className="font-semibold text-stone-900 tabular-nums">
              {formatPain(painBefore)}
            </strong>{' '}
            before{' '}
            <span aria-hidden="true" className="text-stone-500">
              →
            </span>
            <span className="sr-only">,</span>{' '}
            <strong className="font-semibold text-stone-900 tabular-nums">
              {formatPain(painNow)}
            </strong>{' '}
            at review
          </>
        ) : null}
        {hasChange && latest ? <span aria-hidden="true"> · </span> : null}
        {latest ? (
          <>
            {hasChange ? <span className="sr-only">; </span> : null}
            {latestFollowUpText(painBefore, latest)}:{' '}
            <strong className="font-semibold text-stone-900 tabular-nums">
              {formatPain(latest.painNow)}
            </strong>
          </>
        ) : null}
      </p>
      {change === null ? null : change >= 1 ? (
        <Badge tone="success">Down {pluralize(change, 'point')}</Badge>
      ) : change <= -1 ? (
        <Badge tone="warning">Up {pluralize(-change, 'point')}</Badge>
      ) : (
        <Badge>No change</Badge>
      )}
    </div>
  );
}
