import { describe, expect, it } from 'vitest';
import { analyzeText, foldText, synonymMap } from '@/lib/search/analyze';

describe('foldText', () => {
  it('lowercases and strips accents', () => {
    expect(foldText('Café-Massage!')).toBe('cafe massage');
    expect(foldText('ÅNGSTRÖM Ñandú')).toBe('angstrom nandu');
  });

  it('turns punctuation and runs of whitespace into single spaces, trimmed', () => {
    expect(foldText('  deep—tissue,   (trigger) points?!  ')).toBe('deep tissue trigger points');
    expect(foldText("Mary's\tneck\n\npain")).toBe('mary s neck pain');
  });

  it('keeps digits and folds compatibility characters', () => {
    expect(foldText('Ｎｅｃｋ 2x')).toBe('neck 2x');
    expect(foldText('ﬁne')).toBe('fine');
  });

  it('gives an empty string for text without letters or digits', () => {
    expect(foldText('')).toBe('');
    expect(foldText(' — !? ')).toBe('');
  });
});

describe('analyzeText', () => {
  it('reads "pain down my leg" as sciatica', () => {
    expect(analyzeText('pain down my leg')).toEqual({
      matches: [
        { phrase: 'pain down my leg', kind: 'condition', slugs: ['sciatica'], related: [] },
      ],
      words: [],
    });
  });

  it('reads "knots" as trigger point therapy', () => {
    expect(analyzeText('knots').matches).toEqual([
      { phrase: 'knots', kind: 'modality', slugs: ['trigger-point'], related: [] },
    ]);
  });

  it('reads "lumbar" as lower back pain', () => {
    expect(analyzeText('lumbar').matches).toEqual([
      { phrase: 'lumbar', kind: 'condition', slugs: ['lower-back-pain'], related: [] },
    ]);
  });

  it('reads "tech neck" as neck pain', () => {
    expect(analyzeText('Tech Neck').matches).toEqual([
      { phrase: 'tech neck', kind: 'condition', slugs: ['neck-pain'], related: [] },
    ]);
  });

  it('reads "deep-tissue massage" as deep tissue, hyphen or not', () => {
    const expected = [
      { phrase: 'deep tissue massage', kind: 'modality', slugs: ['deep-tissue'], related: [] },
    ];
    expect(analyzeText('deep-tissue massage')).toEqual({ matches: expected, words: [] });
    expect(analyzeText('Deep Tissue Massage')).toEqual({ matches: expected, words: [] });
  });

  it('reads "shiatsu" as shiatsu with the acupressure forms as related', () => {
    const [match] = analyzeText('shiatsu').matches;
    expect(match?.kind).toBe('modality');
    expect(match?.slugs).toEqual(['shiatsu']);
    expect([...(match?.related ?? [])].sort()).toEqual([
      'acupressure-firm',
      'acupressure-light-touch',
    ]);
  });

  it('reads "acupressure" as all three acupressure-family modalities', () => {
    const [match] = analyzeText('acupressure').matches;
    expect([...(match?.slugs ?? [])].sort()).toEqual([
      'acupressure-firm',
      'acupressure-light-touch',
      'shiatsu',
    ]);
    expect(match?.related).toEqual([]);
  });

  it('drops the generic words of "massage therapist near me"', () => {
    expect(analyzeText('massage therapist near me')).toEqual({ matches: [], words: [] });
    expect(analyzeText('Best LMT for me')).toEqual({ matches: [], words: [] });
  });

  it('takes the longest phrase rather than its parts', () => {
    expect(analyzeText('lower back pain').matches).toEqual([
      { phrase: 'lower back pain', kind: 'condition', slugs: ['lower-back-pain'], related: [] },
    ]);
    expect(analyzeText('tension headache').matches.map((m) => m.slugs)).toEqual([
      ['tension-headache'],
    ]);
    expect(analyzeText('tension').matches.map((m) => m.slugs)).toEqual([['stress-tension']]);
  });

  it('recognises plurals', () => {
    expect(analyzeText('tension headaches').matches.map((m) => m.slugs)).toEqual([
      ['tension-headache'],
    ]);
    expect(analyzeText('stiff necks').matches.map((m) => m.slugs)).toEqual([['neck-pain']]);
    expect(analyzeText('deep tissue massages').matches.map((m) => m.slugs)).toEqual([
      ['deep-tissue'],
    ]);
  });

  it('finds several phrases from the left, in order', () => {
    expect(
      analyzeText('deep tissue for lower back pain and knots').matches.map((m) => m.slugs),
    ).toEqual([['deep-tissue'], ['lower-back-pain'], ['trigger-point']]);
  });

  it('keeps the remaining meaningful words in order', () => {
    expect(analyzeText('stiff neck after sleeping badly')).toEqual({
      matches: [{ phrase: 'stiff neck', kind: 'condition', slugs: ['neck-pain'], related: [] }],
      words: ['sleeping', 'badly'],
    });
    const mixed = analyzeText('gentle deep tissue for runners with knots');
    expect(mixed.words).toEqual(['gentle', 'runners']);
    expect(mixed.matches.map((m) => m.phrase)).toEqual(['deep tissue', 'knots']);
  });

  it('keeps words that name no taxonomy entry', () => {
    expect(analyzeText('pain')).toEqual({ matches: [], words: ['pain'] });
    expect(analyzeText('')).toEqual({ matches: [], words: [] });
  });
});

describe('synonymMap', () => {
  const map = synonymMap();

  it('groups the generic phrases for any massage therapist', () => {
    expect(map['massage therapist']).toEqual(['lmt', 'masseuse']);
    expect(map['lmt']).toEqual(['massage therapist', 'masseuse']);
    expect(map['masseuse']).toEqual(['lmt', 'massage therapist']);
  });

  it('groups taxonomy names with their synonyms', () => {
    expect(map['lumbar']).toContain('lower back pain');
    expect(map['lower back pain']).toContain('lumbar');
    expect(map['knots']).toContain('trigger point');
    expect(map['acupressure']).toEqual(
      expect.arrayContaining(['shiatsu', 'pressure points', 'jin shin jyutsu']),
    );
  });

  it('is symmetric', () => {
    for (const [phrase, others] of Object.entries(map)) {
      for (const other of others) expect(map[other], `${other} -> ${phrase}`).toContain(phrase);
    }
  });

  it('never maps a phrase to itself and lists each synonym once, sorted', () => {
    for (const [phrase, others] of Object.entries(map)) {
      expect(others, phrase).not.toContain(phrase);
      expect(others.length, phrase).toBeGreaterThan(0);
      expect(new Set(others).size, phrase).toBe(others.length);
      expect(others, phrase).toEqual([...others].sort());
    }
  });

  it('uses folded phrases only', () => {
    for (const [phrase, others] of Object.entries(map)) {
      expect(foldText(phrase)).toBe(phrase);
      for (const other of others) expect(foldText(other)).toBe(other);
    }
  });
});
