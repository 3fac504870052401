import { Meter } from '@/components/ui/meter';
import { formatShare } from '@/lib/format';
import type { ConditionOutcome } from '@/lib/therapists/types';

/**
 * "7 of 9 reviewers with lower back pain improved by 2+ points; 5 of 6 followed up were still
 * better at 6 weeks", one condition at a time, each share drawn as a bar beside its numbers.
 */
export function ConditionOutcomes({
  outcomes,
  minReports,
}: {
  outcomes: readonly ConditionOutcome[];
  minReports: number;
}) {
  return (
    <div>
      <h3 className="text-base font-semibold text-stone-900">By condition</h3>
      <p className="mt-1 text-sm text-stone-600">
        Only reviewers who chose to name their condition, and only conditions with {minReports}{' '}
        reports or more.
      </p>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {outcomes.map(({ condition, improved, lastingRelief }) => (
          <li key={condition.slug} className="rounded-xl border border-stone-200 p-4">
            <h4 className="text-sm font-semibold text-stone-900">{condition.name}</h4>
            <p className="mt-2 text-sm text-stone-700">
              <strong className="font-semibold text-stone-900 tabular-nums">
                {formatShare(improved.count, improved.base)}
              </strong>{' '}
              reviewers improved by 2+ points
            </p>
            <Meter value={improved.count} max={improved.base} className="mt-1.5" />
            {lastingRelief ? (
              <>
                <p className="mt-3 text-sm text-stone-700">
                  <strong className="font-semibold text-stone-900 tabular-nums">
                    {formatShare(lastingRelief.count, lastingRelief.base)}
                  </strong>{' '}
                  followed up were still better at 6 weeks
                </p>
                <Meter value={lastingRelief.count} max={lastingRelief.base} className="mt-1.5" />
              </>
            ) : (
              <p className="mt-3 text-sm text-stone-600">
                Still better at 6 weeks: shown from {minReports} follow-up answers.
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
