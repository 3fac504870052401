/**
 * Owners keep their listing true: one form saves the profile in one transaction, search follows
 * through the outbox, and every refusal (bad input, extra fields, someone else) changes nothing.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileForm } from '@/components/listings/profile-form';
import { OpeningHoursList } from '@/components/therapists/opening-hours';
import { PriceList } from '@/components/therapists/price-list';
import { ScopeOfCare } from '@/components/therapists/scope-of-care';
import {
  auditLog,
  jobs,
  practiceLocations,
  therapistConditions,
  therapistModalities,
  therapists,
} from '@/db/schema';
import { runDueJobs } from '@/lib/jobs/worker';
import { LOCATIONS_CHANGED_SUBJECT } from '@/lib/listings/contact-mail';
import { LOCATION_NOTICE_JOB } from '@/lib/listings/location-notice';
import { getListingProfileForm, updateListingProfile } from '@/lib/listings/profile';
import { setSearchEngines } from '@/lib/search';
import { drainAll } from '@/lib/search/indexer';
import { getTherapistProfile } from '@/lib/therapists/queries';
import {
  confirmedViewer,
  ownedListing,
  signedInViewer,
  type ListingOwner,
} from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { setUpEnv, setUpMail } from '../support/env';
import { failure, fieldErrors } from '../support/errors';
import { searchSlugs } from '../support/search';
import { createTherapist } from '../factories';

let database: TestDatabase;
setUpEnv({ MEILISEARCH_HOST: undefined });

beforeAll(async () => {
  database = await createTestDatabase();
  setSearchEngines(undefined);
});

afterAll(async () => {
  setSearchEngines(undefined);
  await database.dispose();
});

/** A listing with known modalities, condition and a current location, held by its owner. */
const owner = () =>
  ownedListing({
    modalitySlugs: ['deep-tissue', 'trigger-point'],
    conditionSlugs: ['lower-back-pain'],
    locations: [{ endsOn: null, startsOn: '2020-01-01' }],
  });

/** The form fields that add a practice location in Boulder, CO. */
const newLocationInBoulder = (name: string, address: string) => ({
  'newLocation.name': name,
  'newLocation.address': address,
  'newLocation.city': 'Boulder',
  'newLocation.region': 'CO',
  'newLocation.postalCode': '80302',
  'newLocation.startsOn': '2025-01-02',
});

/** Everything a save could touch, to show that a refusal touched nothing. */
async function snapshot(therapistId: number) {
  const db = database.db;
  const [row] = await db.select().from(therapists).where(eq(therapists.id, therapistId));
  return {
    row,
    modalities: await db
      .select()
      .from(therapistModalities)
      .where(eq(therapistModalities.therapistId, therapistId))
      .orderBy(asc(therapistModalities.modalityId)),
    conditions: await db
      .select()
      .from(therapistConditions)
      .where(eq(therapistConditions.therapistId, therapistId))
      .orderBy(asc(therapistConditions.conditionId)),
    locations: await db
      .select()
      .from(practiceLocations)
      .where(eq(practiceLocations.therapistId, therapistId))
      .orderBy(asc(practiceLocations.id)),
    audits: (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(eq(auditLog.therapistId, therapistId))
    )[0]!.n,
  };
}

