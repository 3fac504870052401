import { Badge } from '@/components/ui/badge';
import { ArrowRightIcon } from '@/components/ui/icons';
import { formatPain, formatWeeks, pluralize } from '@/lib/format';
import type { PublicReview } from '@/lib/therapists/types';

type PainJourneyProps = Pick<PublicReview, 'painBefore' | 'painNow' | 'followUps'>;

/** Pain before → now → each follow-up, on the 0–10 scale, as the reviewer reported it. */
export function PainJourney({ painBefore, painNow, followUps }: PainJourneyProps) {
  if (painBefore === null || painNow === null) return null;
  const steps = [
    { key: 'before', label: 'Before', score: painBefore },
    { key: 'now', label: 'Now', score: painNow },
    ...followUps.map((followUp) => ({
      key: `week-${followUp.weeksAfter}`,
      label: formatWeeks(followUp.weeksAfter),
      score: followUp.painNow,
    })),
  ];
  const latest = steps[steps.length - 1]?.score ?? painNow;
  const change = painBefore - latest;

  return (
    <div className="rounded-xl bg-stone-50 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">
          Pain, 0–10 (self-reported)
        </p>
        {change >= 1 ? (
          <Badge tone="success">Down {pluralize(change, 'point')}</Badge>
        ) : change <= -1 ? (
          <Badge tone="warning">Up {pluralize(-change, 'point')}</Badge>
        ) : (
          <Badge>No change</Badge>
        )}
      </div>
      <ol className="mt-2 flex flex-wrap items-center gap-x-1.5 gap-y-2 text-sm">
        {steps.map((step, index) => (
          <li key={step.key} className="inline-flex items-center gap-1.5">
            {index > 0 ? <ArrowRightIcon className="size-3.5 text-stone-400" /> : null}
            <span className="rounded-lg bg-white px-2 py-1 text-stone-700 ring-1 ring-stone-200">
              {step.label}:{' '}
              <strong className="font-semibold text-stone-900 tabular-nums">
                {formatPain(step.score)}
              </strong>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
