import { Meter } from '@/components/ui/meter';
import { percentOf, pluralize } from '@/lib/format';
import type { RatingSummary } from '@/lib/therapists/types';

/** One horizontal bar per star level, 5 down to 1, with the count beside each. */
export function StarDistribution({ starCounts }: { starCounts: RatingSummary['starCounts'] }) {
  const total = starCounts.reduce((sum, n) => sum + n, 0);
  const rows = [5, 4, 3, 2, 1].map((stars) => ({ stars, count: starCounts[stars - 1] ?? 0 }));
  return (
    <figure>
      <figcaption className="sr-only">How reviewers rated, by number of stars</figcaption>
      <ul className="space-y-1.5">
        {rows.map(({ stars, count }) => (
          <li
            key={stars}
            className="grid grid-cols-[3.25rem_1fr_2.5rem] items-center gap-3 text-sm"
          >
            <span className="text-stone-700 tabular-nums" aria-hidden="true">
              {stars} star{stars === 1 ? '' : 's'}
            </span>
            <Meter value={count} max={total} tone="accent" />
            <span className="text-right text-stone-700 tabular-nums" aria-hidden="true">
              {count}
            </span>
            <span className="sr-only">
              {stars} star{stars === 1 ? '' : 's'}: {pluralize(count, 'review')} (
              {percentOf(count, total)}%)
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
