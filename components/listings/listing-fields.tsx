import {
  CheckboxGroup,
  fieldsOf,
  listValue,
  SelectInput,
  TextAreaField,
  TextField,
} from '@/components/ui/field';
import type { Intent } from '@/db/schema/enums';
import { INTENT_LABELS, MODALITY_FAMILY_LABELS } from '@/lib/format';
import { LISTING_LIMITS } from '@/lib/listings/options';
import type { TaxonomyOptions } from '@/lib/listings/taxonomy';
import { US_STATE_OPTIONS } from '@/lib/us-states';
import { LISTING_FORM } from './form-parts';

/** Fields shared by the profile form and the new-listing form. */

const L = LISTING_LIMITS;

interface FieldsProps {
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

interface TextFieldsProps extends FieldsProps {
  /** Labelled so, on the new-listing form. */
  optional?: boolean;
}

interface TaxonomyFieldsProps extends FieldsProps {
  options: TaxonomyOptions;
}

export function HeadlineField({ values, errors }: FieldsProps) {
  const field = fieldsOf(LISTING_FORM, values, errors);
  return (
    <TextField
      {...field('headline')}
      label="Headline"
      hint={`One line under your name in search results, up to ${L.headlineMax} characters.`}
      maxLength={L.headlineMax}
    />
  );
}

export function CredentialsField({ values, errors, optional = false }: TextFieldsProps) {
  const field = fieldsOf(LISTING_FORM, values, errors);
  return (
    <TextField
      {...field('credentials')}
      label={optional ? 'Credentials (optional)' : 'Credentials'}
      hint="Letters after your name, like “LMT, NCBTMB”."
      maxLength={L.credentialsMax}
    />
  );
}

/** On the new-listing form (`optional`) the box is shorter. */
export function BioField({ values, errors, optional = false }: TextFieldsProps) {
  const field = fieldsOf(LISTING_FORM, values, errors);
  return (
    <TextAreaField
      {...field('bio')}
      label={optional ? 'About you (optional)' : 'About you'}
      hint={
        optional
          ? 'How you work and whom you help.'
          : 'How you work and whom you help. Leave an empty line between paragraphs.'
      }
      maxLength={L.bioMax}
      rows={optional ? 6 : 8}
    />
  );
}

const INTENT_OPTIONS = (Object.keys(INTENT_LABELS) as Intent[]).map((intent) => ({
  value: intent,
  label: INTENT_LABELS[intent],
}));

export function TechniqueFields({ options, values, errors }: TaxonomyFieldsProps) {
  return (
    <CheckboxGroup
      form={LISTING_FORM}
      name="modality"
      legend="Techniques you offer"
      hint="Tick every technique you practise. Clients filter search results by these."
      error={errors.modality}
      checked={listValue(values, 'modality')}
      parts={options.modalities.map((group) => ({
        key: group.family,
        heading: MODALITY_FAMILY_LABELS[group.family],
        options: group.options.map((option) => ({ value: option.slug, label: option.name })),
      }))}
    />
  );
}

export function ConditionFields({ options, values, errors }: TaxonomyFieldsProps) {
  return (
    <CheckboxGroup
      form={LISTING_FORM}
      name="condition"
      legend="Conditions you treat"
      hint="Tick the problems people come to you for."
      error={errors.condition}
      checked={listValue(values, 'condition')}
      parts={options.conditions.map((area) => ({
        key: area.bodyArea.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        heading: area.bodyArea,
        options: area.options.map((option) => ({ value: option.slug, label: option.name })),
      }))}
    />
  );
}

export function IntentFields({ values, errors }: FieldsProps) {
  return (
    <CheckboxGroup
      form={LISTING_FORM}
      name="intent"
      legend="Sessions you offer"
      hint="What people can book you for."
      options={INTENT_OPTIONS}
      checked={listValue(values, 'intent')}
      error={errors.intent}
    />
  );
}

export const LOCATION_LABELS = {
  name: 'Name of the practice or clinic',
  address: 'Street address',
  city: 'City',
  region: 'State',
  postalCode: 'ZIP code',
  startsOn: 'Started practising here on',
} as const;

/** The fields of one practice location, named `<prefix>.name`, `<prefix>.address`, ... */
export function LocationFields({
  prefix,
  values,
  errors,
  today,
}: FieldsProps & {
  prefix: string;
  /** The latest start date accepted (yyyy-mm-dd). */
  today: string;
}) {
  const field = (key: keyof typeof LOCATION_LABELS) => ({
    ...fieldsOf(LISTING_FORM, values, errors)(`${prefix}.${key}`),
    label: LOCATION_LABELS[key],
  });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField
        {...field('name')}
        maxLength={120}
        autoComplete="organization"
        className="sm:col-span-2"
      />
      <TextField
        {...field('address')}
        hint="Number and street, and suite if any."
        maxLength={160}
        autoComplete="street-address"
        className="sm:col-span-2"
      />
      <TextField {...field('city')} maxLength={80} autoComplete="address-level2" />
      <SelectInput {...field('region')} options={US_STATE_OPTIONS} />
      <TextField
        {...field('postalCode')}
        hint="5 digits. It places you on the map for searches nearby."
        maxLength={10}
        inputMode="numeric"
        autoComplete="postal-code"
      />
      <TextField
        {...field('startsOn')}
        hint="The date you started; today if you are not sure."
        type="date"
        min="1950-01-01"
        max={today}
      />
    </div>
  );
}