describe('the profile form', () => {
  it('shows the stored profile, and saving it unchanged changes nothing', async () => {
    const { viewer, listing } = await owner();
    const form = await getListingProfileForm(viewer);
    expect(form.listing).toMatchObject({ slug: listing.therapist.slug, status: 'published' });
    expect(form.values.headline).toBe(listing.therapist.headline);
    expect(form.values.modality).toEqual(['deep-tissue', 'trigger-point']);
    expect(form.locations).toHaveLength(1);
    expect(form.locations[0]).toMatchObject({ current: true, startsOn: '2020-01-01' });
    expect(form.options.modalities.map((g) => g.family)).toEqual([
      'massage',
      'asian_bodywork',
      'related_care',
    ]);
    const before = await snapshot(listing.therapist.id);
    expect(await updateListingProfile(viewer, form.values)).toEqual({
      slug: listing.therapist.slug,
      changed: [],
    });
    expect(await snapshot(listing.therapist.id)).toEqual(before);
  });

  it('saves every part in one go, audits the names of what changed, and search follows', async () => {
    const { viewer, listing } = await owner();
    const id = listing.therapist.id;
    // A known starting point, so that every part below is a change.
    await database.db
      .update(therapists)
      .set({
        credentials: 'LMT',
        intents: ['relaxation'],
        pressureMin: 1,
        pressureMax: 3,
        languages: ['en'],
        mobileService: false,
        notTreated: '',
        referrals: '',
        hours: [],
        prices: [],
      })
      .where(eq(therapists.id, id));
    await drainAll();
    expect(await searchSlugs({ q: 'zephyrine' })).toEqual([]);
    const form = await getListingProfileForm(viewer);
    const oldLocation = form.locations[0]!;
    const saved = await updateListingProfile(viewer, {
      ...form.values,
      headline: 'Zephyrine cupping and release for climbers',
      bio: 'I work on forearms and shoulders.\n\nAssessment first, then treatment.',
      credentials: 'LMT, NCBTMB',
      modality: ['deep-tissue', 'reflexology'],
      intent: ['therapeutic', 'sports'],
      pressureMin: '3',
      pressureMax: '5',
      condition: ['lower-back-pain', 'tension-headache'],
      notTreated: 'Acute injuries in the first 72 hours.',
      referrals: 'Physiotherapists for rehab after surgery.',
      language: ['es', 'en'],
      mobileService: 'on',
      'hours.0.opens': '09:00',
      'hours.0.closes': '17:00',
      'hours.5.opens': '10:00',
      'hours.5.closes': '14:00',
      'prices.0.service': 'Deep tissue',
      'prices.0.minutes': '60',
      'prices.0.dollars': '95',
      'prices.1.service': '',
      'prices.1.minutes': '',
      'prices.1.dollars': '',
      'prices.2.service': 'Climber’s forearm session',
      'prices.2.minutes': '45',
      'prices.2.dollars': '70',
      [`locations.${oldLocation.id}.endsOn`]: '2024-12-31',
      ...newLocationInBoulder('Boulder Loft Studio', '1 Pearl St'),
    });
    expect(saved.changed.sort()).toEqual(
      [
        'bio',
        'conditions',
        'credentials',
        'headline',
        'hours',
        'intents',
        'languages',
        'locations',
        'mobileService',
        'modalities',
        'notTreated',
        'prices',
        'pressureMax',
        'pressureMin',
        'referrals',
      ].sort(),
    );

    // The hours and prices as stored and as the profile shows them (the empty price row dropped).
    const savedHours = [
      { day: 0, opens: '09:00', closes: '17:00' },
      { day: 5, opens: '10:00', closes: '14:00' },
    ];
    const savedPrices = [
      { service: 'Deep tissue', minutes: 60, dollars: 95 },
      { service: 'Climber’s forearm session', minutes: 45, dollars: 70 },
    ];
    const [row] = await database.db.select().from(therapists).where(eq(therapists.id, id));
    expect(row).toMatchObject({
      headline: 'Zephyrine cupping and release for climbers',
      languages: ['en', 'es'],
      mobileService: true,
      pressureMin: 3,
      pressureMax: 5,
      notTreated: 'Acute injuries in the first 72 hours.',
      hours: savedHours,
      prices: savedPrices,
    });
    const locations = await database.db
      .select()
      .from(practiceLocations)
      .where(eq(practiceLocations.therapistId, id))
      .orderBy(asc(practiceLocations.id));
    expect(locations).toHaveLength(2);
    expect(locations[0]!.endsOn).toBe('2024-12-31');
    expect(locations[1]).toMatchObject({ city: 'Boulder', region: 'CO', endsOn: null });
    expect(locations[1]!.latitude).toBeCloseTo(40.02, 1);

    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.therapistId, id), eq(auditLog.action, 'listing.updated')));
    expect(audit!.actorId).toBe(viewer.userId);
    expect((audit!.detail as { fields: string[] }).fields.sort()).toEqual(saved.changed.sort());
    expect(JSON.stringify(audit!.detail)).not.toMatch(/Zephyrine|forearm|Boulder/);

    // The public profile shows the new details; search finds the listing by them.
    const profile = await getTherapistProfile(listing.therapist.slug);
    expect(profile).toMatchObject({
      claimed: true,
      notTreated: 'Acute injuries in the first 72 hours.',
      referrals: 'Physiotherapists for rehab after surgery.',
      hours: savedHours,
      prices: savedPrices,
    });
    expect(JSON.stringify(profile)).not.toContain(viewer.userId);
    await drainAll();
    expect(await searchSlugs({ q: 'zephyrine' })).toEqual([listing.therapist.slug]);
    expect(await searchSlugs({ modality: 'reflexology', place: 'Boulder, CO' })).toContain(
      listing.therapist.slug,
    );
    expect(await searchSlugs({ modality: 'trigger-point', q: 'zephyrine' })).toEqual([]);
  });
});

