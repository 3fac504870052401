import { MIN_OUTCOME_REPORTS } from '@/db/aggregates';
import type { OutcomeFigure } from './types';

/** An outcome share, or null while it rests on fewer than MIN_OUTCOME_REPORTS reports. */
export function toOutcomeFigure(count: number, base: number): OutcomeFigure | null {
  return base >= MIN_OUTCOME_REPORTS ? { count, base } : null;
}
