import { percentChange } from '@/lib/insights/scale';
import type { VisitTotals as Totals } from '@/lib/insights/types';

function comparison(current: number, previous: number): string {
  const change = percentChange(current, previous);
  const before = `${previous.toLocaleString('en-US')} in the 12 weeks before`;
  if (change === null) return current > 0 ? `${before}: nothing to compare with` : before;
  if (change === 0)
    return `About the same as the 12 weeks before (${previous.toLocaleString('en-US')})`;
  return `${change > 0 ? 'Up' : 'Down'} ${Math.abs(change)}% on the 12 weeks before (${previous.toLocaleString('en-US')})`;
}

/** The last 12 weeks' totals, each compared in words with the 12 weeks before. */
export function VisitTotals({ current, previous }: { current: Totals; previous: Totals }) {
  const items = [
    {
      key: 'appearances',
      label: 'Appearances in search results',
      value: current.searchAppearances,
      before: previous.searchAppearances,
    },
    {
      key: 'opens',
      label: 'Profile opens',
      value: current.profileViews,
      before: previous.profileViews,
    },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.key} className="rounded-2xl border border-stone-200 bg-white p-4 shadow-xs">
          <dt className="text-sm text-stone-700">{item.label}, last 12 weeks</dt>
          <dd className="mt-1 text-2xl font-semibold text-stone-900 tabular-nums">
            {item.value.toLocaleString('en-US')}
          </dd>
          <dd className="mt-1 text-sm text-stone-700">{comparison(item.value, item.before)}</dd>
        </div>
      ))}
    </dl>
  );
}
