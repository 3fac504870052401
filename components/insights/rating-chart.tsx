import { formatRating, pluralize } from '@/lib/format';
import { longMonth, mediumMonth } from '@/lib/insights/labels';
import type { InsightsMonth } from '@/lib/insights/types';
import {
  CategoryAxis,
  ChartFigure,
  ChartSvg,
  CountRow,
  Legend,
  NumbersTable,
  SeriesLine,
  ValueAxis,
  columns,
  verticalScale,
  type LegendEntry,
} from './chart-parts';
import { MONTH_ROWS, monthLabels } from './month-labels';

const MONTHLY: LegendEntry = {
  label: 'Average of the month’s reviews',
  ink: 'primary',
  marker: 'circle',
};
const TO_DATE: LegendEntry = {
  label: 'Overall average at month end',
  ink: 'muted',
  dashed: true,
  marker: null,
};

function summary(months: readonly InsightsMonth[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return 'Average rating by month: no months to show.';
  const span = `${longMonth(first.month)} to ${longMonth(last.month)}`;
  const withReviews = months.filter((m) => m.ratingAverage !== null);
  if (withReviews.length === 0) {
    const overall =
      last.averageToDate !== null
        ? ` The overall average is ${formatRating(last.averageToDate)} out of 5 from ${pluralize(last.reviewsToDate, 'review')}.`
        : '';
    return `Average rating by month, ${span}: no reviews were published in these months.${overall}`;
  }
  const averages = withReviews.map((m) => m.ratingAverage ?? 0);
  const overall =
    last.averageToDate !== null
      ? ` At the end of ${longMonth(last.month)} the overall average was ${formatRating(last.averageToDate)} out of 5 from ${pluralize(last.reviewsToDate, 'review')}.`
      : '';
  return (
    `Average rating by month, ${span}: ${withReviews.length} of ${months.length} months had reviews, ` +
    `with monthly averages from ${formatRating(Math.min(...averages))} to ${formatRating(Math.max(...averages))} out of 5.` +
    overall
  );
}

/** Stars over time: each month's average (gaps where a month had no reviews) and the running one. */
export function RatingChart({ months }: { months: readonly InsightsMonth[] }) {
  const { centers } = columns(months.length);
  const scale = verticalScale(1, 5);
  return (
    <ChartFigure
      id="rating-chart"
      title="Rating over time"
      description={
        <p>
          Average stars (1 to 5) of the reviews published each month. A month without reviews is
          left as a gap; <i>n</i> is the number of reviews behind each point. The overall average
          takes in every review published up to the end of the month.
        </p>
      }
      legend={<Legend entries={[MONTHLY, TO_DATE]} />}
      table={
        <NumbersTable
          caption="Average rating by month"
          headings={['Month', 'Reviews', 'Average', 'Overall']}
          rows={months.map((m) => ({
            key: m.month,
            label: mediumMonth(m.month),
            cells: [
              m.reviews,
              m.ratingAverage !== null ? formatRating(m.ratingAverage) : '—',
              m.averageToDate !== null ? formatRating(m.averageToDate) : '—',
            ],
          }))}
        />
      }
    >
      <ChartSvg label={summary(months)} height={MONTH_ROWS.height}>
        <ValueAxis ticks={[1, 2, 3, 4, 5]} scale={scale} format={(v) => String(v)} title="Stars" />
        <SeriesLine
          centers={centers}
          values={months.map((m) => m.averageToDate)}
          scale={scale}
          line={TO_DATE}
        />
        <SeriesLine
          centers={centers}
          values={months.map((m) => m.ratingAverage)}
          scale={scale}
          line={MONTHLY}
        />
        <CategoryAxis centers={centers} labels={monthLabels(months.map((m) => m.month))} />
        <CountRow
          centers={centers}
          counts={months.map((m) => m.reviews)}
          y={MONTH_ROWS.counts}
          name="n"
        />
      </ChartSvg>
    </ChartFigure>
  );
}
