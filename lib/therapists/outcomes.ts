import { FOLLOW_UP_WEEKS, MIN_OUTCOME_REPORTS } from '@/db/aggregates';
import type {
  ConditionOutcome,
  OutcomeFigure,
  ReliefCurve,
  ReliefPoint,
  ReliefStage,
  TaxonomyTag,
} from './types';

/** An outcome share, or null while it rests on fewer than MIN_OUTCOME_REPORTS reports. */
export function toOutcomeFigure(count: number, base: number): OutcomeFigure | null {
  return base >= MIN_OUTCOME_REPORTS ? { count, base } : null;
}

/** The pain scores of one stage as the database summed them up. */
export interface StageScores {
  stage: 'before' | 'review' | 'follow_up';
  weeksAfter: number | null;
  n: number;
  median: number | null;
}

const FOLLOW_UP_STAGES: Record<(typeof FOLLOW_UP_WEEKS)[number], ReliefStage> = {
  2: 'week2',
  6: 'week6',
  12: 'week12',
};

/**
 * The relief-over-time curve: one point per stage (before, at review, each follow-up), each with
 * its number of scores; a median only from MIN_OUTCOME_REPORTS scores up, and no curve at all
 * under MIN_OUTCOME_REPORTS outcome reports.
 */
export function toReliefCurve(rows: readonly StageScores[]): ReliefCurve | null {
  const find = (stage: StageScores['stage'], weeksAfter: number | null) =>
    rows.find((r) => r.stage === stage && r.weeksAfter === weeksAfter);
  const reports = find('before', null)?.n ?? 0;
  if (reports < MIN_OUTCOME_REPORTS) return null;
  const point = (
    stage: ReliefStage,
    row: StageScores | undefined,
    weeksAfter: number | null,
  ): ReliefPoint => {
    const n = row?.n ?? 0;
    const median = row?.median ?? null;
    return {
      stage,
      weeksAfter,
      n,
      median: n >= MIN_OUTCOME_REPORTS && median !== null ? Math.round(median * 10) / 10 : null,
    };
  };
  return {
    reports,
    points: [
      point('before', find('before', null), null),
      point('review', find('review', null), null),
      ...FOLLOW_UP_WEEKS.map((weeks) =>
        point(FOLLOW_UP_STAGES[weeks], find('follow_up', weeks), weeks),
      ),
    ],
  };
}

/** therapist_stats.condition_outcomes, keyed by condition id. */
export type ConditionOutcomeCounts = Record<
  string,
  { reports: number; improved: number; followedUp: number; lasting: number }
>;

/**
 * Outcomes per condition, only for conditions with MIN_OUTCOME_REPORTS reports or more (and a
 * lasting-relief share only from as many follow-ups), most reports first, then by name.
 */
export function toConditionOutcomes(
  counts: ConditionOutcomeCounts,
  names: ReadonlyMap<number, TaxonomyTag>,
): ConditionOutcome[] {
  const outcomes: ConditionOutcome[] = [];
  for (const [id, c] of Object.entries(counts)) {
    const condition = names.get(Number(id));
    const improved = toOutcomeFigure(c.improved, c.reports);
    if (!condition || !improved) continue;
    outcomes.push({
      condition,
      improved,
      lastingRelief: toOutcomeFigure(c.lasting, c.followedUp),
    });
  }
  return outcomes.sort(
    (a, b) =>
      b.improved.base - a.improved.base || a.condition.name.localeCompare(b.condition.name, 'en'),
  );
}
