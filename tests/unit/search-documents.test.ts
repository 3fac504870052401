import { describe, expect, it } from 'vitest';
import { lastingReliefScore } from '@/lib/search/documents';

describe('lastingReliefScore', () => {
  it('is 0 without follow-ups', () => {
    expect(lastingReliefScore(0, 0)).toBe(0);
    expect(lastingReliefScore(3, 0)).toBe(0);
    expect(lastingReliefScore(0, -1)).toBe(0);
  });

  it('is 0 when nobody reported lasting relief', () => {
    expect(lastingReliefScore(0, 1)).toBe(0);
    expect(lastingReliefScore(0, 10)).toBe(0);
  });

  it('ranks 9 of 10 above 1 of 1', () => {
    expect(lastingReliefScore(9, 10)).toBeGreaterThan(lastingReliefScore(1, 1));
  });

  it('ranks the same share higher with more follow-ups', () => {
    expect(lastingReliefScore(10, 10)).toBeGreaterThan(lastingReliefScore(1, 1));
    expect(lastingReliefScore(40, 50)).toBeGreaterThan(lastingReliefScore(4, 5));
  });

  it('rises with the number reporting lasting relief', () => {
    for (const base of [1, 5, 20, 200]) {
      for (let count = 1; count <= base; count++) {
        expect(lastingReliefScore(count, base), `${count} of ${base}`).toBeGreaterThan(
          lastingReliefScore(count - 1, base),
        );
      }
    }
  });

  it('stays between 0 and 1, below the observed share', () => {
    for (const base of [1, 2, 10, 1000]) {
      for (const count of [0, 1, Math.floor(base / 2), base]) {
        const score = lastingReliefScore(count, base);
        expect(score, `${count} of ${base}`).toBeGreaterThanOrEqual(0);
        expect(score, `${count} of ${base}`).toBeLessThan(1);
        expect(score, `${count} of ${base}`).toBeLessThanOrEqual(count / base);
      }
    }
  });
});
