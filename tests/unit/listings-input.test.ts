import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { contactInput } from '@/lib/listings/contact';
import { checkContactChangeToken, createContactChangeToken } from '@/lib/listings/contact-token';
import { latestDate, parseListingInput, profileInput } from '@/lib/listings/input';
import { slugBase } from '@/lib/listings/new-listing';
import { findZip, locateZip } from '@/lib/listings/places';

const BASE = {
  headline: 'Deep tissue for desk workers',
  bio: '',
  credentials: 'LMT',
  pressureMin: '2',
  pressureMax: '4',
  language: 'en',
};

function problems(input: unknown, schema: Parameters<typeof parseListingInput>[0] = profileInput) {
  try {
    parseListingInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) {
      return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    }
    throw error;
  }
  return {};
}

describe('the profile form', () => {
  it('accepts what a browser sends, and turns it into values', () => {
    const parsed = parseListingInput(profileInput, {
      ...BASE,
      modality: ['deep-tissue', 'deep-tissue', 'trigger-point'],
      intent: ['therapeutic', 'relaxation'],
      language: ['es', 'en'],
      mobileService: 'on',
      'hours.0.opens': '9:00',
      'hours.0.closes': '17:00:00',
      'prices.0.service': ' Deep tissue ',
      'prices.0.minutes': '60',
      'prices.0.dollars': '$95',
      'prices.1.service': '',
      'locations.12.endsOn': '',
    }) as Record<string, unknown>;
    expect(parsed.modality).toEqual(['deep-tissue', 'trigger-point']);
    expect(parsed.intent).toEqual(['relaxation', 'therapeutic']);
    expect(parsed.language).toEqual(['en', 'es']);
    expect(parsed.mobileService).toBe(true);
    expect(parsed['hours.0.opens']).toBe('09:00');
    expect(parsed['hours.0.closes']).toBe('17:00');
    expect(parsed['prices.0.service']).toBe('Deep tissue');
    expect(parsed['prices.0.dollars']).toBe(95);
    expect(parsed.locationEnds).toEqual({ '12': null });
  });

  it('names every problem at once, by the field the form shows', () => {
    const found = problems({
      ...BASE,
      headline: '',
      pressureMin: '5',
      pressureMax: '2',
      language: [],
      'hours.2.opens': '18:00',
      'hours.2.closes': '09:00',
      'hours.3.opens': '10:00',
      'prices.4.service': 'Hot stones',
      'prices.4.dollars': '2000',
      'newLocation.name': 'Studio',
      'locations.7.endsOn': '2999-01-01',
    });
    expect(Object.keys(found).sort()).toEqual(
      [
        'headline',
        'hours.2.closes',
        'hours.3.closes',
        'language',
        'locations.7.endsOn',
        'newLocation.address',
        'newLocation.city',
        'newLocation.postalCode',
        'newLocation.region',
        'newLocation.startsOn',
        'prices.4.dollars',
        'prices.4.minutes',
        'pressureMax',
      ].sort(),
    );
    expect(found['hours.2.closes']).toMatch(/later than the opening/);
    expect(found['locations.7.endsOn']).toMatch(/future/);
  });

  it('refuses fields it does not know', () => {
    const found = problems({ ...BASE, status: 'hidden', therapistId: '3', locationEnds: {} });
    expect(Object.values(found)).toContain('This field cannot be changed here.');
    expect(Object.keys(found).join(' ')).toMatch(/status/);
  });
});

describe('contact details', () => {
  it('keep web addresses as typed, adding https:// when the scheme is missing', () => {
    const parsed = parseListingInput(contactInput, {
      contactEmail: ' Jane.Doe@Example.COM ',
      phone: '+1 (212)  555-0142',
      website: 'example.com/jane',
      bookingUrl: 'https://book.example.org/jane',
    });
    expect(parsed).toEqual({
      contactEmail: 'jane.doe@example.com',
      phone: '+1 (212) 555-0142',
      website: 'https://example.com/jane',
      bookingUrl: 'https://book.example.org/jane',
    });
    expect(
      parseListingInput(contactInput, {
        contactEmail: '',
        phone: ' ',
        website: '',
        bookingUrl: '',
      }),
    ).toEqual({ contactEmail: null, phone: null, website: null, bookingUrl: null });
  });

  it('refuses look-alike emails, short or lettered phones, other schemes and plain-http booking', () => {
    const found = problems(
      {
        contactEmail: '"a@evil.test"@victim.test',
        phone: '555-01',
        website: 'javascript:alert(1)',
        bookingUrl: 'http://book.example.org',
      },
      contactInput,
    );
    expect(Object.keys(found).sort()).toEqual(['bookingUrl', 'contactEmail', 'phone', 'website']);
    expect(problems({ phone: '212 555 CALL' }, contactInput).phone).toMatch(/7 to 15 digits/);
  });
});

describe('places and slugs', () => {
  it('locates a ZIP code only in its own state', () => {
    const found = locateZip('10001', 'NY');
    expect(found.ok && found.city).toBe('New York');
    const elsewhere = locateZip('10001', 'NJ');
    expect(!elsewhere.ok && elsewhere.message).toMatch(/is in NY/);
    expect(findZip('00000').ok).toBe(false);
    expect(findZip('1000').ok).toBe(false);
  });

  it('makes slugs from name and city', () => {
    expect(slugBase('Renée O’Connor', 'San José')).toBe('renee-o-connor-san-jose');
    expect(slugBase('李', '')).toBe('therapist');
  });

  it('takes dates up to today where the practitioner may be', () => {
    expect(latestDate(new Date('2025-06-01T12:00:00Z'))).toBe('2025-06-02');
  });
});

describe('the link that stops a contact change', () => {
  it('is refused when tampered with, expired or made for something else', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const token = createContactChangeToken(42, new Date('2025-06-04T00:00:00Z'));
    const check = checkContactChangeToken(token, now);
    expect(check.ok && check.claims.changeId).toBe(42);
    const [body, signature] = token.split('.') as [string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(checkContactChangeToken(`${body}.${flipped}`, now)).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    const otherBody = Buffer.from('contact-change.43.1749081600').toString('base64url');
    expect(checkContactChangeToken(`${otherBody}.${signature}`, now)).toMatchObject({ ok: false });
    expect(checkContactChangeToken(token, new Date('2025-06-04T00:00:01Z'))).toMatchObject({
      ok: false,
      problem: 'expired',
    });
    expect(checkContactChangeToken('not-a-token', now).ok).toBe(false);
  });
});
