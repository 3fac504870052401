import { describe, expect, it } from 'vitest';
import { highlight, segmentsToString } from '@/lib/search/highlight';
import type { HighlightSegment } from '@/lib/search/types';

const marked = (text: string, terms: readonly string[]) => segmentsToString(highlight(text, terms));

const joined = (segments: readonly HighlightSegment[]) => segments.map((s) => s.text).join('');

describe('highlight', () => {
  it('marks words that start with what is being typed', () => {
    expect(marked('Sore shoulders and neck', ['shou'])).toBe('Sore [shoulders] and neck');
    expect(marked('Neck pain relief', ['neck', 'pai'])).toBe('[Neck] [pain] relief');
  });

  it('does not mark a term found only inside a word', () => {
    expect(marked('Tension headache', ['ache'])).toBe('Tension headache');
    expect(marked('Sore shoulders', ['ould'])).toBe('Sore shoulders');
  });

  it('marks the singular of a plural term and the plural of a singular term', () => {
    expect(marked('Tight shoulder work', ['shoulders'])).toBe('Tight [shoulder] work');
    expect(marked('Tight shoulders', ['shoulder'])).toBe('Tight [shoulders]');
    expect(marked('Assisted stretch', ['stretching'])).toBe('Assisted [stretch]');
  });

  it('marks the singular of a plural term whose singular ends in e', () => {
    expect(marked('Tension headache relief', ['headaches'])).toBe('Tension [headache] relief');
    expect(marked('Sore muscle care', ['muscles'])).toBe('Sore [muscle] care');
  });

  it('ignores case and accents but keeps the text as written', () => {
    expect(marked('Café Olé', ['CAFE'])).toBe('[Café] Olé');
    expect(marked('CAFE ole', ['café', 'olé'])).toBe('[CAFE] [ole]');
  });

  it('ignores terms shorter than two characters', () => {
    expect(highlight('Neck and back', ['a', '', ' ', '!!'])).toEqual([
      { text: 'Neck and back', match: false },
    ]);
  });

  it('gives segments that concatenate back to the original text exactly', () => {
    const texts = [
      'Deep tissue & trigger-point work — 15 yrs',
      '  Shoulders,   neck\tand\nback  ',
      'Café Olé: “relief” for sore shoulders 😊',
      'Neck',
    ];
    for (const text of texts) {
      expect(joined(highlight(text, ['neck', 'shoulder', 'cafe', 'trig']))).toBe(text);
      expect(joined(highlight(text, []))).toBe(text);
    }
  });

  it('merges neighbouring pieces so matches and non-matches alternate', () => {
    const segments = highlight('Neck, shoulders and upper back', ['neck', 'shoulders']);
    expect(segments).toEqual([
      { text: 'Neck', match: true },
      { text: ', ', match: false },
      { text: 'shoulders', match: true },
      { text: ' and upper back', match: false },
    ]);
  });

  it('keeps markup-like text as plain text', () => {
    const text = '<script>alert(1)</script> Neck & shoulders';
    expect(highlight(text, ['neck'])).toEqual([
      { text: '<script>alert(1)</script> ', match: false },
      { text: 'Neck', match: true },
      { text: ' & shoulders', match: false },
    ]);
    const inside = highlight('<b>knots</b> &amp; more', ['knots']);
    expect(inside).toEqual([
      { text: '<b>', match: false },
      { text: 'knots', match: true },
      { text: '</b> &amp; more', match: false },
    ]);
  });

  it('gives no segments for empty text and one plain segment without terms', () => {
    expect(highlight('', ['neck'])).toEqual([]);
    expect(highlight('', [])).toEqual([]);
    expect(highlight('Neck pain', [])).toEqual([{ text: 'Neck pain', match: false }]);
  });
});

describe('segmentsToString', () => {
  it('wraps matches in the given markers', () => {
    const segments = highlight('Neck pain', ['neck']);
    expect(segmentsToString(segments)).toBe('[Neck] pain');
    expect(segmentsToString(segments, '<mark>', '</mark>')).toBe('<mark>Neck</mark> pain');
    expect(segmentsToString([])).toBe('');
  });
});
