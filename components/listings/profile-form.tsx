'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { PRESSURE_LABELS, formatDate } from '@/lib/format';
import { saveListingProfileAction, type ProfileFormState } from '@/lib/listings/actions';
import { LANGUAGE_OPTIONS, LISTING_LIMITS, WEEKDAYS } from '@/lib/listings/options';
import type { OwnLocation } from '@/lib/listings/profile';
import type { TaxonomyOptions } from '@/lib/listings/taxonomy';
import { ListingErrorSummary } from './error-summary';
import {
  CheckboxGroup,
  FieldError,
  FormSection,
  LABEL,
  SelectInput,
  TEXT_INPUT,
  TextAreaField,
  TextField,
  describedBy,
  fieldId,
  listValue,
  textValue,
} from './form-parts';
import {
  ConditionFields,
  IntentFields,
  LOCATION_LABELS,
  LocationFields,
  TechniqueFields,
} from './listing-fields';

const L = LISTING_LIMITS;

const PRESSURE_OPTIONS = PRESSURE_LABELS.map((label, index) => ({
  value: String(index + 1),
  label: `${index + 1} – ${label}`,
}));

const LANGUAGE_CHOICES = LANGUAGE_OPTIONS.map((language) => ({
  value: language.code,
  label: language.name,
}));

const FIELD_LABELS: Record<string, string> = {
  headline: 'Headline',
  credentials: 'Credentials',
  bio: 'About you',
  modality: 'Techniques',
  intent: 'Sessions offered',
  pressureMin: 'Lightest pressure',
  pressureMax: 'Firmest pressure',
  language: 'Languages',
  mobileService: 'Home visits',
  condition: 'Conditions treated',
  notTreated: 'Does not treat',
  referrals: 'Refers to',
};

/** What the success message says changed. */
const CHANGE_NAMES: Record<string, string> = {
  headline: 'headline',
  bio: 'about you',
  credentials: 'credentials',
  intents: 'sessions offered',
  pressureMin: 'pressure',
  pressureMax: 'pressure',
  languages: 'languages',
  mobileService: 'home visits',
  notTreated: 'does not treat',
  referrals: 'refers to',
  hours: 'opening hours',
  prices: 'prices',
  modalities: 'techniques',
  conditions: 'conditions',
  locations: 'locations',
};

