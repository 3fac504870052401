import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatShare, pluralize } from '@/lib/format';
import { longMonth, mediumMonth, percent } from '@/lib/insights/labels';
import {
  CategoryAxis,
  ChartFigure,
  ChartSvg,
  CountRow,
  NumbersTable,
  SeriesLine,
  ValueAxis,
  columns,
  verticalScale,
} from './chart-parts';
import { MONTH_ROWS, monthLabels } from './month-labels';

export interface ShareMonth {
  month: string;
  /** How many answers the month has. */
  base: number;
  /** Of those, how many count as a success. */
  count: number;
  /** count / base, or null when the base is too small to show. */
  share: number | null;
}

/**
 * A self-reported outcome share by month (0-100 %), shown only for months with enough answers;
 * the others are named, not drawn.
 */
export function OutcomeShareChart({
  id,
  title,
  description,
  measure,
  baseName,
  baseHeading,
  months,
  minimum,
}: {
  id: string;
  title: string;
  description: ReactNode;
  /** What the share is of, for the spoken summary ("reported pain 2 points lower"). */
  measure: string;
  /** What one answer is called ("report", "follow-up answer"). */
  baseName: string;
  /** The table's heading for the answers column ("Reports", "Answers"). */
  baseHeading: string;
  months: readonly ShareMonth[];
  minimum: number;
}) {
  const { centers } = columns(months.length);
  const scale = verticalScale(0, 1);
  const shown = months.filter((m) => m.share !== null);
  const hidden = months.filter((m) => m.share === null && m.base > 0);
  const first = months[0];
  const last = months[months.length - 1];
  const span = first && last ? `${longMonth(first.month)} to ${longMonth(last.month)}` : '';
  const shares = shown.map((m) => m.share ?? 0);
  const label =
    shown.length === 0
      ? `${title}, ${span}: no month had ${minimum} or more ${baseName}s, so no share is shown.`
      : `${title}, ${span}: the share who ${measure}, shown for ${pluralize(shown.length, 'month')} with ${minimum} or more ${baseName}s; ` +
        `from ${percent(Math.min(...shares))} to ${percent(Math.max(...shares))}.`;

  return (
    <ChartFigure
      id={id}
      title={title}
      description={
        <>
          <div className="mb-1">
            <Badge>Self-reported by reviewers</Badge>
          </div>
          {description}
        </>
      }
      notes={
        <p>
          Months with fewer than {minimum} {baseName}s are left out of the line
          {hidden.length > 0 ? ` (${hidden.map((m) => longMonth(m.month)).join(', ')})` : ''}: one
          answer would move it too far. <i>n</i> is the number of {baseName}s each month.
        </p>
      }
      table={
        <NumbersTable
          caption={title}
          headings={['Month', baseHeading, 'Share']}
          rows={months.map((m) => ({
            key: m.month,
            label: mediumMonth(m.month),
            cells: [
              m.base,
              m.share !== null
                ? `${percent(m.share)} (${formatShare(m.count, m.base)})`
                : m.base > 0
                  ? 'Too few to show'
                  : '—',
            ],
          }))}
        />
      }
    >
      <ChartSvg label={label} height={MONTH_ROWS.height}>
        <ValueAxis
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          scale={scale}
          format={(v) => percent(v)}
          title="Share"
        />
        <SeriesLine
          centers={centers}
          values={months.map((m) => m.share)}
          scale={scale}
          line={{ ink: 'primary', marker: 'circle' }}
        />
        <CategoryAxis centers={centers} labels={monthLabels(months.map((m) => m.month))} />
        <CountRow
          centers={centers}
          counts={months.map((m) => m.base)}
          y={MONTH_ROWS.counts}
          name="n"
        />
      </ChartSvg>
    </ChartFigure>
  );
}
