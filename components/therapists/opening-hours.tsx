import { formatOpening, hoursByDay } from '@/lib/listings/format';
import type { OpeningHoursEntry } from '@/lib/therapists/types';

/**
 * The week's opening hours, Monday first, one row per day; days without hours read "Closed".
 * Without any hours given, says so instead of showing a week of closed days.
 */
export function OpeningHoursList({ hours }: { hours: readonly OpeningHoursEntry[] }) {
  if (hours.length === 0) {
    return <p className="text-sm text-stone-600">Opening hours not given yet.</p>;
  }
  return (
    <dl className="divide-y divide-stone-100 text-sm">
      {hoursByDay(hours).map((day) => (
        <div key={day.day} className="grid grid-cols-[7rem_1fr] gap-2 py-2 first:pt-0 last:pb-0">
          <dt className="font-medium text-stone-700">{day.name}</dt>
          <dd
            className={day.openings.length > 0 ? 'text-stone-900 tabular-nums' : 'text-stone-600'}
          >
            {day.openings.length > 0
              ? day.openings.map((opening) => formatOpening(opening)).join(', ')
              : 'Closed'}
          </dd>
        </div>
      ))}
    </dl>
  );
}
