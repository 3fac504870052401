import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { contactInput } from '@/lib/listings/contact';
import { checkContactChangeToken, createContactChangeToken } from '@/lib/listings/contact-token';
import {
  holdsContactDetails,
  latestDate,
  NEW_LISTING_CONTACT_MESSAGE,
  parseListingInput,
  PROFILE_CONTACT_MESSAGE,
  profileInput,
} from '@/lib/listings/input';
import { licenceTakenMessage, newListingInput, slugBase } from '@/lib/listings/new-listing';
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

const LOCATION = {
  'newLocation.name': 'Riverside Bodywork',
  'newLocation.address': '4200 12th Ave NE, Suite 300',
  'newLocation.city': 'Seattle',
  'newLocation.region': 'WA',
  'newLocation.postalCode': '98105',
  'newLocation.startsOn': '2020-01-15',
};

describe('contact details in the profile’s free text', () => {
  const CONTACTS = [
    'Write to jane.doe@example.com',
    'Book at https://example.org',
    'Book at ftp://files.example.org',
    'www.janedoe-massage',
    'example.xyz/book',
    'book on janedoe.com',
    'Call (212) 555-0101',
    'Call 212.555.0101',
    'Text 555 123 45 67',
    'Text me: 5551234567',
    '+44 20 7946 0958',
    'jane at gmail dot com',
  ];

  it('refuses e-mail addresses, links and phone numbers in every free-text field', () => {
    const fields = [
      'headline',
      'bio',
      'notTreated',
      'referrals',
      'prices.0.service',
      'newLocation.name',
      'newLocation.city',
    ];
    for (const text of CONTACTS) {
      for (const field of fields) {
        const input: Record<string, string> = { ...BASE, ...LOCATION, [field]: text };
        if (field.startsWith('prices.')) {
          Object.assign(input, { 'prices.0.minutes': '60', 'prices.0.dollars': '90' });
        }
        expect(problems(input)[field], `${field}: ${text}`).toBe(PROFILE_CONTACT_MESSAGE);
      }
    }
    expect(PROFILE_CONTACT_MESSAGE).toBe(
      'Contact details go under Contact details, where changes wait 72 hours.',
    );
    // A street address and credentials may hold long numbers, but not a phone or a link.
    expect(
      problems({ ...BASE, ...LOCATION, 'newLocation.address': '12 Main St, call 212-555-0101' })[
        'newLocation.address'
      ],
    ).toBe(PROFILE_CONTACT_MESSAGE);
    expect(problems({ ...BASE, credentials: 'LMT (212) 555-0101' }).credentials).toBe(
      PROFILE_CONTACT_MESSAGE,
    );
    expect(problems({ ...BASE, credentials: 'LMT example.com/me' }).credentials).toBe(
      PROFILE_CONTACT_MESSAGE,
    );
  });

  it('keeps ordinary text with numbers', () => {
    const found = problems({
      ...BASE,
      ...LOCATION,
      'newLocation.address': '11235 120th Ave NE, Building 7',
      headline: '15 years of 60-minute and 90-minute sessions',
      bio: 'Trained 2010-2015 in Boston (B.Sc/MSc). Sessions: $90 for 60 min, $120 for 90 min; 24/7 texts are not answered. Open Mon.-Fri. 9:00-17:00. Dr. Smith said: good.Next time.',
      notTreated: 'Acute injuries under 6 weeks old; pregnancy before week 12.',
      referrals: 'Physiotherapists for post-op rehab (2 to 3 sessions).',
      credentials: 'LMT 12345678, NCBTMB',
      'prices.0.service': '60-minute deep tissue',
      'prices.0.minutes': '60',
      'prices.0.dollars': '90',
    });
    expect(found).toEqual({});
    for (const text of ['Since 1998 2004 2012', 'Suite 100, 200 Main St', 'ZIP 10001']) {
      expect(holdsContactDetails(text, { digitRuns: true }), text).toBe(false);
    }
    expect(holdsContactDetails('11235 120th Ave', { digitRuns: false })).toBe(false);
    expect(holdsContactDetails('11235 120th Ave', { digitRuns: true })).toBe(true);
  });

  it('refuses them in a new listing too, with advice for after approval', () => {
    const input = {
      name: 'Jane Doe',
      credentials: 'LMT',
      licenseState: '',
      licenseNumber: '',
      headline: 'Deep tissue, call 212 555 0101',
      bio: 'See www.example.org',
      'location.name': 'Studio janedoe.com/book',
      'location.address': '350 5th Ave, Floor 21',
      'location.city': 'New York',
      'location.region': 'NY',
      'location.postalCode': '10118',
      'location.startsOn': '2019-05-01',
      contactEmail: 'jane@example.com',
    };
    const found = problems(input, newListingInput);
    expect(found).toEqual({
      headline: NEW_LISTING_CONTACT_MESSAGE,
      bio: NEW_LISTING_CONTACT_MESSAGE,
      'location.name': NEW_LISTING_CONTACT_MESSAGE,
    });
    expect(
      problems(
        { ...input, headline: '15 years of deep tissue', bio: '', 'location.name': 'Studio 5' },
        newListingInput,
      ),
    ).toEqual({});
  });

  it('explains a licence that is already taken by what holds it', () => {
    expect(licenceTakenMessage('published')).toMatch(/claim it instead/);
    expect(licenceTakenMessage('pending')).toBe(
      'A request for this licence is already waiting for the moderators.',
    );
    expect(licenceTakenMessage('hidden')).toMatch(/not shown/);
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
