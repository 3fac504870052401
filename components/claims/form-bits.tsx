import { FieldError, fieldId, fieldsOf, SelectInput, TextField } from '@/components/ui/field';
import { US_STATE_OPTIONS } from '@/lib/us-states';

/**
 * The licence's three fields: state, number and the name as on the licence. An error about the
 * licence as a whole (`errors.licence`: it does not match the listing) marks all three.
 */
export function LicenceFields({
  form,
  values,
  errors,
  required,
}: {
  form: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  required: boolean;
}) {
  const groupErrorId = errors.licence ? `${fieldId(form, 'licence')}-error` : undefined;
  const field = (name: string) => ({
    ...fieldsOf(form, values, errors)(name),
    groupErrorId,
    required,
  });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {errors.licence ? (
        <div className="sm:col-span-2">
          <FieldError id={fieldId(form, 'licence')} message={errors.licence} />
        </div>
      ) : null}
      <SelectInput
        {...field('licenseState')}
        label="State that issued the licence"
        options={US_STATE_OPTIONS}
      />
      <TextField
        {...field('licenseNumber')}
        label="Licence number"
        hint="As on the licence; spaces, dashes and leading zeros do not matter."
        maxLength={40}
        spellCheck={false}
      />
      <TextField
        {...field('licenseName')}
        label="Your full name as on the licence"
        maxLength={120}
        autoComplete="name"
        className="sm:col-span-2"
      />
    </div>
  );
}
