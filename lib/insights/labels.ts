/** Words for the insight charts' months and weeks. */
import { MONTH_NAMES } from '@/lib/format';

function monthIndex(value: string): number {
  return Number(value.slice(5, 7)) - 1;
}

/** "2025-06" to "Jun". */
export function shortMonth(month: string): string {
  return (MONTH_NAMES[monthIndex(month)] ?? '').slice(0, 3);
}

/** "2025-06" to "June 2025". */
export function longMonth(month: string): string {
  return `${MONTH_NAMES[monthIndex(month)] ?? ''} ${month.slice(0, 4)}`;
}

/** "2025-06" to "Jun 2025", for narrow tables. */
export function mediumMonth(month: string): string {
  return `${shortMonth(month)} ${month.slice(0, 4)}`;
}

/** "2025-06-09" to "Jun 9". */
export function shortDay(day: string): string {
  return `${shortMonth(day)} ${Number(day.slice(8, 10))}`;
}

/** A week as a range: "Jun 3 – 9, 2025", "May 28 – Jun 3, 2025", "Dec 29, 2024 – Jan 4, 2025". */
export function weekRange(start: string, end: string): string {
  const startYear = start.slice(0, 4);
  const endYear = end.slice(0, 4);
  if (startYear !== endYear)
    return `${shortDay(start)}, ${startYear} – ${shortDay(end)}, ${endYear}`;
  if (start.slice(0, 7) === end.slice(0, 7)) {
    return `${shortDay(start)} – ${Number(end.slice(8, 10))}, ${endYear}`;
  }
  return `${shortDay(start)} – ${shortDay(end)}, ${endYear}`;
}

/** A share as a whole percentage: 0.666 to "67%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