function savedMessage(changed: readonly string[]): string {
  if (changed.length === 0) return 'Nothing changed: your profile already had these details.';
  const names = [...new Set(changed.map((key) => CHANGE_NAMES[key] ?? key))];
  const list =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Your profile is saved (${list}). Your public page shows it now; search results follow within a minute.`;
}

function fieldOrder(locations: readonly OwnLocation[], priceRows: number): string[] {
  return [
    'headline',
    'credentials',
    'bio',
    'modality',
    'intent',
    'pressureMin',
    'pressureMax',
    'language',
    'mobileService',
    'condition',
    'notTreated',
    'referrals',
    ...WEEKDAYS.flatMap((_, day) => [`hours.${day}.opens`, `hours.${day}.closes`]),
    ...Array.from({ length: priceRows }, (_, row) => [
      `prices.${row}.service`,
      `prices.${row}.minutes`,
      `prices.${row}.dollars`,
    ]).flat(),
    ...locations.map((location) => `locations.${location.id}.endsOn`),
    ...Object.keys(LOCATION_LABELS).map((key) => `newLocation.${key}`),
  ];
}

function labelFor(locations: readonly OwnLocation[]) {
  return (field: string): string | null => {
    if (FIELD_LABELS[field]) return FIELD_LABELS[field];
    let match = /^hours\.(\d)\.(opens|closes)$/.exec(field);
    if (match) return `${WEEKDAYS[Number(match[1])]}, ${match[2]}`;
    match = /^prices\.(\d+)\.(service|minutes|dollars)$/.exec(field);
    if (match) {
      const part = { service: 'service', minutes: 'minutes', dollars: 'price' }[match[2]!];
      return `Price ${Number(match[1]) + 1}, ${part}`;
    }
    match = /^locations\.(\d+)\.endsOn$/.exec(field);
    if (match) {
      const location = locations.find((l) => l.id === Number(match![1]));
      return location ? `Last day at ${location.name}` : null;
    }
    match = /^newLocation\.(\w+)$/.exec(field);
    if (match && match[1]! in LOCATION_LABELS) {
      return `New location, ${LOCATION_LABELS[match[1] as keyof typeof LOCATION_LABELS].toLowerCase()}`;
    }
    return null;
  };
}

/** Rows of the price table: those filled in, then blank ones to add (at least 4 in all). */
function priceRowCount(values: Record<string, string | string[]>): number {
  let last = -1;
  for (let row = 0; row < L.pricesMax; row++) {
    if (['service', 'minutes', 'dollars'].some((k) => textValue(values, `prices.${row}.${k}`))) {
      last = row;
    }
  }
  return Math.min(L.pricesMax, Math.max(4, last + 4));
}

export interface ProfileFormProps {
  initial: Record<string, string | string[]>;
  locations: OwnLocation[];
  options: TaxonomyOptions;
  /** The latest date accepted (yyyy-mm-dd), for date pickers. */
  today: string;
}

/**
 * The owner's profile: one form, one save. A plain form posting to a server action, so it works
 * before JavaScript loads; a refused save comes back with what was typed and every problem.
 */
export function ProfileForm({ initial, locations, options, today }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState<ProfileFormState, FormData>(
    saveListingProfileAction,
    null,
  );
  const refused = state?.status === 'refused' ? state : null;
  const values = refused?.values ?? initial;
  const errors = refused?.error.fieldErrors ?? {};
  const [firstRows] = useState(() => priceRowCount(initial));
  const priceRows = Math.max(firstRows, priceRowCount(values));
  const current = locations.filter((location) => location.current);
  const past = locations.filter((location) => !location.current);

  return (
    <form action={formAction} noValidate className="space-y-8" aria-busy={pending || undefined}>
      {refused ? (
        <ListingErrorSummary
          message={refused.error.message}
          fieldErrors={errors}
          labelFor={labelFor(locations)}
          order={fieldOrder(locations, priceRows)}
          subject="your profile"
          attempt={refused.at}
        />
      ) : null}
      {state?.status === 'saved' ? (
        <FormMessage tone="success">{savedMessage(state.changed)}</FormMessage>
      ) : null}

      <div key={state?.at ?? 0} className="space-y-8">
        <FormSection id="profile-about" title="About you">
          <TextField
            name="headline"
            label="Headline"
            hint={`One line under your name in search results, up to ${L.headlineMax} characters.`}
            defaultValue={textValue(values, 'headline')}
            error={errors.headline}
            maxLength={L.headlineMax}
          />
          <TextField
            name="credentials"
            label="Credentials"
            hint="Letters after your name, like “LMT, NCBTMB”."
            defaultValue={textValue(values, 'credentials')}
            error={errors.credentials}
            maxLength={L.credentialsMax}
          />
          <TextAreaField
            name="bio"
            label="About you"
            hint="How you work and whom you help. Leave an empty line between paragraphs."
            defaultValue={textValue(values, 'bio')}
            error={errors.bio}
            maxLength={L.bioMax}
            rows={8}
          />
        </FormSection>

        <FormSection id="profile-techniques" title="Techniques">
          <TechniqueFields options={options} values={values} errors={errors} />
        </FormSection>

        <FormSection id="profile-sessions" title="Sessions">
          <IntentFields values={values} errors={errors} />
          <fieldset className="min-w-0">
            <legend className="text-sm font-semibold text-stone-900">Pressure you work with</legend>
            <p className="mt-1 text-sm text-stone-600">From 1 (light) to 5 (very firm).</p>
            <div className="mt-2 grid gap-4 sm:grid-cols-2">
              <SelectInput
                name="pressureMin"
                label="Lightest pressure"
                defaultValue={textValue(values, 'pressureMin')}
                options={PRESSURE_OPTIONS}
                error={errors.pressureMin}
              />
              <SelectInput
                name="pressureMax"
                label="Firmest pressure"
                defaultValue={textValue(values, 'pressureMax')}
                options={PRESSURE_OPTIONS}
                error={errors.pressureMax}
              />
            </div>
          </fieldset>
          <CheckboxGroup
            name="language"
            legend="Languages you work in"
            options={LANGUAGE_CHOICES}
            checked={listValue(values, 'language')}
            error={errors.language}
            columns="grid-cols-2 sm:grid-cols-3"
          />
          <div>
            <FieldError name="mobileService" message={errors.mobileService} />
            <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 bg-stone-50 p-3 text-sm text-stone-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700">
              <input
                id={fieldId('mobileService')}
                name="mobileService"
                type="checkbox"
                defaultChecked={textValue(values, 'mobileService') === 'on'}
                aria-describedby={describedBy('mobileService', errors.mobileService)}
                className="mt-0.5 size-5 shrink-0 accent-teal-700"
              />
              <span>I also come to clients’ homes or offices</span>
            </label>
          </div>
        </FormSection>

        <FormSection id="profile-conditions" title="Conditions and limits">
          <ConditionFields options={options} values={values} errors={errors} />
          <TextAreaField
            name="notTreated"
            label="What you do not treat"
            hint="Shown on your profile as “Does not treat”, so people know before they book."
            defaultValue={textValue(values, 'notTreated')}
            error={errors.notTreated}
            maxLength={L.scopeTextMax}
          />
          <TextAreaField
            name="referrals"
            label="Whom you refer people to"
            hint="Shown as “Refers to”: physiotherapists, physicians, other practitioners."
            defaultValue={textValue(values, 'referrals')}
            error={errors.referrals}
            maxLength={L.scopeTextMax}
          />
        </FormSection>

        <FormSection
          id="profile-hours"
          title="Opening hours"
          description="Leave both times empty on days you are closed. Times like 09:00 or 17:30."
        >
          <div className="space-y-4">
            {WEEKDAYS.map((day, index) => {
              const opens = `hours.${index}.opens`;
              const closes = `hours.${index}.closes`;
              return (
                <fieldset key={day} className="min-w-0">
                  <legend className="text-sm font-semibold text-stone-900">{day}</legend>
                  <div className="grid grid-cols-2 gap-3 sm:max-w-md">
                    <TimeInput name={opens} label="Opens" values={values} error={errors[opens]} />
                    <TimeInput
                      name={closes}
                      label="Closes"
                      values={values}
                      error={errors[closes]}
                    />
                  </div>
                </fieldset>
              );
            })}
          </div>
        </FormSection>

        <FormSection
          id="profile-prices"
          title="Prices"
          description={`Up to ${L.pricesMax} services. Length from ${L.minutesMin} to ${L.minutesMax} minutes; price in whole dollars. Clear a row to remove it.`}
        >
          <div className="space-y-4">
            {Array.from({ length: priceRows }, (_, row) => (
              <fieldset key={row} className="min-w-0 rounded-xl border border-stone-200 p-3">
                <legend className="px-1 text-sm font-semibold text-stone-900">{`Price ${row + 1}`}</legend>
                <div className="grid gap-3 sm:grid-cols-[1fr_8rem_8rem]">
                  <TextField
                    name={`prices.${row}.service`}
                    label="Service"
                    defaultValue={textValue(values, `prices.${row}.service`)}
                    error={errors[`prices.${row}.service`]}
                    maxLength={L.serviceMax}
                  />
                  <TextField
                    name={`prices.${row}.minutes`}
                    label="Minutes"
                    inputMode="numeric"
                    defaultValue={textValue(values, `prices.${row}.minutes`)}
                    error={errors[`prices.${row}.minutes`]}
                    maxLength={3}
                  />
                  <TextField
                    name={`prices.${row}.dollars`}
                    label="Price ($)"
                    inputMode="numeric"
                    defaultValue={textValue(values, `prices.${row}.dollars`)}
                    error={errors[`prices.${row}.dollars`]}
                    maxLength={6}
                  />
                </div>
              </fieldset>
            ))}
          </div>
          {priceRows < L.pricesMax ? (
            <p className="text-sm text-stone-600">
              Need more rows? Save, and more empty rows appear.
            </p>
          ) : null}
        </FormSection>

        <FormSection
          id="profile-locations"
          title="Practice locations"
          description="Your reviews stay with you when you move. Add where you practise now, and give the last day at a place you left."
        >
          <div className="space-y-4">
            <h3 className="text-sm font-semibold text-stone-900">Where you practise now</h3>
            {current.length === 0 ? (
              <p className="text-sm text-stone-600">No current location.</p>
            ) : (
              <ul className="space-y-3">
                {current.map((location) => {
                  const name = `locations.${location.id}.endsOn`;
                  return (
                    <li key={location.id} className="rounded-xl border border-stone-200 p-3">
                      <p className="text-sm font-semibold text-stone-900">{location.name}</p>
                      <p className="text-sm text-stone-700">
                        {location.address}, {location.city}, {location.region} {location.postalCode}
                      </p>
                      <p className="text-sm text-stone-600">
                        Since {formatDate(location.startsOn) ?? location.startsOn}
                      </p>
                      <TextField
                        name={name}
                        type="date"
                        label="Last day here"
                        hint="Only if you no longer practise here."
                        min={location.startsOn}
                        max={today}
                        defaultValue={textValue(values, name)}
                        error={errors[name]}
                        className="mt-3 max-w-xs"
                      />
                    </li>
                  );
                })}
              </ul>
            )}
            {past.length > 0 ? (
              <>
                <h3 className="pt-2 text-sm font-semibold text-stone-900">Earlier locations</h3>
                <ul className="space-y-2">
                  {past.map((location) => (
                    <li key={location.id} className="text-sm text-stone-700">
                      <span className="font-medium text-stone-900">{location.name}</span>,{' '}
                      {location.city}, {location.region}:{' '}
                      {formatDate(location.startsOn) ?? location.startsOn} to{' '}
                      {formatDate(location.endsOn) ?? location.endsOn}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <fieldset className="min-w-0 space-y-4 rounded-xl border border-stone-200 p-4">
            <legend className="px-1 text-sm font-semibold text-stone-900">Add a location</legend>
            <p className="text-sm text-stone-600">
              Leave these empty unless you practise somewhere new.
            </p>
            <LocationFields prefix="newLocation" values={values} errors={errors} today={today} />
          </fieldset>
        </FormSection>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending} className="min-h-12 px-6 text-base">
          {pending ? 'Saving…' : 'Save profile'}
        </Button>
        <p role="status" className="text-sm text-stone-600">
          {pending ? 'Saving your profile…' : ''}
        </p>
      </div>
    </form>
  );
}

function TimeInput({
  name,
  label,
  values,
  error,
}: {
  name: string;
  label: string;
  values: Record<string, string | string[]>;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={fieldId(name)} className={LABEL}>
        {label}
      </label>
      <FieldError name={name} message={error} />
      <input
        id={fieldId(name)}
        name={name}
        type="time"
        defaultValue={textValue(values, name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error)}
        className={TEXT_INPUT}
      />
    </div>
  );
}
