import { describe, expect, it } from 'vitest';
import {
  displayHost,
  formatDate,
  formatDistance,
  formatList,
  formatMonthYear,
  formatPressureRange,
  formatRating,
  formatShare,
  formatWeeks,
  intentLabel,
  languageName,
  percentOf,
  pluralize,
  pressureLabel,
  ratingLabel,
  shortTaxonomyName,
  toSafeHttpUrl,
  toTelHref,
} from '@/lib/format';

describe('formatDistance', () => {
  it('shows kilometres as miles, one decimal under 10 miles', () => {
    expect(formatDistance(1)).toBe('0.6 mi');
    expect(formatDistance(3.7)).toBe('2.3 mi');
  });

  it('rounds to whole miles from 10 miles up', () => {
    expect(formatDistance(16.0934)).toBe('10 mi');
    expect(formatDistance(40)).toBe('25 mi');
  });

  it('says "under 0.1 mi" for very short distances', () => {
    expect(formatDistance(0)).toBe('under 0.1 mi');
    expect(formatDistance(0.1)).toBe('under 0.1 mi');
  });

  it('gives nothing when there is no distance to show', () => {
    expect(formatDistance(null)).toBeNull();
    expect(formatDistance(undefined)).toBeNull();
    expect(formatDistance(Number.NaN)).toBeNull();
    expect(formatDistance(-1)).toBeNull();
  });
});

describe('formatMonthYear and formatDate', () => {
  it('names the month of a yyyy-mm value', () => {
    expect(formatMonthYear('2024-03')).toBe('March 2024');
    expect(formatMonthYear('2023-12')).toBe('December 2023');
  });

  it('reads ISO dates and timestamps without shifting across time zones', () => {
    expect(formatMonthYear('2025-01-01')).toBe('January 2025');
    expect(formatMonthYear('2025-01-01T00:30:00.000Z')).toBe('January 2025');
    expect(formatDate('2025-03-04T23:59:00Z')).toBe('March 4, 2025');
  });

  it('gives nothing for missing or unreadable values', () => {
    expect(formatMonthYear(null)).toBeNull();
    expect(formatMonthYear('2024-13')).toBeNull();
    expect(formatMonthYear('March')).toBeNull();
    expect(formatDate('2024-03')).toBeNull();
  });
});

describe('labels', () => {
  it('names every session intent', () => {
    expect(intentLabel('therapeutic')).toBe('Therapeutic: pain and its cause');
    expect(intentLabel('relaxation')).toBe('Relaxation and stress relief');
    expect(intentLabel('rehab')).toBe('Rehab alongside medical care');
  });

  it('names pressure levels on the 1 to 5 scale', () => {
    expect(pressureLabel(1)).toBe('Light');
    expect(pressureLabel(5)).toBe('Very firm');
    expect(pressureLabel(9)).toBe('Level 9');
  });

  it('describes a pressure range in words and numbers', () => {
    expect(formatPressureRange(2, 4)).toBe('Medium-light to firm (2–4 of 5)');
    expect(formatPressureRange(3, 3)).toBe('Medium (3 of 5)');
    expect(formatPressureRange(5, 1)).toBe('Light to very firm (1–5 of 5)');
  });

  it('names languages from their codes', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('not a code!')).toBe('not a code!');
  });

  it('shortens taxonomy names for chips', () => {
    expect(shortTaxonomyName('Acupressure (light touch: Jin Shin Jyutsu, Jin Shin Do)')).toBe(
      'Acupressure (light touch)',
    );
    expect(shortTaxonomyName('Acupressure (firm pressure)')).toBe('Acupressure (firm pressure)');
    expect(shortTaxonomyName('Shiatsu')).toBe('Shiatsu');
  });
});

describe('ratings and counts', () => {
  it('shows averages with one decimal', () => {
    expect(formatRating(4.56)).toBe('4.6');
    expect(formatRating(5)).toBe('5.0');
    expect(formatRating(4.04)).toBe('4.0');
  });

  it('gives star ratings an accessible name', () => {
    expect(ratingLabel(4.6)).toBe('4.6 out of 5 stars');
    expect(ratingLabel(4.64)).toBe('4.6 out of 5 stars');
    expect(ratingLabel(4)).toBe('4 out of 5 stars');
    expect(ratingLabel(4.98)).toBe('5 out of 5 stars');
  });

  it('pluralizes counts', () => {
    expect(pluralize(1, 'review')).toBe('1 review');
    expect(pluralize(0, 'review')).toBe('0 reviews');
    expect(pluralize(1204, 'review')).toBe('1,204 reviews');
    expect(pluralize(2, 'reviewer', 'people')).toBe('2 people');
    expect(formatWeeks(1)).toBe('1 week');
    expect(formatWeeks(6)).toBe('6 weeks');
  });

  it('shows shares with their base and as a bounded percentage', () => {
    expect(formatShare(7, 9)).toBe('7 of 9');
    expect(percentOf(7, 9)).toBe(78);
    expect(percentOf(3, 0)).toBe(0);
    expect(percentOf(12, 10)).toBe(100);
  });

  it('joins lists the way people write them', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['English'])).toBe('English');
    expect(formatList(['English', 'Spanish'])).toBe('English and Spanish');
    expect(formatList(['English', 'Spanish', 'Russian'])).toBe('English, Spanish and Russian');
  });
});

describe('links from listing data', () => {
  it('keeps http(s) web addresses and adds a missing scheme', () => {
    expect(toSafeHttpUrl('https://example.com/book')).toBe('https://example.com/book');
    expect(toSafeHttpUrl('example.com')).toBe('https://example.com/');
    expect(toSafeHttpUrl(' http://example.com ')).toBe('http://example.com/');
  });

  it('refuses addresses that are not web pages', () => {
    expect(toSafeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(toSafeHttpUrl('JavaScript:alert(1)')).toBeNull();
    expect(toSafeHttpUrl('data:text/html,hi')).toBeNull();
    expect(toSafeHttpUrl('localhost')).toBeNull();
    expect(toSafeHttpUrl('')).toBeNull();
    expect(toSafeHttpUrl(null)).toBeNull();
  });

  it('shows the host people recognise', () => {
    expect(displayHost('https://www.example.com/booking?x=1')).toBe('example.com');
  });

  it('builds tel: links from phone numbers as written', () => {
    expect(toTelHref('(212) 555-0142')).toBe('tel:2125550142');
    expect(toTelHref('+1 212-555-0142')).toBe('tel:+12125550142');
    expect(toTelHref('call me')).toBeNull();
    expect(toTelHref(null)).toBeNull();
  });
});
