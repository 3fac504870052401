import { Badge } from '@/components/ui/badge';
import { formatPain, pluralize } from '@/lib/format';
import type { ReliefCurve as ReliefCurveData, ReliefStage } from '@/lib/therapists/types';

const STAGE_LABELS: Record<ReliefStage, { short: string; long: string }> = {
  before: { short: 'Before', long: 'Before the first session' },
  review: { short: 'Review', long: 'When writing the review' },
  week2: { short: '2 wk', long: '2 weeks after the review' },
  week6: { short: '6 wk', long: '6 weeks after the review' },
  week12: { short: '12 wk', long: '12 weeks after the review' },
};

const WIDTH = 320;
const HEIGHT = 180;
const LEFT = 30;
const RIGHT = 20;
const TOP = 16;
const BOTTOM = 30;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

function x(index: number, count: number): number {
  return LEFT + (count <= 1 ? PLOT_W / 2 : (index * PLOT_W) / (count - 1));
}

function y(pain: number): number {
  return TOP + ((10 - pain) / 10) * PLOT_H;
}

function medianText(median: number): string {
  return formatPain(Number.isInteger(median) ? median : Number(median.toFixed(1)));
}

/**
 * Median pain at each stage as a line (a picture only: hidden from assistive technology), with
 * the same numbers in a table beside it. Self-reported; a point appears from 5 answers up.
 */
export function ReliefCurve({ curve, minReports }: { curve: ReliefCurveData; minReports: number }) {
  const points = curve.points.map((point, index) => ({
    ...point,
    x: x(index, curve.points.length),
  }));
  const plotted = points.filter((p) => p.median !== null);
  const line = plotted.map((p) => `${p.x.toFixed(1)},${y(p.median ?? 0).toFixed(1)}`).join(' ');
  const captionId = 'relief-curve-caption';

  return (
    <figure aria-labelledby={captionId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={captionId} className="text-base font-semibold text-stone-900">
          Pain over time (median, 0–10)
        </h3>
        <Badge>Self-reported</Badge>
      </div>
      <p className="mt-1 text-sm text-stone-600">
        From {pluralize(curve.reports, 'reviewer')} who rated their pain before and at review. The
        median is the middle answer: half reported less pain, half more. Each follow-up counts only
        those who answered it; a point shows from {minReports} answers up.
      </p>
      <div className="mt-4 grid gap-6 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          aria-hidden="true"
          focusable="false"
          className="h-auto w-full max-w-md"
        >
          {[0, 2, 4, 6, 8, 10].map((pain) => (
            <g key={pain}>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={y(pain)}
                y2={y(pain)}
                className="stroke-stone-200"
                strokeWidth={1}
              />
              <text
                x={LEFT - 8}
                y={y(pain) + 4}
                textAnchor="end"
                className="fill-stone-700 text-[10px]"
              >
                {pain}
              </text>
            </g>
          ))}
          {points.map((p) => (
            <text
              key={p.stage}
              x={p.x}
              y={HEIGHT - 8}
              textAnchor="middle"
              className="fill-stone-700 text-[10px]"
            >
              {STAGE_LABELS[p.stage].short}
            </text>
          ))}
          {plotted.length > 1 ? (
            <polyline
              points={line}
              fill="none"
              className="stroke-teal-700"
              strokeWidth={2.5}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ) : null}
          {plotted.map((p) => (
            <g key={p.stage}>
              <circle
                cx={p.x}
                cy={y(p.median ?? 0)}
                r={4.5}
                className="fill-white stroke-teal-700"
                strokeWidth={2.5}
              />
              <text
                x={p.x}
                y={y(p.median ?? 0) - 9}
                textAnchor="middle"
                className="fill-stone-900 text-[11px] font-semibold"
              >
                {Number.isInteger(p.median) ? p.median : p.median?.toFixed(1)}
              </text>
            </g>
          ))}
        </svg>
        <table className="text-sm">
          <caption className="sr-only">Median self-reported pain at each stage</caption>
          <thead>
            <tr className="text-left text-xs tracking-wide text-stone-600 uppercase">
              <th scope="col" className="pr-4 pb-1 font-semibold">
                When
              </th>
              <th scope="col" className="pr-4 pb-1 font-semibold">
                Median pain
              </th>
              <th scope="col" className="pb-1 font-semibold">
                Answers
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.stage} className="border-t border-stone-100">
                <th scope="row" className="py-1.5 pr-4 text-left font-normal text-stone-700">
                  {STAGE_LABELS[p.stage].long}
                </th>
                <td className="py-1.5 pr-4 font-semibold text-stone-900 tabular-nums">
                  {p.median !== null ? (
                    medianText(p.median)
                  ) : (
                    <span className="font-normal text-stone-600">
                      {p.n === 0 ? 'No answers yet' : 'Too few answers'}
                    </span>
                  )}
                </td>
                <td className="py-1.5 text-stone-700 tabular-nums">{p.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
