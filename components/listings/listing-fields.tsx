import type { Intent } from '@/db/schema/enums';
import { INTENT_LABELS, MODALITY_FAMILY_LABELS } from '@/lib/format';
import { US_STATES } from '@/lib/listings/options';
import type { TaxonomyOptions } from '@/lib/listings/taxonomy';
import { CheckboxGroup, SelectInput, TextField, listValue, textValue } from './form-parts';
import { GroupedCheckboxes } from './grouped-checkboxes';

/** Fields shared by the profile form and the new-listing form. */

type Values = Record<string, string | string[]>;
type Errors = Record<string, string>;

const INTENT_OPTIONS = (Object.keys(INTENT_LABELS) as Intent[]).map((intent) => ({
  value: intent,
  label: INTENT_LABELS[intent],
}));

export const STATE_OPTIONS = [
  { value: '', label: 'Choose a state' },
  ...US_STATES.map((state) => ({ value: state.code, label: `${state.name} (${state.code})` })),
];

export function TechniqueFields({
  options,
  values,
  errors,
}: {
  options: TaxonomyOptions;
  values: Values;
  errors: Errors;
}) {
  return (
    <GroupedCheckboxes
      name="modality"
      legend="Techniques you offer"
      hint="Tick every technique you practise. Clients filter search results by these."
      error={errors.modality}
      checked={listValue(values, 'modality')}
      groups={options.modalities.map((group) => ({
        key: group.family,
        heading: MODALITY_FAMILY_LABELS[group.family],
        options: group.options.map((option) => ({ value: option.slug, label: option.name })),
      }))}
    />
  );
}

export function ConditionFields({
  options,
  values,
  errors,
}: {
  options: TaxonomyOptions;
  values: Values;
  errors: Errors;
}) {
  return (
    <GroupedCheckboxes
      name="condition"
      legend="Conditions you treat"
      hint="Tick the problems people come to you for."
      error={errors.condition}
      checked={listValue(values, 'condition')}
      groups={options.conditions.map((area) => ({
        key: area.bodyArea.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        heading: area.bodyArea,
        options: area.options.map((option) => ({ value: option.slug, label: option.name })),
      }))}
    />
  );
}

export function IntentFields({ values, errors }: { values: Values; errors: Errors }) {
  return (
    <CheckboxGroup
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
}: {
  prefix: string;
  values: Values;
  errors: Errors;
  /** The latest start date accepted (yyyy-mm-dd). */
  today: string;
}) {
  const name = (key: keyof typeof LOCATION_LABELS) => `${prefix}.${key}`;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField
        name={name('name')}
        label={LOCATION_LABELS.name}
        defaultValue={textValue(values, name('name'))}
        error={errors[name('name')]}
        maxLength={120}
        autoComplete="organization"
        className="sm:col-span-2"
      />
      <TextField
        name={name('address')}
        label={LOCATION_LABELS.address}
        hint="Number and street, and suite if any."
        defaultValue={textValue(values, name('address'))}
        error={errors[name('address')]}
        maxLength={160}
        autoComplete="street-address"
        className="sm:col-span-2"
      />
      <TextField
        name={name('city')}
        label={LOCATION_LABELS.city}
        defaultValue={textValue(values, name('city'))}
        error={errors[name('city')]}
        maxLength={80}
        autoComplete="address-level2"
      />
      <SelectInput
        name={name('region')}
        label={LOCATION_LABELS.region}
        defaultValue={textValue(values, name('region'))}
        options={STATE_OPTIONS}
        error={errors[name('region')]}
      />
      <TextField
        name={name('postalCode')}
        label={LOCATION_LABELS.postalCode}
        hint="5 digits. It places you on the map for searches nearby."
        defaultValue={textValue(values, name('postalCode'))}
        error={errors[name('postalCode')]}
        maxLength={10}
        inputMode="numeric"
        autoComplete="postal-code"
      />
      <TextField
        name={name('startsOn')}
        label={LOCATION_LABELS.startsOn}
        hint="The date you started; today if you are not sure."
        type="date"
        min="1950-01-01"
        max={today}
        defaultValue={textValue(values, name('startsOn'))}
        error={errors[name('startsOn')]}
      />
    </div>
  );
}
