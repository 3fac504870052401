'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, useAttempt } from '@/components/ui/error-summary';
import { fieldsOf, SelectInput, TextField } from '@/components/ui/field';
import { submitNewListingAction, type NewListingFormState } from '@/lib/listings/actions';
import { LISTING_LIMITS } from '@/lib/listings/options';
import type { TaxonomyOptions } from '@/lib/listings/taxonomy';
import { US_STATE_OPTIONS } from '@/lib/us-states';
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

const FIELD_LABELS: Record<string, string> = {
  name: 'Your name',
  credentials: 'Credentials',
  licenseState: 'Licence state',
  licenseNumber: 'Licence number',
  headline: 'Headline',
  bio: 'About you',
  modality: 'Techniques',
  intent: 'Sessions offered',
  condition: 'Conditions treated',
  ...Object.fromEntries(
    Object.entries(LOCATION_LABELS).map(([key, label]) => [`location.${key}`, label]),
  ),
  contactEmail: 'Contact email',
};

/**
 * Asking for a new listing. It goes to the moderators; nothing is public until one approves.
 * Works without JavaScript; a refused request comes back with what was typed.
 */
export function NewListingForm({ options, today }: { options: TaxonomyOptions; today: string }) {
  const [state, action, pending] = useActionState<NewListingFormState, FormData>(
    submitNewListingAction,
    null,
  );
  const attempt = useAttempt(state);
  const values = state?.values ?? {};
  const errors = state?.error.fieldErrors ?? {};
  const field = fieldsOf(LISTING_FORM, values, errors);
  return (
    <form action={action} noValidate className="space-y-8" aria-busy={pending || undefined}>
      {state ? (
        <ErrorSummary
          form={LISTING_FORM}
          subject="your request"
          error={state.error}
          labels={FIELD_LABELS}
          attempt={attempt}
        />
      ) : null}
      {state?.existing ? (
        <p className="rounded-xl border border-stone-200 bg-stone-50 px-4 py-3 text-sm text-stone-800">
          This licence is on the listing of{' '}
          <Link
            href={`/therapists/${encodeURIComponent(state.existing.slug)}`}
            className="font-semibold text-teal-800 underline underline-offset-2"
          >
            {state.existing.name}
          </Link>
          . If it is you, open it and claim it.
        </p>
      ) : null}

      <div key={attempt} className="space-y-8">
        <FormSection id="new-who" title="Who you are">
          <TextField
            {...field('name')}
            label="Your name"
            hint="As clients know you, and as it is on your licence."
            maxLength={L.nameMax}
            autoComplete="name"
          />
          <CredentialsField values={values} errors={errors} optional />
          <fieldset className="min-w-0">
            <legend className="text-sm font-semibold text-stone-900">Licence (optional)</legend>
            <p className="mt-1 text-sm text-stone-600">
              A licence helps the moderators confirm it is you. If it is already on a listing, claim
              that listing instead.
            </p>
            <div className="mt-2 grid gap-4 sm:grid-cols-2">
              <SelectInput
                {...field('licenseState')}
                label="State that issued it"
                options={[{ value: '', label: 'No licence given' }, ...US_STATE_OPTIONS.slice(1)]}
              />
              <TextField
                {...field('licenseNumber')}
                label="Licence number"
                maxLength={L.licenseNumberMax}
              />
            </div>
          </fieldset>
          <TextField
            {...field('contactEmail')}
            type="email"
            label="Contact email (optional)"
            hint="For the listing: clients and Unknot may reach you here. It is not shown publicly."
            maxLength={254}
            autoComplete="email"
          />
        </FormSection>

        <FormSection id="new-about" title="Your practice">
          <HeadlineField values={values} errors={errors} />
          <BioField values={values} errors={errors} optional />
          <TechniqueFields options={options} values={values} errors={errors} />
          <IntentFields values={values} errors={errors} />
          <ConditionFields options={options} values={values} errors={errors} />
        </FormSection>

        <FormSection id="new-location" title="Where you practise">
          <LocationFields prefix="location" values={values} errors={errors} today={today} />
        </FormSection>
      </div>

      <div className="space-y-2">
        <Button type="submit" disabled={pending} className="min-h-12 px-6 text-base">
          {pending ? 'Sending…' : 'Send for review'}
        </Button>
        <p className="text-sm text-stone-600">
          A moderator reviews every new listing before it is public. You can follow it on your
          claims page.
        </p>
      </div>
    </form>
  );
}
