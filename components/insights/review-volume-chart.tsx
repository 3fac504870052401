import { pluralize } from '@/lib/format';
import { longMonth, mediumMonth } from '@/lib/insights/labels';
import { countAxis, px } from '@/lib/insights/scale';
import type { InsightsMonth } from '@/lib/insights/types';
import {
  CategoryAxis,
  ChartFigure,
  ChartSvg,
  INK,
  NumbersTable,
  PLOT_BOTTOM,
  ValueAxis,
  columns,
  verticalScale,
} from './chart-parts';
import { MONTH_ROWS, monthLabels } from './month-labels';

function summary(months: readonly InsightsMonth[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return 'Reviews published by month: no months to show.';
  const total = months.reduce((sum, m) => sum + m.reviews, 0);
  const span = `${longMonth(first.month)} to ${longMonth(last.month)}`;
  if (total === 0) return `Reviews published by month, ${span}: none.`;
  const busiest = months.reduce((best, m) => (m.reviews > best.reviews ? m : best), first);
  const empty = months.filter((m) => m.reviews === 0).length;
  return (
    `Reviews published by month, ${span}: ${pluralize(total, 'review')} in all; ` +
    `the most in ${longMonth(busiest.month)} (${busiest.reviews}); ` +
    `${pluralize(empty, 'month')} without reviews.`
  );
}

/** How many reviews were published each month, as bars with their count on top. */
export function ReviewVolumeChart({ months }: { months: readonly InsightsMonth[] }) {
  const { centers, band } = columns(months.length);
  const axis = countAxis(months.map((m) => m.reviews));
  const scale = verticalScale(0, axis.max);
  const barWidth = Math.min(band * 0.62, 22);
  return (
    <ChartFigure
      id="volume-chart"
      title="Reviews published"
      description={<p>How many of your reviews were published each month, and are still up.</p>}
      table={
        <NumbersTable
          caption="Reviews published by month"
          headings={['Month', 'Reviews']}
          rows={months.map((m) => ({
            key: m.month,
            label: mediumMonth(m.month),
            cells: [m.reviews],
          }))}
        />
      }
    >
      <ChartSvg label={summary(months)} height={MONTH_ROWS.height - 14}>
        <ValueAxis ticks={axis.ticks} scale={scale} format={(v) => String(v)} title="Reviews" />
        {months.map((m, i) => {
          const x = centers[i] ?? 0;
          const top = scale(m.reviews);
          return (
            <g key={m.month}>
              {m.reviews > 0 ? (
                <rect
                  x={px(x - barWidth / 2)}
                  y={px(top)}
                  width={px(barWidth)}
                  height={px(PLOT_BOTTOM - top)}
                  rx={2}
                  className={INK.primary.fill}
                />
              ) : null}
              <text
                x={px(x)}
                y={px(top - 4)}
                textAnchor="middle"
                className="fill-stone-900 text-[11px] font-semibold tabular-nums"
              >
                {m.reviews}
              </text>
            </g>
          );
        })}
        <CategoryAxis centers={centers} labels={monthLabels(months.map((m) => m.month))} />
      </ChartSvg>
    </ChartFigure>
  );
}
