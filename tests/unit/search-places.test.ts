import { describe, expect, it } from 'vitest';
import { CONDITIONS, MODALITIES } from '@/db/taxonomy';
import { extractPlace, resolvePlace } from '@/lib/search/places';

describe('resolvePlace', () => {
  it('resolves a ZIP code to its city and coordinates', () => {
    const place = resolvePlace('10001');
    expect(place?.kind).toBe('postal_code');
    expect(place?.label).toBe('10001 (New York, NY)');
    expect(place?.latitude).toBeCloseTo(40.75, 1);
    expect(place?.longitude).toBeCloseTo(-74.0, 1);
  });

  it('resolves a ZIP+4 code and surrounding spaces as the 5-digit code', () => {
    expect(resolvePlace('10001-1234')).toEqual(resolvePlace('10001'));
    expect(resolvePlace('  10001 ')).toEqual(resolvePlace('10001'));
  });

  it('resolves a city name alone to its largest namesake', () => {
    const place = resolvePlace('Denver');
    expect(place?.kind).toBe('city');
    expect(place?.label).toBe('Denver, CO');
    expect(place?.latitude).toBeCloseTo(39.74, 1);
    expect(place?.longitude).toBeCloseTo(-104.98, 1);
  });

  it('resolves a city with its state code, in any case', () => {
    expect(resolvePlace('Denver, CO')).toEqual(resolvePlace('Denver'));
    expect(resolvePlace('denver, co')).toEqual(resolvePlace('Denver'));
  });

  it('resolves a city with the full state name', () => {
    const oregon = resolvePlace('Portland, Oregon');
    expect(oregon?.label).toBe('Portland, OR');
    expect(oregon?.latitude).toBeCloseTo(45.52, 1);
    expect(oregon?.longitude).toBeCloseTo(-122.68, 1);
    const maine = resolvePlace('Portland, Maine');
    expect(maine?.label).toBe('Portland, ME');
    expect(maine?.longitude).toBeCloseTo(-70.26, 1);
  });

  it('resolves a city followed by its state without a comma', () => {
    const place = resolvePlace('Austin TX');
    expect(place?.label).toBe('Austin, TX');
    expect(place?.latitude).toBeCloseTo(30.3, 1);
    expect(place?.longitude).toBeCloseTo(-97.75, 1);
    expect(resolvePlace('san francisco ca')?.label).toBe('San Francisco, CA');
  });

  it('gives null for an unknown city', () => {
    expect(resolvePlace('Nowhereville')).toBeNull();
    expect(resolvePlace('Nowhereville, CO')).toBeNull();
  });

  it('gives null for military mail and unknown ZIP codes', () => {
    expect(resolvePlace('09001')).toBeNull();
    expect(resolvePlace('96201')).toBeNull();
    expect(resolvePlace('34001')).toBeNull();
    expect(resolvePlace('00000')).toBeNull();
    expect(resolvePlace('99999')).toBeNull();
  });

  it('gives null for empty text', () => {
    expect(resolvePlace('')).toBeNull();
    expect(resolvePlace('   ')).toBeNull();
  });
});

describe('extractPlace', () => {
  it('takes "near <ZIP>" out of the text', () => {
    expect(extractPlace('acupressure near 10001')).toEqual({
      place: resolvePlace('10001'),
      rest: 'acupressure',
    });
  });

  it('takes a ZIP or ZIP+4 anywhere in the text', () => {
    expect(extractPlace('neck pain 10001-1234')).toEqual({
      place: resolvePlace('10001'),
      rest: 'neck pain',
    });
    expect(extractPlace('10001 shiatsu')?.rest).toBe('shiatsu');
  });

  it('takes a large city at the end of the text', () => {
    expect(extractPlace('upper back pain Denver')).toEqual({
      place: resolvePlace('Denver, CO'),
      rest: 'upper back pain',
    });
    expect(extractPlace('sports massage san francisco')).toEqual({
      place: resolvePlace('San Francisco, CA'),
      rest: 'sports massage',
    });
  });

  it('takes "in <city>, <state>" and "near <city>, <state>"', () => {
    expect(extractPlace('massage in Austin, TX')).toEqual({
      place: resolvePlace('Austin, TX'),
      rest: 'massage',
    });
    expect(extractPlace('neck pain near Portland, Oregon')).toEqual({
      place: resolvePlace('Portland, OR'),
      rest: 'neck pain',
    });
  });

  it('does not take ordinary words for places', () => {
    for (const text of ['hip pain', 'deep tissue', 'sciatica', 'tight shoulders']) {
      expect(extractPlace(text), text).toBeNull();
    }
  });

  it('does not take any taxonomy name or synonym for a place', () => {
    const phrases = [...MODALITIES, ...CONDITIONS].flatMap((entry) => [
      entry.name,
      ...entry.synonyms,
    ]);
    for (const phrase of phrases) expect(extractPlace(phrase), phrase).toBeNull();
  });

  it('does not take "in home" for a town called Home', () => {
    expect(extractPlace('massage in home')).toBeNull();
  });

  it('does not take a longer number for a ZIP code', () => {
    expect(extractPlace('neck pain 100012')).toBeNull();
  });
});

describe('words of the search itself', () => {
  it('are not taken for towns of the same name', () => {
    expect(extractPlace('deep tissue mobile')).toBeNull();
    expect(extractPlace('massage in english')).toBeNull();
  });

  it('still name the town when its state is given', () => {
    expect(extractPlace('sciatica mobile al')?.place.label).toBe('Mobile, AL');
  });
});
