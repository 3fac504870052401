/**
 * Arithmetic of the insight charts: axis ranges with round tick values, positions of points and
 * bars, and the runs of a series that a line may join. Pure, so it is tested on its own.
 */

/** The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Rounding error can leave 0.30000000000000004 above 0.3.
    if (candidate >= value - power * 1e-9) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}

export interface CountAxis {
  max: number;
  ticks: number[];
}

/**
 * An axis for counts from zero: at most `maxTicks` intervals, whole-number steps, the top tick
 * at or above the largest value. Empty data still gets an axis (0 to 1).
 */
export function countAxis(values: readonly number[], maxTicks = 4): CountAxis {
  const largest = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const intervals = Math.max(1, Math.floor(maxTicks));
  let step = niceCeiling(Math.max(largest / intervals, 1));
  // Counts are whole: a step of 2.5 becomes 5.
  if (!Number.isInteger(step)) step = niceCeiling(step * (1 + 1e-9));
  const count = Math.max(1, Math.ceil(largest / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => i * step);
  return { max: count * step, ticks };
}

/** A function from a data range onto a pixel range (either may run backwards). */
export function linearScale(
  [domainStart, domainEnd]: readonly [number, number],
  [rangeStart, rangeEnd]: readonly [number, number],
): (value: number) => number {
  const span = domainEnd - domainStart;
  return (value) =>
    span === 0
      ? (rangeStart + rangeEnd) / 2
      : rangeStart + ((value - domainStart) / span) * (rangeEnd - rangeStart);
}

/**
 * The centres of `count` equal bands across [start, end]: where each month's bar or point sits,
 * so bars and points of the same month line up between charts.
 */
export function bandCenters(count: number, start: number, end: number): number[] {
  if (count <= 0) return [];
  const width = (end - start) / count;
  return Array.from({ length: count }, (_, i) => start + width * (i + 0.5));
}

/** The width of one band of `count` across [start, end]. */
export function bandWidth(count: number, start: number, end: number): number {
  return count > 0 ? (end - start) / count : 0;
}

/**
 * The runs of consecutive present values, as index lists: a line joins the points within a run
 * and leaves a gap where a value is missing.
 */
export function presentRuns(values: readonly (number | null)[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push(index);
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Rounds a coordinate for SVG output (two decimals are finer than any screen). */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Relative change between two totals, as a whole percentage; null when there is no base. */
export function percentChange(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((current - previous) / previous) * 100);
}