describe('what the owner and the public see', () => {
  it('draws the form with every field labelled and no id twice', async () => {
    const { viewer } = await owner();
    const form = await getListingProfileForm(viewer);
    const html = renderToStaticMarkup(
      createElement(ProfileForm, {
        initial: form.values,
        locations: form.locations,
        options: form.options,
        today: '2025-06-01',
      }),
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const label of ['Headline', 'Credentials', 'About you', 'Lightest pressure', 'Opens']) {
      expect(html).toContain(`>${label}</label>`);
    }
    for (const name of [
      'headline',
      'hours.6.closes',
      'prices.0.dollars',
      'newLocation.postalCode',
    ]) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).toContain(`name="locations.${form.locations[0]!.id}.endsOn"`);
    // Text inputs name a label with for=; check boxes sit inside theirs.
    const labelled = new Set([...html.matchAll(/ for="([^"]+)"/g)].map((m) => m[1]!));
    const controls = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
    for (const control of controls) {
      if (/type="(checkbox|hidden)"/.test(control)) continue;
      expect(labelled.has(/ id="([^"]+)"/.exec(control)![1]!), control).toBe(true);
    }
    expect(html).toContain('Save profile');
  });

  it('shows hours by day, prices and the limits of care on the profile', () => {
    const hours = renderToStaticMarkup(
      createElement(OpeningHoursList, {
        hours: [
          { day: 0, opens: '09:00', closes: '13:00' },
          { day: 0, opens: '14:00', closes: '18:30' },
        ],
      }),
    );
    expect(hours).toContain('9:00 AM – 1:00 PM, 2:00 PM – 6:30 PM');
    expect(hours.match(/Closed/g)).toHaveLength(6);
    expect(renderToStaticMarkup(createElement(OpeningHoursList, { hours: [] }))).toContain(
      'not given',
    );
    const prices = renderToStaticMarkup(
      createElement(PriceList, {
        prices: [{ service: '<b>Deep</b>', minutes: 90, dollars: 1000 }],
      }),
    );
    expect(prices).toContain('&lt;b&gt;Deep&lt;/b&gt;');
    expect(prices).toContain('90 min');
    expect(prices).toContain('$1,000');
    const scope = renderToStaticMarkup(
      createElement(ScopeOfCare, { notTreated: 'Fractures', referrals: 'Physiotherapists' }),
    );
    expect(scope).toContain('Does not treat');
    expect(scope).toContain('Refers to');
    expect(
      renderToStaticMarkup(createElement(ScopeOfCare, { notTreated: ' ', referrals: '' })),
    ).toBe('');
  });
});

const CONTACT = /^Contact details go under Contact details, where changes wait 72 hours\.$/;

