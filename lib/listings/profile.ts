import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import {
  conditions,
  modalities,
  practiceLocations,
  therapistConditions,
  therapistModalities,
  therapists,
  type OpeningHours,
  type PriceItem,
  type TherapistStatus,
} from '@/db/schema';
import type { Intent } from '@/db/schema/enums';
import type { Viewer } from '@/lib/auth/viewer';
import { recordAudit } from '@/lib/audit';
import { validationError, type FieldIssue } from '@/lib/errors';
import {
  hoursFrom,
  locationFrom,
  parseListingInput,
  pricesFrom,
  profileInput,
  type FormValues,
} from './input';
import type { LocationLine } from './contact-mail';
import { enqueueLocationNotice, LOCATION_LINE_COLUMNS } from './location-notice';
import { LISTING_LIMITS } from './options';
import { requireListingOwner } from './owner';
import { listTaxonomyOptions, taxonomyIds, type TaxonomyOptions } from './taxonomy';

/** A practice location as the owner's form lists it. */
export interface OwnLocation extends LocationLine {
  id: number;
  current: boolean;
}

export interface ListingProfileForm {
  listing: { name: string; slug: string; status: TherapistStatus };
  /** The stored profile as the form's fields. */
  values: FormValues;
  /** Current locations first, then earlier ones, newest first. */
  locations: OwnLocation[];
  options: TaxonomyOptions;
}

export interface ProfileSaved {
  slug: string;
  /** Names of the parts that changed (empty when the form held the stored values). */
  changed: string[];
}

interface StoredProfile {
  headline: string;
  bio: string;
  credentials: string;
  intents: Intent[];
  pressureMin: number;
  pressureMax: number;
  languages: string[];
  mobileService: boolean;
  notTreated: string;
  referrals: string;
  hours: OpeningHours[];
  prices: PriceItem[];
}

const PROFILE_COLUMNS = {
  headline: therapists.headline,
  bio: therapists.bio,
  credentials: therapists.credentials,
  intents: therapists.intents,
  pressureMin: therapists.pressureMin,
  pressureMax: therapists.pressureMax,
  languages: therapists.languages,
  mobileService: therapists.mobileService,
  notTreated: therapists.notTreated,
  referrals: therapists.referrals,
  hours: therapists.hours,
  prices: therapists.prices,
};

async function loadLocations(executor: Executor, therapistId: number): Promise<OwnLocation[]> {
  const rows = await executor
    .select(LOCATION_LINE_COLUMNS)
    .from(practiceLocations)
    .where(eq(practiceLocations.therapistId, therapistId))
    .orderBy(
      sql`${practiceLocations.endsOn} desc nulls first`,
      sql`${practiceLocations.startsOn} desc`,
      asc(practiceLocations.id),
    );
  return rows.map((row) => ({ ...row, current: row.endsOn === null }));
}

/** Prices with their keys in one order (jsonb does not keep the order they were written in). */
function pricesOf(prices: readonly PriceItem[]): PriceItem[] {
  return prices.map(({ service, minutes, dollars }) => ({ service, minutes, dollars }));
}

function sortedHours(hours: readonly OpeningHours[]): OpeningHours[] {
  return [...hours]
    .map(({ day, opens, closes }) => ({ day, opens, closes }))
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
}

/** The stored profile as the form's fields (one opening per day: the earliest). */
function toFormValues(
  stored: StoredProfile,
  modalitySlugs: string[],
  conditionSlugs: string[],
): FormValues {
  const values: FormValues = {
    headline: stored.headline,
    bio: stored.bio,
    credentials: stored.credentials,
    modality: modalitySlugs,
    intent: stored.intents,
    pressureMin: String(stored.pressureMin),
    pressureMax: String(stored.pressureMax),
    condition: conditionSlugs,
    notTreated: stored.notTreated,
    referrals: stored.referrals,
    language: stored.languages,
    mobileService: stored.mobileService ? 'on' : '',
  };
  for (const entry of sortedHours(stored.hours)) {
    if (values[`hours.${entry.day}.opens`] !== undefined) continue;
    values[`hours.${entry.day}.opens`] = entry.opens;
    values[`hours.${entry.day}.closes`] = entry.closes;
  }
  stored.prices.slice(0, LISTING_LIMITS.pricesMax).forEach((price, row) => {
    values[`prices.${row}.service`] = price.service;
    values[`prices.${row}.minutes`] = String(price.minutes);
    values[`prices.${row}.dollars`] = String(price.dollars);
  });
  return values;
}

