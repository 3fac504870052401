import { formatDate, pluralize } from '@/lib/format';
import { shortDay, weekRange } from '@/lib/insights/labels';
import { countAxis } from '@/lib/insights/scale';
import type { InsightsWeek } from '@/lib/insights/types';
import {
  CategoryAxis,
  ChartFigure,
  ChartSvg,
  Legend,
  NumbersTable,
  SeriesLine,
  ValueAxis,
  columns,
  verticalScale,
  type LegendEntry,
} from './chart-parts';

const APPEARANCES: LegendEntry = {
  label: 'Appearances in search results',
  ink: 'primary',
  marker: 'circle',
};
const OPENS: LegendEntry = {
  label: 'Profile opens',
  ink: 'secondary',
  dashed: true,
  marker: 'square',
};

function summary(weeks: readonly InsightsWeek[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return 'Search appearances and profile opens: no weeks to show.';
  const appearances = weeks.reduce((sum, w) => sum + w.searchAppearances, 0);
  const opens = weeks.reduce((sum, w) => sum + w.profileViews, 0);
  const busiest = weeks.reduce(
    (best, w) => (w.searchAppearances > best.searchAppearances ? w : best),
    first,
  );
  const most =
    appearances > 0
      ? ` The most appearances were in the week of ${formatDate(busiest.start)} (${busiest.searchAppearances}).`
      : '';
  return (
    `Search appearances and profile opens per week, ${pluralize(weeks.length, 'week')} from ` +
    `${formatDate(first.start)} to ${formatDate(last.end)}: ${pluralize(appearances, 'appearance')} ` +
    `and ${pluralize(opens, 'profile open')} in all.${most}`
  );
}

/** Weekly appearances in search results and profile opens, as two lines told apart by shape. */
export function VisitsChart({ weeks }: { weeks: readonly InsightsWeek[] }) {
  const { centers } = columns(weeks.length);
  const axis = countAxis(weeks.flatMap((w) => [w.searchAppearances, w.profileViews]));
  const scale = verticalScale(0, axis.max);
  // Every other week is named (counting back from this week) so the names do not collide.
  const labels = weeks.map((w, i) => ({
    text: (weeks.length - 1 - i) % 2 === 0 ? shortDay(w.start) : '',
  }));
  return (
    <ChartFigure
      id="visits-chart"
      title="Seen in search, and opened"
      description={
        <p>
          Per week (seven days, the last one ending today): how many times your listing appeared on
          a page of search results, and how many times your profile was opened. Weeks are named by
          their first day.
        </p>
      }
      legend={<Legend entries={[APPEARANCES, OPENS]} />}
      table={
        <NumbersTable
          caption="Search appearances and profile opens by week"
          headings={['Week', 'Appearances', 'Profile opens']}
          rows={weeks.map((w) => ({
            key: w.start,
            label: weekRange(w.start, w.end),
            cells: [w.searchAppearances, w.profileViews],
          }))}
        />
      }
    >
      <ChartSvg label={summary(weeks)} height={178}>
        <ValueAxis ticks={axis.ticks} scale={scale} format={(v) => String(v)} title="Times" />
        <SeriesLine
          centers={centers}
          values={weeks.map((w) => w.searchAppearances)}
          scale={scale}
          line={APPEARANCES}
        />
        <SeriesLine
          centers={centers}
          values={weeks.map((w) => w.profileViews)}
          scale={scale}
          line={OPENS}
        />
        <CategoryAxis centers={centers} labels={labels} />
      </ChartSvg>
    </ChartFigure>
  );
}