describe('refusals change nothing', () => {
  let subject: ListingOwner;
  let base: Record<string, string | string[]>;
  let locationId: number;
  let strangerLocationId: number;

  beforeAll(async () => {
    subject = await owner();
    const form = await getListingProfileForm(subject.viewer);
    base = form.values;
    locationId = form.locations[0]!.id;
    const stranger = await createTherapist(database.db, { locations: [{ endsOn: null }] });
    strangerLocationId = stranger.locations[0]!.id;
  });

  const cases: [string, () => Record<string, unknown>, string, RegExp][] = [
    ['an empty headline', () => ({ headline: '  ' }), 'headline', /headline/],
    ['a long headline', () => ({ headline: 'x'.repeat(161) }), 'headline', /160/],
    ['a long bio', () => ({ bio: 'x'.repeat(5001) }), 'bio', /5,000/],
    ['odd credentials', () => ({ credentials: 'LMT <b>' }), 'credentials', /letters/i],
    ['an unknown technique', () => ({ modality: ['deep-tissue', 'reiki-x'] }), 'modality', /list/],
    ['a malformed technique', () => ({ modality: ['<script>'] }), 'modality', /list/],
    ['an unknown session type', () => ({ intent: ['party'] }), 'intent', /list/],
    ['pressure out of range', () => ({ pressureMin: '0' }), 'pressureMin', /1 \(light\)/],
    [
      'pressure upside down',
      () => ({ pressureMin: '5', pressureMax: '2' }),
      'pressureMax',
      /lighter/,
    ],
    ['an unknown condition', () => ({ condition: ['hiccups'] }), 'condition', /list/],
    ['a long "does not treat"', () => ({ notTreated: 'x'.repeat(2001) }), 'notTreated', /2,000/],
    ['no language', () => ({ language: [] }), 'language', /at least one/],
    ['an unknown language', () => ({ language: ['en', 'xx'] }), 'language', /list/],
    [
      'closing before opening',
      () => ({ 'hours.1.opens': '17:00', 'hours.1.closes': '09:00' }),
      'hours.1.closes',
      /later/,
    ],
    [
      'opening without closing',
      () => ({ 'hours.2.opens': '09:00', 'hours.2.closes': '' }),
      'hours.2.closes',
      /closing/,
    ],
    [
      'a time that is not one',
      () => ({ 'hours.3.opens': '25:00', 'hours.3.closes': '26:00' }),
      'hours.3.opens',
      /09:00/,
    ],
    [
      'a price row without a price',
      () => ({ 'prices.0.service': 'Massage', 'prices.0.minutes': '60', 'prices.0.dollars': '' }),
      'prices.0.dollars',
      /whole dollars/,
    ],
    [
      'a session too short',
      () => ({ 'prices.0.service': 'Quick', 'prices.0.minutes': '10', 'prices.0.dollars': '20' }),
      'prices.0.minutes',
      /15 to 240/,
    ],
    [
      'a price too high',
      () => ({ 'prices.0.service': 'Gold', 'prices.0.minutes': '60', 'prices.0.dollars': '1001' }),
      'prices.0.dollars',
      /1,000/,
    ],
    [
      'a thirteenth price row',
      () => ({
        'prices.12.service': 'One more',
        'prices.12.minutes': '30',
        'prices.12.dollars': '5',
      }),
      'prices.12.service, prices.12.minutes, prices.12.dollars',
      /cannot be changed/,
    ],
    [
      'half a new location',
      () => ({ 'newLocation.name': 'New studio', 'newLocation.city': 'Austin' }),
      'newLocation.address',
      /street address/,
    ],
    [
      'an unknown ZIP code',
      () => newLocation({ 'newLocation.postalCode': '00000' }),
      'newLocation.postalCode',
      /do not know/,
    ],
    [
      'a ZIP code in another state',
      () => newLocation({ 'newLocation.region': 'NJ' }),
      'newLocation.postalCode',
      /is in NY, not NJ/,
    ],
    [
      'a start in the future',
      () => newLocation({ 'newLocation.startsOn': '2999-01-01' }),
      'newLocation.startsOn',
      /future/,
    ],
    [
      'an end before the start',
      () => ({ [`locations.${locationId}.endsOn`]: '2019-12-31' }),
      'locations.OWN.endsOn',
      /before the start/,
    ],
    [
      'ending someone else’s location',
      () => ({ [`locations.${strangerLocationId}.endsOn`]: '2024-01-01' }),
      'locations.STRANGER.endsOn',
      /not one of your/,
    ],
    [
      'ending the only current location',
      () => ({ [`locations.${locationId}.endsOn`]: '2024-01-01' }),
      'locations.OWN.endsOn',
      /at least one current location/,
    ],
    ['a status', () => ({ status: 'hidden' }), 'status', /cannot be changed/],
    ['a therapist id', () => ({ therapistId: '1' }), 'therapistId', /cannot be changed/],
    ['an owner', () => ({ claimedByUserId: 'someone' }), 'claimedByUserId', /cannot be changed/],
    ['a name', () => ({ name: 'Someone Else' }), 'name', /cannot be changed/],
    [
      'contact details',
      () => ({ contactEmail: 'x@example.com' }),
      'contactEmail',
      /cannot be changed/,
    ],
    [
      'a licence status',
      () => ({ licenseStatus: 'verified' }),
      'licenseStatus',
      /cannot be changed/,
    ],
    // Contact details typed into free text would skip the 72-hour wait.
    ['a phone in the headline', () => ({ headline: 'Call 212 555 0199' }), 'headline', CONTACT],
    ['an email in the bio', () => ({ bio: 'Write to me@elsewhere.test' }), 'bio', CONTACT],
    [
      'a link in “does not treat”',
      () => ({ notTreated: 'See example.xyz/limits' }),
      'notTreated',
      CONTACT,
    ],
    ['a web address in referrals', () => ({ referrals: 'www.other-clinic' }), 'referrals', CONTACT],
    [
      'a phone as a service name',
      () => ({
        'prices.0.service': 'Book: 555.123.4567',
        'prices.0.minutes': '60',
        'prices.0.dollars': '90',
      }),
      'prices.0.service',
      CONTACT,
    ],
    [
      'a link as a location name',
      () => newLocation({ 'newLocation.name': 'https://book.elsewhere.test' }),
      'newLocation.name',
      CONTACT,
    ],
    [
      'a phone in a street address',
      () => newLocation({ 'newLocation.address': '200 W 26th St, tel (646) 555-0100' }),
      'newLocation.address',
      CONTACT,
    ],
  ];

  function newLocation(overrides: Record<string, string>): Record<string, string> {
    return {
      'newLocation.name': 'Chelsea Studio',
      'newLocation.address': '200 W 26th St',
      'newLocation.city': 'New York',
      'newLocation.region': 'NY',
      'newLocation.postalCode': '10001',
      'newLocation.startsOn': '2025-01-01',
      ...overrides,
    };
  }

  it.each(cases)('%s', async (_label, change, named, message) => {
    const field = named
      .replace('OWN', String(locationId))
      .replace('STRANGER', String(strangerLocationId));
    const before = await snapshot(subject.listing.therapist.id);
    const error = await failure(
      updateListingProfile(subject.viewer, { ...base, headline: 'Changed headline', ...change() }),
    );
    expect(error.code).toBe('validation');
    expect(fieldErrors(error)[field] ?? '', JSON.stringify(fieldErrors(error))).toMatch(message);
    expect(await snapshot(subject.listing.therapist.id)).toEqual(before);
  });

  it('a valid change after them all still saves', async () => {
    const saved = await updateListingProfile(subject.viewer, {
      ...base,
      headline: 'Changed headline',
    });
    expect(saved.changed).toEqual(['headline']);
  });

  it('numbers in ordinary text still save', async () => {
    const saved = await updateListingProfile(subject.viewer, {
      ...base,
      headline: '15 years of 60-minute sessions',
      bio: 'Trained 2008-2012 in Boston; $90 for 60 minutes, $120 for 90.',
      ...newLocation({ 'newLocation.address': '11235 120th Ave NE, Suite 300' }),
    });
    expect(saved.changed.sort()).toEqual(['bio', 'headline', 'locations']);
  });
});