async function linkedSlugs(executor: Executor, therapistId: number) {
  const [modalityRows, conditionRows] = await Promise.all([
    executor
      .select({ id: modalities.id, slug: modalities.slug })
      .from(therapistModalities)
      .innerJoin(modalities, eq(modalities.id, therapistModalities.modalityId))
      .where(eq(therapistModalities.therapistId, therapistId))
      .orderBy(asc(modalities.id)),
    executor
      .select({ id: conditions.id, slug: conditions.slug })
      .from(therapistConditions)
      .innerJoin(conditions, eq(conditions.id, therapistConditions.conditionId))
      .where(eq(therapistConditions.therapistId, therapistId))
      .orderBy(asc(conditions.id)),
  ]);
  return { modalities: modalityRows, conditions: conditionRows };
}

/** The owner's listing as the profile form shows it. */
export async function getListingProfileForm(viewer: Viewer | null): Promise<ListingProfileForm> {
  const owned = await requireListingOwner(viewer);
  const db = getDb();
  const [[stored], linked, locations, options] = await Promise.all([
    db.select(PROFILE_COLUMNS).from(therapists).where(eq(therapists.id, owned.therapistId)),
    linkedSlugs(db, owned.therapistId),
    loadLocations(db, owned.therapistId),
    listTaxonomyOptions(),
  ]);
  if (!stored) throw new Error('The listing disappeared while loading.');
  return {
    listing: { name: owned.name, slug: owned.slug, status: owned.status },
    values: toFormValues(
      stored,
      linked.modalities.map((m) => m.slug),
      linked.conditions.map((c) => c.slug),
    ),
    locations,
    options,
  };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((value) => set.has(value));
}

/**
 * Saves the owner's profile form in one transaction: the therapist row, the technique and
 * condition links (rewritten only when they changed), ended and added practice locations, and
 * an audit entry naming the parts that changed (never their values). Search follows through the
 * outbox triggers. Invalid input changes nothing.
 */
