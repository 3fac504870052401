import { describe, expect, it } from 'vitest';
import {
  bandCenters,
  bandWidth,
  countAxis,
  linearScale,
  niceCeiling,
  percentChange,
  presentRuns,
  px,
} from '@/lib/insights/scale';

describe('niceCeiling', () => {
  it.each([
    [0.3, 0.5],
    [0.7, 1],
    [1, 1],
    [1.2, 2],
    [2.2, 2.5],
    [3, 5],
    [7, 10],
    [12, 20],
    [21, 25],
    [26, 50],
    [51, 100],
    [999, 1000],
  ])('%s rounds up to %s', (value, nice) => {
    expect(niceCeiling(value)).toBe(nice);
  });

  it('gives 1 for nothing, negatives and non-numbers', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(-4)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
    expect(niceCeiling(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('countAxis', () => {
  it('has an axis even with no counts', () => {
    expect(countAxis([])).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis([0, 0, 0])).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('steps by whole, round numbers and reaches the largest value', () => {
    expect(countAxis([3, 1])).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis([7])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    // 9 / 4 = 2.25 would round to 2.5: counts are whole, so the step is 5.
    expect(countAxis([9])).toEqual({ max: 10, ticks: [0, 5, 10] });
    expect(countAxis([100, 40])).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(countAxis([1234])).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
  });

  it('never has more intervals than asked for', () => {
    for (let largest = 0; largest <= 500; largest += 1) {
      const axis = countAxis([largest]);
      expect(axis.ticks.length - 1).toBeLessThanOrEqual(4);
      expect(axis.max).toBeGreaterThanOrEqual(largest);
      expect(axis.ticks.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('linearScale', () => {
  it('maps a domain onto a range, including a reversed one (SVG y grows downwards)', () => {
    const y = linearScale([1, 5], [148, 18]);
    expect(y(1)).toBe(148);
    expect(y(5)).toBe(18);
    expect(y(3)).toBe(83);
  });

  it('puts every value in the middle when the domain is a single point', () => {
    expect(linearScale([2, 2], [0, 10])(7)).toBe(5);
  });
});

describe('bands', () => {
  it('centres each category in an equal share of the width', () => {
    expect(bandCenters(4, 0, 100)).toEqual([12.5, 37.5, 62.5, 87.5]);
    expect(bandWidth(4, 0, 100)).toBe(25);
    expect(bandCenters(0, 0, 100)).toEqual([]);
    expect(bandWidth(0, 0, 100)).toBe(0);
  });
});

describe('presentRuns', () => {
  it('splits a series at missing values, so the line leaves gaps', () => {
    expect(presentRuns([1, 2, null, 3, null, null, 4, 5, 6])).toEqual([[0, 1], [3], [6, 7, 8]]);
    expect(presentRuns([null, null])).toEqual([]);
    expect(presentRuns([0, Number.NaN, 0])).toEqual([[0], [2]]);
  });
});

describe('px and percentChange', () => {
  it('rounds coordinates to hundredths', () => {
    expect(px(12.3456)).toBe(12.35);
    expect(px(-0.004)).toBe(-0);
  });

  it('gives the change in whole percent, or nothing without a base', () => {
    expect(percentChange(120, 100)).toBe(20);
    expect(percentChange(50, 200)).toBe(-75);
    expect(percentChange(1, 3)).toBe(-67);
    expect(percentChange(5, 0)).toBeNull();
  });
});