describe('only the owner, confirmed with a passkey, may save', () => {
  it('refuses everyone else and changes nothing', async () => {
    const { listing } = await owner();
    const before = await snapshot(listing.therapist.id);
    const input = { headline: 'Hijacked', language: 'en', pressureMin: '1', pressureMax: '5' };

    expect((await failure(updateListingProfile(null, input))).code).toBe('unauthorized');
    const member = await signedInViewer();
    expect((await failure(updateListingProfile(member.viewer, input))).code).toBe('forbidden');
    const listless = await confirmedViewer('therapist');
    expect((await failure(updateListingProfile(listless.viewer, input))).message).toMatch(
      /does not hold a listing/,
    );
    const moderator = await confirmedViewer('moderator');
    expect((await failure(updateListingProfile(moderator.viewer, input))).code).toBe('forbidden');
    const admin = await confirmedViewer('admin');
    expect((await failure(updateListingProfile(admin.viewer, input))).code).toBe('forbidden');

    // The owner themself, but without a fresh passkey confirmation in this session.
    const unconfirmed = await signedInViewer({ role: 'therapist' }, { passkey: true });
    await database.db
      .update(therapists)
      .set({ claimedByUserId: unconfirmed.member.id })
      .where(eq(therapists.id, listing.therapist.id));
    const error = await failure(updateListingProfile(unconfirmed.viewer, input));
    expect(error.code).toBe('second_factor');
    await expect(getListingProfileForm(unconfirmed.viewer)).rejects.toMatchObject({
      code: 'second_factor',
    });
    const without = await signedInViewer({ role: 'therapist' });
    await database.db
      .update(therapists)
      .set({ claimedByUserId: without.member.id })
      .where(eq(therapists.id, listing.therapist.id));
    expect((await failure(updateListingProfile(without.viewer, input))).code).toBe('second_factor');

    const after = await snapshot(listing.therapist.id);
    expect({ ...after, row: { ...after.row, claimedByUserId: null } }).toEqual({
      ...before,
      row: { ...before.row, claimedByUserId: null },
    });
  });
});

