import type { ReactNode } from 'react';
import { bandCenters, bandWidth, linearScale, presentRuns, px } from '@/lib/insights/scale';

/*
 * Shared pieces of the insight charts: inline SVG drawn on the server. The drawing is one
 * image with a spoken summary (role="img"); the numbers behind it are in a table under it.
 * Colours are Tailwind classes, never inline styles (the Content-Security-Policy forbids them).
 */

/** The drawing's coordinate space: about one unit per CSS pixel on a phone. */
export const CHART_WIDTH = 320;
export const PLOT_LEFT = 36;
export const PLOT_RIGHT = CHART_WIDTH - 6;
export const PLOT_TOP = 18;
export const PLOT_HEIGHT = 130;
export const PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT;

/** Drawing classes with at least 3:1 contrast against white. */
export const INK = {
  primary: { stroke: 'stroke-teal-700', fill: 'fill-teal-700', text: 'text-teal-800' },
  secondary: { stroke: 'stroke-amber-700', fill: 'fill-amber-700', text: 'text-amber-800' },
  muted: { stroke: 'stroke-stone-600', fill: 'fill-stone-600', text: 'text-stone-700' },
} as const;
export type Ink = keyof typeof INK;

/** Where each of `count` categories sits across the plot. */
export function columns(count: number): { centers: number[]; band: number } {
  return {
    centers: bandCenters(count, PLOT_LEFT, PLOT_RIGHT),
    band: bandWidth(count, PLOT_LEFT, PLOT_RIGHT),
  };
}

/** From a value on the vertical axis to its height in the plot. */
export function verticalScale(min: number, max: number): (value: number) => number {
  return linearScale([min, max], [PLOT_BOTTOM, PLOT_TOP]);
}

/** A figure: title and explanation, the drawing, notes, and the numbers on request. */
export function ChartFigure({
  id,
  title,
  description,
  legend,
  notes,
  table,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  legend?: ReactNode;
  notes?: ReactNode;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure
      id={id}
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-2xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6"
    >
      <figcaption>
        <h3 id={`${id}-title`} className="text-base font-semibold text-stone-900">
          {title}
        </h3>
        <div className="mt-1 text-sm text-stone-700">{description}</div>
      </figcaption>
      {legend ? <div className="mt-3">{legend}</div> : null}
      <div className="mt-3">{children}</div>
      {notes ? <div className="mt-3 space-y-1 text-sm text-stone-700">{notes}</div> : null}
      <details className="group mt-4 rounded-xl border border-stone-200">
        <summary className="cursor-pointer rounded-xl px-4 py-3 text-sm font-semibold text-teal-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-teal-700">
          Show the numbers
        </summary>
        <div className="overflow-x-auto px-3 pb-3 sm:px-4 sm:pb-4">{table}</div>
      </details>
    </figure>
  );
}

/** The drawing itself: one image, named by a summary of what it shows. */
export function ChartSvg({
  label,
  height,
  children,
}: {
  label: string;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      className="h-auto w-full max-w-lg overflow-visible"
    >
      {children}
    </svg>
  );
}

