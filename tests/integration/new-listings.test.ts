/**
 * Practitioners who are not listed ask for a listing: it is created pending, with a request for
 * the moderators, and stays out of public pages and search until a moderator approves it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewListingForm } from '@/components/listings/new-listing-form';
import { selectRows } from '@/db';
import {
  auditLog,
  listingClaims,
  practiceLocations,
  therapistConditions,
  therapistModalities,
  therapists,
} from '@/db/schema';
import { ensureTaxonomy } from '@/db/seed/run';
import {
  DUPLICATE_LICENCE_MESSAGE,
  findPublishedListingByLicence,
  HIDDEN_LICENCE_MESSAGE,
  getNewListingState,
  getPendingNewListing,
  submitNewListing,
} from '@/lib/listings/new-listing';
import { setSearchEngines } from '@/lib/search';
import { drainAll } from '@/lib/search/indexer';
import { getTherapistProfile } from '@/lib/therapists/queries';
import { confirmedViewer, signedInViewer } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { setUpEnv } from '../support/env';
import { failure, fieldErrors } from '../support/errors';
import { searchSlugs } from '../support/search';
import { createTherapist } from '../factories';

let database: TestDatabase;
setUpEnv({ MEILISEARCH_HOST: undefined, RATE_LIMIT_NEW_LISTINGS_PER_DAY: '0' });

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureTaxonomy(database.db);
  setSearchEngines(undefined);
});

afterAll(async () => {
  setSearchEngines(undefined);
  await database.dispose();
});

let counter = 0;
function request(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `Quillon Vasquez${'x'.repeat(counter % 3)}`,
    credentials: 'LMT',
    licenseState: '',
    licenseNumber: '',
    headline: 'Myofascial release for runners',
    bio: 'Assessment first.',
    modality: ['myofascial-release', 'sports-massage'],
    intent: ['therapeutic', 'sports'],
    condition: ['plantar-fasciitis'],
    'location.name': 'Riverside Studio',
    'location.address': '12 Congress Ave',
    'location.city': 'Austin',
    'location.region': 'TX',
    'location.postalCode': '78701',
    'location.startsOn': '2023-05-01',
    contactEmail: '',
    ...overrides,
  };
}

async function counts() {
  const [row] = await selectRows<{ therapists: number; claims: number; locations: number }>(
    database.db,
    sql`select (select count(*)::int from therapists) as therapists,
               (select count(*)::int from listing_claims) as claims,
               (select count(*)::int from practice_locations) as locations`,
  );
  return row!;
}

describe('a request for a new listing', () => {
  it('creates a pending listing and a request for the moderators, in one go', async () => {
    const { member, viewer } = await signedInViewer();
    expect((await getNewListingState(viewer)).state).toBe('open');
    const submitted = await submitNewListing(
      viewer,
      request({
        name: 'Zoë Quillfeather',
        licenseState: 'TX',
        licenseNumber: 'mt-0123456',
        contactEmail: 'Zoe@Example.com',
      }),
    );
    expect(submitted.therapistSlug).toBe('zoe-quillfeather-austin');
    const [listing] = await database.db
      .select()
      .from(therapists)
      .where(eq(therapists.slug, submitted.therapistSlug));
    expect(listing).toMatchObject({
      name: 'Zoë Quillfeather',
      status: 'pending',
      claimedByUserId: null,
      licenseState: 'TX',
      licenseNumber: 'MT-0123456',
      licenseStatus: 'unverified',
      contactEmail: 'zoe@example.com',
      intents: ['therapeutic', 'sports'],
      headline: 'Myofascial release for runners',
    });
    const [location] = await database.db
      .select()
      .from(practiceLocations)
      .where(eq(practiceLocations.therapistId, listing!.id));
    expect(location).toMatchObject({
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      endsOn: null,
    });
    expect(location!.latitude).toBeCloseTo(30.27, 1);
    expect(location!.longitude).toBeCloseTo(-97.74, 1);
    const modalityCount = await database.db
      .select()
      .from(therapistModalities)
      .where(eq(therapistModalities.therapistId, listing!.id));
    const conditionCount = await database.db
      .select()
      .from(therapistConditions)
      .where(eq(therapistConditions.therapistId, listing!.id));
    expect([modalityCount.length, conditionCount.length]).toEqual([2, 1]);
    const [claim] = await database.db
      .select()
      .from(listingClaims)
      .where(eq(listingClaims.therapistId, listing!.id));
    expect(claim).toMatchObject({
      id: submitted.claimId,
      userId: member.id,
      kind: 'new_listing',
      status: 'pending_review',
      licenseName: 'Zoë Quillfeather',
    });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.therapistId, listing!.id), eq(auditLog.action, 'listing.submitted')));
    expect(audit).toMatchObject({ actorId: member.id, detail: { claimId: submitted.claimId } });

    // Not public: no profile, not in search, no search document.
    expect(await getTherapistProfile(submitted.therapistSlug)).toBeNull();
    await drainAll();
    expect(await searchSlugs({ q: 'Quillfeather' })).toEqual([]);
    const documents = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from search_documents where therapist_id = ${listing!.id}`,
    );
    expect(documents[0]!.n).toBe(0);

    // The member sees the request waiting.
    expect(await getNewListingState(viewer)).toMatchObject({
      state: 'pending',
      name: 'Zoë Quillfeather',
    });
    expect(await getPendingNewListing(viewer)).toMatchObject({ name: 'Zoë Quillfeather' });

    // Once published (a moderator's approval), search finds it: it was only the status.
    await database.db
      .update(therapists)
      .set({ status: 'published' })
      .where(eq(therapists.id, listing!.id));
    await drainAll();
    expect(await searchSlugs({ q: 'Quillfeather' })).toEqual([submitted.therapistSlug]);
  });

  it('gets a slug of its own when the name and city are taken', async () => {
    const first = await signedInViewer();
    const second = await signedInViewer();
    const a = await submitNewListing(first.viewer, request({ name: 'Ada Lindqvist' }));
    const b = await submitNewListing(second.viewer, request({ name: 'Ada Lindqvist' }));
    expect([a.therapistSlug, b.therapistSlug]).toEqual([
      'ada-lindqvist-austin',
      'ada-lindqvist-austin-2',
    ]);
  });

  it('is one per member: a second request is refused, even when sent at once', async () => {
    const { viewer } = await signedInViewer();
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => submitNewListing(viewer, request())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'forbidden' });
    }
    const before = await counts();
    const again = await failure(submitNewListing(viewer, request()));
    expect(again.message).toMatch(/already asked for a new listing/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a licence that is already listed, pointing at the listing to claim', async () => {
    const listed = await createTherapist(database.db, {
      status: 'published',
      licenseState: 'CO',
      licenseNumber: 'MT.0098765',
      locations: [{ endsOn: null }],
    });
    const { viewer } = await signedInViewer();
    const before = await counts();
    for (const number of ['MT.0098765', 'mt 98765', 'MT-00098765']) {
      const error = await failure(
        submitNewListing(viewer, request({ licenseState: 'CO', licenseNumber: number })),
      );
      expect(fieldErrors(error).licenseNumber).toBe(DUPLICATE_LICENCE_MESSAGE);
    }
    expect(await counts()).toEqual(before);
    expect(await findPublishedListingByLicence('CO', 'mt 98765')).toEqual({
      slug: listed.therapist.slug,
      name: listed.therapist.name,
    });
    // The same number in another state is another licence.
    await submitNewListing(viewer, request({ licenseState: 'NM', licenseNumber: 'MT.0098765' }));
    // A hidden listing is not offered to claim.
    await database.db
      .update(therapists)
      .set({ status: 'hidden' })
      .where(eq(therapists.id, listed.therapist.id));
    expect(await findPublishedListingByLicence('CO', 'MT.0098765')).toBeNull();
  });

  it('says why a licence of a waiting or hidden listing cannot be used', async () => {
    const first = await signedInViewer();
    await submitNewListing(first.viewer, request({ licenseState: 'OR', licenseNumber: '21345' }));
    const second = await signedInViewer();
    const before = await counts();
    const waiting = await failure(
      submitNewListing(second.viewer, request({ licenseState: 'OR', licenseNumber: '021-345' })),
    );
    expect(fieldErrors(waiting).licenseNumber).toBe(
      'A request for this licence is already waiting for the moderators.',
    );
    expect(await findPublishedListingByLicence('OR', '21345')).toBeNull();

    await database.db
      .update(therapists)
      .set({ status: 'hidden' })
      .where(and(eq(therapists.licenseState, 'OR'), eq(therapists.licenseNumber, '21345')));
    const hidden = await failure(
      submitNewListing(second.viewer, request({ licenseState: 'OR', licenseNumber: '21345' })),
    );
    expect(fieldErrors(hidden).licenseNumber).toBe(HIDDEN_LICENCE_MESSAGE);
    expect(fieldErrors(hidden).licenseNumber).toMatch(/not shown/);
    expect(fieldErrors(hidden).licenseNumber).not.toMatch(/claim it instead/);
    expect(await counts()).toEqual(before);
  });

  it('keeps contact details out of the request, which is reviewed without the 72-hour wait', async () => {
    const { viewer } = await signedInViewer();
    const before = await counts();
    const advice = 'Add contact details after your listing is approved, under Contact details.';
    const cases: [Record<string, unknown>, string][] = [
      [{ headline: 'Sports massage — text 512 555 0142' }, 'headline'],
      [{ bio: 'Book at https://elsewhere.test/book' }, 'bio'],
      [{ bio: 'Email me: quillon@elsewhere.test' }, 'bio'],
      [{ 'location.name': 'www.riverside-studio' }, 'location.name'],
      [{ 'location.address': '12 Congress Ave (512) 555-0142' }, 'location.address'],
      [{ credentials: 'LMT riverside.studio/book' }, 'credentials'],
    ];
    for (const [change, field] of cases) {
      const error = await failure(submitNewListing(viewer, request(change)));
      expect(fieldErrors(error)[field], field).toBe(advice);
    }
    expect(await counts()).toEqual(before);
    // Numbers that are not contact details are fine.
    await submitNewListing(
      viewer,
      request({
        headline: '15 years of 90-minute sessions',
        'location.address': '11200 Congress Ave, Suite 1500',
      }),
    );
    expect((await counts()).therapists).toBe(before.therapists + 1);
  });

  it('refuses bad input and extra fields, changing nothing', async () => {
    const { viewer } = await signedInViewer();
    const before = await counts();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'X' }, 'name', /at least 2/],
      [{ name: 'Dr <script>' }, 'name', /letters/],
      [{ headline: '' }, 'headline', /headline/],
      [{ licenseState: 'TX' }, 'licenseNumber', /licence number/],
      [{ licenseNumber: '12345' }, 'licenseState', /state/],
      [{ modality: ['not-a-technique'] }, 'modality', /list/],
      [{ condition: ['hiccups'] }, 'condition', /list/],
      [{ 'location.address': '' }, 'location.address', /street address/],
      [{ 'location.postalCode': '99999' }, 'location.postalCode', /do not know/],
      [{ 'location.postalCode': '10001' }, 'location.postalCode', /is in NY, not TX/],
      [{ 'location.startsOn': '2999-01-01' }, 'location.startsOn', /future/],
      [{ contactEmail: 'not-an-address' }, 'contactEmail', /@/],
      [{ status: 'published' }, 'status', /cannot be changed/],
      [{ claimedByUserId: viewer.userId }, 'claimedByUserId', /cannot be changed/],
      [{ languages: 'en' }, 'languages', /cannot be changed/],
    ];
    for (const [change, field, message] of cases) {
      const error = await failure(submitNewListing(viewer, request(change)));
      expect(error.code, field).toBe('validation');
      expect(fieldErrors(error)[field] ?? '', JSON.stringify(fieldErrors(error))).toMatch(message);
    }
    expect(await counts()).toEqual(before);
    expect((await getNewListingState(viewer)).state).toBe('open');
  });

  it('has a form with every field labelled and no id twice', async () => {
    const { viewer } = await signedInViewer();
    const state = await getNewListingState(viewer);
    if (state.state !== 'open') throw new Error('expected the form to be open');
    const html = renderToStaticMarkup(
      createElement(NewListingForm, { options: state.options, today: '2025-06-01' }),
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const name of ['name', 'licenseNumber', 'location.postalCode', 'modality', 'condition']) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).toContain('Send for review');
  });

  it('is not for staff, nor for an account that already holds a listing', async () => {
    const before = await counts();
    const moderator = await confirmedViewer('moderator');
    expect((await failure(submitNewListing(moderator.viewer, request()))).code).toBe('forbidden');
    expect((await getNewListingState(moderator.viewer)).state).toBe('staff');
    const admin = await confirmedViewer('admin');
    expect((await failure(submitNewListing(admin.viewer, request()))).code).toBe('forbidden');
    const holder = await confirmedViewer('therapist');
    const held = await createTherapist(database.db, {
      claimedByUserId: holder.member.id,
      locations: [{ endsOn: null }],
    });
    expect(await getNewListingState(holder.viewer)).toMatchObject({
      state: 'holds_listing',
      slug: held.therapist.slug,
    });
    expect((await failure(submitNewListing(holder.viewer, request()))).message).toMatch(
      /already holds a listing/,
    );
    expect((await failure(submitNewListing(null, request()))).code).toBe('unauthorized');
    const after = await counts();
    expect(after.claims).toBe(before.claims);
    expect(after.therapists).toBe(before.therapists + 1);
  });
});