describe('adding or ending a practice location', () => {
  const sink = setUpMail();

  it('tells the listing’s email address what changed', async () => {
    const { viewer, listing } = await owner();
    const address = `listing-${listing.therapist.id}@example.com`;
    await database.db
      .update(therapists)
      .set({ contactEmail: address })
      .where(eq(therapists.id, listing.therapist.id));
    const form = await getListingProfileForm(viewer);
    const old = form.locations[0]!;

    // Other changes tell nobody.
    await updateListingProfile(viewer, { ...form.values, headline: 'A quieter headline' });
    expect(await noticeJobs(listing.therapist.id)).toHaveLength(0);

    const result = await updateListingProfile(viewer, {
      ...(await getListingProfileForm(viewer)).values,
      [`locations.${old.id}.endsOn`]: '2024-12-31',
      ...newLocationInBoulder('Boulder Loft Studio', '1 Pearl St'),
    });
    expect(result.changed).toEqual(['locations']);
    expect(await noticeJobs(listing.therapist.id)).toHaveLength(1);
    await runDueJobs({ limit: 100 });
    const mail = await sink.waitForMail(address, { already: 0 });
    expect(mail.subject).toBe(LOCATIONS_CHANGED_SUBJECT);
    expect(mail.text).toContain('Added: Boulder Loft Studio, 1 Pearl St, Boulder, CO 80302');
    expect(mail.text).toContain(`Ended: ${old.name}, ${old.address}`);
    expect(mail.text).toContain('(until 2024-12-31)');
    expect(sink.mailsTo(viewer.email)).toHaveLength(0);
    // The audit names the part, never the places.
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.therapistId, listing.therapist.id))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit!.detail).toEqual({ fields: ['locations'] });
  });

  it('queues nothing for a listing without an email address', async () => {
    const { viewer, listing } = await owner();
    await database.db
      .update(therapists)
      .set({ contactEmail: null })
      .where(eq(therapists.id, listing.therapist.id));
    const form = await getListingProfileForm(viewer);
    await updateListingProfile(viewer, {
      ...form.values,
      ...newLocationInBoulder('Second Room', '2 Pearl St'),
    });
    expect(await noticeJobs(listing.therapist.id)).toHaveLength(0);
  });
});

async function noticeJobs(therapistId: number) {
  return database.db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, LOCATION_NOTICE_JOB),
        sql`(${jobs.payload}->>'therapistId')::int = ${therapistId}`,
      ),
    );
}
