import { describe, expect, it } from 'vitest';
import { INTENTS } from '@/db/schema/enums';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { CONDITION_BITS, INTENT_BITS, MODALITY_BITS, toMask } from '@/lib/search/bits';
import { toFacetCounts } from '@/lib/search/facets';

describe('toFacetCounts', () => {
  it('labels values from the taxonomy and orders them by count', () => {
    expect(toFacetCounts('modality', { swedish: 2, shiatsu: 7, 'deep-tissue': 4 }, [])).toEqual([
      { value: 'shiatsu', label: 'Shiatsu', count: 7 },
      { value: 'deep-tissue', label: 'Deep tissue massage', count: 4 },
      { value: 'swedish', label: 'Swedish / relaxation massage', count: 2 },
    ]);
  });

  it('orders equal counts by label', () => {
    const facets = toFacetCounts(
      'condition',
      { sciatica: 3, 'neck-pain': 3, 'hip-pain': 3, 'jaw-pain': 9 },
      [],
    );
    expect(facets.map((f) => f.label)).toEqual([
      'Jaw pain (TMJ)',
      'Hip pain',
      'Neck pain',
      'Sciatica',
    ]);
  });

  it('labels intents', () => {
    expect(toFacetCounts('intent', { sports: 1, relaxation: 5 }, [])).toEqual([
      { value: 'relaxation', label: 'Relaxation and stress relief', count: 5 },
      { value: 'sports', label: 'Sports performance and recovery', count: 1 },
    ]);
  });

  it('drops values without a count unless they are selected', () => {
    expect(toFacetCounts('modality', { swedish: 0, shiatsu: 2 }, [])).toEqual([
      { value: 'shiatsu', label: 'Shiatsu', count: 2 },
    ]);
    expect(
      toFacetCounts('modality', { swedish: 0, shiatsu: 2 }, ['swedish', 'reflexology']),
    ).toEqual([
      { value: 'shiatsu', label: 'Shiatsu', count: 2 },
      { value: 'reflexology', label: 'Reflexology', count: 0 },
      { value: 'swedish', label: 'Swedish / relaxation massage', count: 0 },
    ]);
  });

  it('keeps the count of a selected value and lists it once', () => {
    expect(toFacetCounts('condition', { sciatica: 4 }, ['sciatica'])).toEqual([
      { value: 'sciatica', label: 'Sciatica', count: 4 },
    ]);
  });

  it('drops values the taxonomy does not know, counted or selected', () => {
    expect(toFacetCounts('modality', { reiki: 12, shiatsu: 1 }, ['cupping'])).toEqual([
      { value: 'shiatsu', label: 'Shiatsu', count: 1 },
    ]);
    expect(toFacetCounts('intent', { 'neck-pain': 3 }, [])).toEqual([]);
  });

  it('gives nothing for an empty distribution and no selection', () => {
    expect(toFacetCounts('condition', {}, [])).toEqual([]);
  });
});

describe('toMask', () => {
  it('follows the order of the taxonomy lists', () => {
    expect(MODALITY_BITS).toEqual(MODALITIES.map((m) => m.slug));
    expect(CONDITION_BITS).toEqual(CONDITIONS.map((c) => c.slug));
    expect(INTENT_BITS).toEqual(INTENTS);
  });

  it('sets the bit of each value', () => {
    expect(toMask(MODALITY_BITS, [])).toBe(0);
    MODALITY_BITS.forEach((slug, i) => expect(toMask(MODALITY_BITS, [slug])).toBe(2 ** i));
    expect(toMask(INTENT_BITS, ['relaxation', 'sports'])).toBe(0b1001);
    expect(toMask(CONDITION_BITS, CONDITION_BITS)).toBe(2 ** CONDITION_BITS.length - 1);
  });

  it('does not depend on the order of the values', () => {
    expect(toMask(MODALITY_BITS, ['shiatsu', 'swedish', 'tui-na'])).toBe(
      toMask(MODALITY_BITS, ['tui-na', 'shiatsu', 'swedish']),
    );
  });

  it('ignores unknown values', () => {
    expect(toMask(MODALITY_BITS, ['reiki'])).toBe(0);
    expect(toMask(MODALITY_BITS, ['reiki', 'shiatsu', 'cupping'])).toBe(
      toMask(MODALITY_BITS, ['shiatsu']),
    );
  });

  it('sets the bit of a repeated value once', () => {
    expect(toMask(INTENT_BITS, ['sports', 'sports'])).toBe(toMask(INTENT_BITS, ['sports']));
    expect(toMask(MODALITY_BITS, ['swedish', 'swedish'])).toBe(1);
  });

  it('gives distinct sets of values distinct masks', () => {
    const masks = new Map<number, string>();
    for (let i = 0; i < MODALITY_BITS.length; i++) {
      for (let j = i; j < MODALITY_BITS.length; j++) {
        const values = i === j ? [MODALITY_BITS[i]!] : [MODALITY_BITS[i]!, MODALITY_BITS[j]!];
        const mask = toMask(MODALITY_BITS, values);
        expect(masks.get(mask), values.join('+')).toBeUndefined();
        masks.set(mask, values.join('+'));
      }
    }
    const n = MODALITY_BITS.length;
    expect(masks.size).toBe((n * (n + 1)) / 2);
  });

  it('lets each value be read back from a mask', () => {
    const mask = toMask(CONDITION_BITS, ['sciatica', 'neck-pain', 'jaw-pain']);
    const readBack = CONDITION_BITS.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
    expect(readBack).toEqual(['neck-pain', 'sciatica', 'jaw-pain']);
  });
});
