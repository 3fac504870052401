import { shortMonth } from '@/lib/insights/labels';
import type { CategoryLabel } from './chart-parts';

/** Month names under a chart, with the year under the first month and under each January. */
export function monthLabels(months: readonly string[]): CategoryLabel[] {
  return months.map((month, i) => ({
    text: shortMonth(month),
    ...(i === 0 || month.endsWith('-01') ? { second: month.slice(0, 4) } : {}),
  }));
}

/** Vertical positions of the rows under a monthly chart. */
export const MONTH_ROWS = { counts: 190, height: 198 } as const;