/** Horizontal grid lines with their values on the left, and the axis name above them. */
export function ValueAxis({
  ticks,
  scale,
  format,
  title,
}: {
  ticks: readonly number[];
  scale: (value: number) => number;
  format: (value: number) => string;
  title: string;
}) {
  return (
    <g>
      <text x={2} y={PLOT_TOP - 8} className="fill-stone-700 text-[11px]">
        {title}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={PLOT_LEFT}
            x2={PLOT_RIGHT}
            y1={px(scale(tick))}
            y2={px(scale(tick))}
            strokeWidth={1}
            className={tick === ticks[0] ? 'stroke-stone-500' : 'stroke-stone-200'}
          />
          <text
            x={PLOT_LEFT - 5}
            y={px(scale(tick)) + 3.5}
            textAnchor="end"
            className="fill-stone-700 text-[11px] tabular-nums"
          >
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

export interface CategoryLabel {
  /** Under the axis ("Jun"); empty to leave a category unlabelled. */
  text: string;
  /** A second line, such as the year at the first month and each January. */
  second?: string;
}

/** Category names under the plot. Returns nothing for unlabelled categories. */
export function CategoryAxis({
  centers,
  labels,
}: {
  centers: readonly number[];
  labels: readonly CategoryLabel[];
}) {
  return (
    <g>
      {labels.map((label, i) => {
        const x = centers[i];
        if (x === undefined || label.text === '') return null;
        return (
          <text
            key={i}
            x={px(x)}
            y={PLOT_BOTTOM + 13}
            textAnchor="middle"
            className="fill-stone-700 text-[11px]"
          >
            {label.text}
            {label.second ? (
              <tspan x={px(x)} dy={11} className="fill-stone-600">
                {label.second}
              </tspan>
            ) : null}
          </text>
        );
      })}
    </g>
  );
}

/** A row of counts under the category names ("n"): how many answers each point stands on. */
export function CountRow({
  centers,
  counts,
  y,
  name,
}: {
  centers: readonly number[];
  counts: readonly number[];
  y: number;
  name: string;
}) {
  return (
    <g>
      <text x={PLOT_LEFT - 5} y={y} textAnchor="end" className="fill-stone-700 text-[11px] italic">
        {name}
      </text>
      {counts.map((count, i) => {
        const x = centers[i];
        if (x === undefined) return null;
        return (
          <text
            key={i}
            x={px(x)}
            y={y}
            textAnchor="middle"
            className="fill-stone-800 text-[11px] tabular-nums"
          >
            {count}
          </text>
        );
      })}
    </g>
  );
}

export type Marker = 'circle' | 'square';

/** How a series is drawn, in the chart and in its legend alike. */
export interface LineStyle {
  ink: Ink;
  dashed?: boolean;
  marker: Marker | null;
}

function MarkerShape({ x, y, marker, ink }: { x: number; y: number; marker: Marker; ink: Ink }) {
  const classes = `fill-white ${INK[ink].stroke}`;
  if (marker === 'square') {
    return (
      <rect x={px(x - 4)} y={px(y - 4)} width={8} height={8} strokeWidth={2} className={classes} />
    );
  }
  return <circle cx={px(x)} cy={px(y)} r={4} strokeWidth={2} className={classes} />;
}

/**
 * A series as a line with markers. Missing values leave gaps: the line joins only consecutive
 * present points, and a lone point is still marked.
 */
export function SeriesLine({
  centers,
  values,
  scale,
  line: { ink, dashed = false, marker },
}: {
  centers: readonly number[];
  values: readonly (number | null)[];
  scale: (value: number) => number;
  line: LineStyle;
}) {
  const point = (i: number) => `${px(centers[i] ?? 0)},${px(scale(values[i] ?? 0))}`;
  return (
    <g>
      {presentRuns(values)
        .filter((run) => run.length > 1)
        .map((run) => (
          <polyline
            key={run[0]}
            points={run.map(point).join(' ')}
            fill="none"
            strokeWidth={2.5}
            strokeLinejoin="round"
            strokeLinecap="round"
            strokeDasharray={dashed ? '6 4' : undefined}
            className={INK[ink].stroke}
          />
        ))}
      {marker
        ? values.map((value, i) =>
            value === null ? null : (
              <MarkerShape key={i} x={centers[i] ?? 0} y={scale(value)} marker={marker} ink={ink} />
            ),
          )
        : null}
    </g>
  );
}

/** A legend entry: the line's own dash and marker beside its name, so colour is not needed. */
export interface LegendEntry extends LineStyle {
  label: string;
}

export function Legend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-stone-800">
      {entries.map((entry) => (
        <li key={entry.label} className="flex items-center gap-2">
          <svg viewBox="0 0 32 12" aria-hidden="true" focusable="false" className="h-3 w-8">
            <line
              x1={2}
              x2={30}
              y1={6}
              y2={6}
              strokeWidth={2.5}
              strokeDasharray={entry.dashed ? '6 4' : undefined}
              className={INK[entry.ink].stroke}
            />
            {entry.marker ? (
              <MarkerShape x={16} y={6} marker={entry.marker} ink={entry.ink} />
            ) : null}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

/** The numbers table under a chart. */
export function NumbersTable({
  caption,
  headings,
  rows,
}: {
  caption: string;
  headings: readonly string[];
  rows: readonly { key: string; label: string; cells: readonly ReactNode[] }[];
}) {
  return (
    <table className="mt-1 w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-xs font-semibold text-stone-700">
          {headings.map((heading, i) => (
            <th
              key={heading}
              scope="col"
              className={i === 0 ? 'py-2 pr-3 align-bottom' : 'py-2 pl-3 text-right align-bottom'}
            >
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-stone-100">
            <th
              scope="row"
              className="py-1.5 pr-3 text-left font-normal whitespace-nowrap text-stone-800"
            >
              {row.label}
            </th>
            {row.cells.map((cell, i) => (
              <td key={i} className="py-1.5 pl-3 text-right text-stone-900 tabular-nums">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
