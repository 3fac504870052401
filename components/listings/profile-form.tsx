'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import {
  CheckboxField,
  CheckboxGroup,
  fieldsOf,
  listValue,
  SelectInput,
  TextAreaField,
  TextField,
  textValue,
} from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { PRESSURE_LABELS, formatDate } from '@/lib/format';
import { saveListingProfileAction, type ProfileFormState } from '@/lib/listings/actions';
import { LANGUAGE_OPTIONS, LISTING_LIMITS, WEEKDAYS } from '@/lib/listings/options';
import type { OwnLocation } from '@/lib/listings/profile';
import type { TaxonomyOptions } from '@/lib/listings/taxonomy';
import { FormSection, LISTING_FORM } from './form-parts';
import {
  BioField,
  ConditionFields,
  CredentialsField,
  HeadlineField,
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

/** The labels of every field the form shows, in its order, for the error summary. */
function fieldLabels(locations: readonly OwnLocation[], priceRows: number): Record<string, string> {
  const labels: Record<string, string> = { ...FIELD_LABELS };
  WEEKDAYS.forEach((day, index) => {
    labels[`hours.${index}.opens`] = `${day}, opens`;
    labels[`hours.${index}.closes`] = `${day}, closes`;
  });
  for (let row = 0; row < priceRows; row++) {
    labels[`prices.${row}.service`] = `Price ${row + 1}, service`;
    labels[`prices.${row}.minutes`] = `Price ${row + 1}, minutes`;
    labels[`prices.${row}.dollars`] = `Price ${row + 1}, price`;
  }
  for (const location of locations) {
    labels[`locations.${location.id}.endsOn`] = `Last day at ${location.name}`;
  }
  for (const [key, label] of Object.entries(LOCATION_LABELS)) {
    labels[`newLocation.${key}`] = `New location, ${label.toLowerCase()}`;
  }
  return labels;
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
  const field = fieldsOf(LISTING_FORM, values, errors);
  const [firstRows] = useState(() => priceRowCount(initial));
  const priceRows = Math.max(firstRows, priceRowCount(values));
  const current = locations.filter((location) => location.current);
  const past = locations.filter((location) => !location.current);

  return (
    <form action={formAction} noValidate className="space-y-8" aria-busy={pending || undefined}>
      {refused ? (
        <ErrorSummary
          form={LISTING_FORM}
          subject="your profile"
          error={refused.error}
          labels={fieldLabels(locations, priceRows)}
          attempt={refused.at}
        />
      ) : null}
      {state?.status === 'saved' ? (
        <FormMessage tone="success">{savedMessage(state.changed)}</FormMessage>
      ) : null}

      <div key={state?.at ?? 0} className="space-y-8">
        <FormSection id="profile-about" title="About you">
          <HeadlineField values={values} errors={errors} />
          <CredentialsField values={values} errors={errors} />
          <BioField values={values} errors={errors} />
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
              {(['pressureMin', 'pressureMax'] as const).map((name) => (
                <SelectInput
                  {...field(name)}
                  key={name}
                  label={FIELD_LABELS[name]}
                  options={PRESSURE_OPTIONS}
                />
              ))}
            </div>
          </fieldset>
          <CheckboxGroup
            form={LISTING_FORM}
            name="language"
            legend="Languages you work in"
            options={LANGUAGE_CHOICES}
            checked={listValue(values, 'language')}
            error={errors.language}
            columns="grid-cols-2 sm:grid-cols-3"
          />
          <CheckboxField
            form={LISTING_FORM}
            name="mobileService"
            label="I also come to clients’ homes or offices"
            error={errors.mobileService}
            defaultChecked={textValue(values, 'mobileService') === 'on'}
          />
        </FormSection>

        <FormSection id="profile-conditions" title="Conditions and limits">
          <ConditionFields options={options} values={values} errors={errors} />
          <TextAreaField
            {...field('notTreated')}
            label="What you do not treat"
            hint="Shown on your profile as “Does not treat”, so people know before they book."
            maxLength={L.scopeTextMax}
          />
          <TextAreaField
            {...field('referrals')}
            label="Whom you refer people to"
            hint="Shown as “Refers to”: physiotherapists, physicians, other practitioners."
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
                    {[
                      { name: opens, label: 'Opens' },
                      { name: closes, label: 'Closes' },
                    ].map((time) => (
                      <TextField
                        {...field(time.name)}
                        key={time.name}
                        type="time"
                        label={time.label}
                      />
                    ))}
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
                    {...field(`prices.${row}.service`)}
                    label="Service"
                    maxLength={L.serviceMax}
                  />
                  <TextField
                    {...field(`prices.${row}.minutes`)}
                    label="Minutes"
                    inputMode="numeric"
                    maxLength={3}
                  />
                  <TextField
                    {...field(`prices.${row}.dollars`)}
                    label="Price ($)"
                    inputMode="numeric"
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
                        {...field(name)}
                        type="date"
                        label="Last day here"
                        hint="Only if you no longer practise here."
                        min={location.startsOn}
                        max={today}
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