export async function updateListingProfile(
  viewer: Viewer | null,
  raw: unknown,
): Promise<ProfileSaved> {
  await requireListingOwner(viewer);
  const input = parseListingInput(profileInput, raw);
  const record = input as Record<string, unknown>;

  return getDb().transaction(async (tx) => {
    const owned = await requireListingOwner(viewer, tx);
    const [stored] = await tx
      .select({ ...PROFILE_COLUMNS, contactEmail: therapists.contactEmail })
      .from(therapists)
      .where(eq(therapists.id, owned.therapistId))
      .for('update');
    if (!stored) throw new Error('The listing disappeared while saving.');

    const issues: FieldIssue[] = [];
    const chosen = await taxonomyIds(tx, input, issues);
    const linked = await linkedSlugs(tx, owned.therapistId);
    const locations = await loadLocations(tx, owned.therapistId);

    // Locations to end: only current ones of this listing, on or after their start.
    const ends: { id: number; endsOn: string }[] = [];
    for (const [key, endsOn] of Object.entries(input.locationEnds)) {
      if (endsOn === null) continue;
      const field = `locations.${key}.endsOn`;
      const location = locations.find((l) => l.id === Number(key));
      if (!location) {
        issues.push({ field, message: 'That location is not one of your listing’s.' });
      } else if (!location.current) {
        issues.push({ field, message: 'This location has already ended.' });
      } else if (endsOn < location.startsOn) {
        issues.push({
          field,
          message: `The end date cannot be before the start date (${location.startsOn}).`,
        });
      } else {
        ends.push({ id: location.id, endsOn });
      }
    }
    const added = locationFrom(record, 'newLocation');
    const stillCurrent =
      locations.filter((l) => l.current && !ends.some((end) => end.id === l.id)).length +
      (added ? 1 : 0);
    if (stillCurrent === 0) {
      issues.push({
        field: ends[0] ? `locations.${ends[0].id}.endsOn` : 'newLocation.name',
        message:
          'Keep at least one current location: add where you practise now before ending this one.',
      });
    } else if (added && stillCurrent > LISTING_LIMITS.currentLocationsMax) {
      issues.push({
        field: 'newLocation.name',
        message: `A listing has at most ${LISTING_LIMITS.currentLocationsMax} current locations: end one first.`,
      });
    }
    if (issues.length > 0) throw validationError(issues);

    const next: StoredProfile = {
      headline: input.headline,
      bio: input.bio,
      credentials: input.credentials,
      intents: input.intent,
      pressureMin: input.pressureMin,
      pressureMax: input.pressureMax,
      languages: input.language,
      mobileService: input.mobileService,
      notTreated: input.notTreated,
      referrals: input.referrals,
      hours: sortedHours(hoursFrom(record)),
      prices: pricesFrom(record),
    };
    const changed: string[] = [];
    const columns: Partial<StoredProfile> = {};
    for (const key of Object.keys(next) as (keyof StoredProfile)[]) {
      const before = stored[key];
      const after = next[key];
      const same =
        key === 'hours'
          ? JSON.stringify(sortedHours(stored.hours)) === JSON.stringify(after)
          : key === 'prices'
            ? JSON.stringify(pricesOf(stored.prices)) === JSON.stringify(after)
            : Array.isArray(before) && Array.isArray(after)
              ? key === 'languages'
                ? sameList(before as string[], after as string[])
                : sameSet(before as string[], after as string[])
              : before === after;
      if (!same) {
        changed.push(key);
        Object.assign(columns, { [key]: after });
      }
    }
    if (changed.length > 0) {
      await tx
        .update(therapists)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(therapists.id, owned.therapistId));
    }

    const modalityIds = linked.modalities.map((m) => m.id);
    if (!sameSet(modalityIds, chosen.modalityIds)) {
      changed.push('modalities');
      const removed = modalityIds.filter((id) => !chosen.modalityIds.includes(id));
      const addedIds = chosen.modalityIds.filter((id) => !modalityIds.includes(id));
      if (removed.length > 0) {
        await tx
          .delete(therapistModalities)
          .where(
            and(
              eq(therapistModalities.therapistId, owned.therapistId),
              inArray(therapistModalities.modalityId, removed),
            ),
          );
      }
      if (addedIds.length > 0) {
        await tx
          .insert(therapistModalities)
          .values(addedIds.map((modalityId) => ({ therapistId: owned.therapistId, modalityId })));
      }
    }
    const conditionIds = linked.conditions.map((c) => c.id);
    if (!sameSet(conditionIds, chosen.conditionIds)) {
      changed.push('conditions');
      const removed = conditionIds.filter((id) => !chosen.conditionIds.includes(id));
      const addedIds = chosen.conditionIds.filter((id) => !conditionIds.includes(id));
      if (removed.length > 0) {
        await tx
          .delete(therapistConditions)
          .where(
            and(
              eq(therapistConditions.therapistId, owned.therapistId),
              inArray(therapistConditions.conditionId, removed),
            ),
          );
      }
      if (addedIds.length > 0) {
        await tx
          .insert(therapistConditions)
          .values(addedIds.map((conditionId) => ({ therapistId: owned.therapistId, conditionId })));
      }
    }

    if (ends.length > 0 || added) changed.push('locations');
    for (const end of ends) {
      await tx
        .update(practiceLocations)
        .set({ endsOn: end.endsOn })
        .where(
          and(
            eq(practiceLocations.id, end.id),
            eq(practiceLocations.therapistId, owned.therapistId),
            isNull(practiceLocations.endsOn),
          ),
        );
    }
    let addedId: number | null = null;
    if (added) {
      const [inserted] = await tx
        .insert(practiceLocations)
        .values({
          therapistId: owned.therapistId,
          name: added.name,
          address: added.address,
          city: added.city,
          region: added.region,
          postalCode: added.postalCode,
          country: 'US',
          latitude: added.latitude,
          longitude: added.longitude,
          startsOn: added.startsOn,
        })
        .returning({ id: practiceLocations.id });
      addedId = inserted?.id ?? null;
    }
    if (stored.contactEmail) {
      await enqueueLocationNotice(tx, {
        therapistId: owned.therapistId,
        added: addedId === null ? [] : [addedId],
        ended: ends.map((end) => end.id),
      });
    }

    if (changed.length > 0) {
      await recordAudit(tx, {
        actorId: owned.owner.userId,
        action: 'listing.updated',
        therapistId: owned.therapistId,
        detail: { fields: changed },
      });
    }
    return { slug: owned.slug, changed };
  });
}
