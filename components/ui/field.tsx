import type { ReactNode } from 'react';
import { cn } from './cn';
import type { SelectOption } from './select-field';

/**
 * Form fields: each control with its label, hint and error, wired for screen readers (the error
 * is read first), under ids an error summary links to. Every form names itself (`form`), so two
 * forms on one page never share an id.
 */

/** The id of a form's control ("listing", "hours.0.opens" -> "listing-hours-0-opens"). */
export function fieldId(form: string, name: string): string {
  return `${form}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** What a refused form sends back: its fields' values (repeated ones as lists). */
type FormValues = Record<string, string | string[]>;

/** The value of a single field among the form's values. */
export function textValue(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '';
}

/** The values of a repeated field (check boxes). */
export function listValue(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
}

/**
 * What each field of a form takes from the form's state: the form's name, the field's name, the
 * value to show again and its error. `field(name)` spreads into TextField, SelectInput, ...
 */
export function fieldsOf(form: string, values: FormValues, errors: Record<string, string>) {
  return (name: string) => ({
    form,
    name,
    defaultValue: textValue(values, name),
    error: errors[name],
  });
}

/** The ids that describe the control `id`: its error, an error it shares with others, its hint. */
export function describedBy(
  id: string,
  { error, groupErrorId, hint }: { error?: string; groupErrorId?: string; hint?: ReactNode },
): string | undefined {
  const ids = [error ? `${id}-error` : null, groupErrorId ?? null, hint ? `${id}-hint` : null];
  const given = ids.filter(Boolean);
  return given.length > 0 ? given.join(' ') : undefined;
}

/** The error of the control `id` (or of a group: `id` is then the group's own). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
      {children}
    </p>
  );
}

export const TEXT_INPUT =
  'mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

export const TEXT_AREA = `${TEXT_INPUT} py-2 leading-relaxed`;

export const LABEL = 'block text-sm font-semibold text-stone-900';

/** What a field hands its control. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The id of an error about this field together with others (shown once, near them). */
  groupErrorId?: string;
  /** Classes of the label, when it stands out more than the others. */
  labelClassName?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}

/** A labelled control with its hint and error; `children` draws the control. */
export function Field({
  form,
  name,
  label,
  hint,
  error,
  groupErrorId,
  labelClassName = LABEL,
  className,
  children,
}: FieldProps) {
  const id = fieldId(form, name);
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
      {children({
        id,
        name,
        'aria-invalid': error || groupErrorId ? true : undefined,
        'aria-describedby': describedBy(id, { error, groupErrorId, hint }),
      })}
    </div>
  );
}

/** What a ready-made field takes besides its control's own attributes. */
type FieldFrameProps = Omit<FieldProps, 'children' | 'labelClassName'>;

interface TextFieldProps extends FieldFrameProps {
  defaultValue: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time';
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'url';
  min?: string;
  max?: string;
  required?: boolean;
  spellCheck?: boolean;
}

/** A labelled one-line input. */
export function TextField({
  type = 'text',
  autoComplete = 'off',
  defaultValue,
  maxLength,
  inputMode,
  min,
  max,
  required,
  spellCheck,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(props) => (
        <input
          {...props}
          type={type}
          defaultValue={defaultValue}
          maxLength={maxLength}
          autoComplete={autoComplete}
          inputMode={inputMode}
          min={min}
          max={max}
          required={required}
          spellCheck={spellCheck}
          className={TEXT_INPUT}
        />
      )}
    </Field>
  );
}

/** A labelled text area. */
export function TextAreaField({
  defaultValue,
  maxLength,
  rows = 4,
  ...field
}: FieldFrameProps & { defaultValue: string; maxLength: number; rows?: number }) {
  return (
    <Field {...field}>
      {(props) => (
        <textarea
          {...props}
          rows={rows}
          maxLength={maxLength}
          defaultValue={defaultValue}
          className={TEXT_AREA}
        />
      )}
    </Field>
  );
}

/**
 * A labelled select with its hint and error (see SelectField for filters). Left to the browser
 * with `defaultValue`, or controlled with `value` and `onChoose`.
 */
export function SelectInput({
  defaultValue,
  value,
  onChoose,
  options,
  required,
  ...field
}: FieldFrameProps & {
  options: readonly SelectOption[];
  required?: boolean;
} & (
    | { defaultValue: string; value?: undefined; onChoose?: undefined }
    | { value: string; onChoose: (value: string) => void; defaultValue?: undefined }
  )) {
  return (
    <Field {...field}>
      {(props) => (
        <select
          {...props}
          {...(value === undefined
            ? { defaultValue }
            : { value, onChange: (event) => onChoose?.(event.target.value) })}
          required={required}
          className={TEXT_INPUT}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One check box in a bordered box, with its label beside it; its error above, hint below. */
export function CheckboxField({
  form,
  name,
  label,
  hint,
  error,
  defaultChecked = false,
  value,
  required,
}: {
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultChecked?: boolean;
  /** Sent when ticked ("on" when not given). */
  value?: string;
  required?: boolean;
}) {
  const id = fieldId(form, name);
  return (
    <div>
      <FieldError id={id} message={error} />
      <label className="mt-1 flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 bg-stone-50 p-3 text-sm text-stone-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700">
        <input
          id={id}
          name={name}
          type="checkbox"
          value={value}
          required={required}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error, hint })}
          className="mt-0.5 size-5 shrink-0 accent-teal-700"
        />
        <span>{label}</span>
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
    </div>
  );
}

export interface CheckOption {
  value: string;
  label: string;
  description?: string;
}

const CHECK_LABEL =
  'flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 bg-white px-3 py-2.5 text-sm text-stone-900 hover:border-teal-700 has-checked:border-teal-700 has-checked:bg-teal-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700';

export interface CheckboxGroupPart {
  key: string;
  heading: string;
  options: readonly CheckOption[];
}

/**
 * A group of check boxes sharing one name (several values are sent), with one legend, hint and
 * error; the options may stand in headed parts (techniques by family). The first box carries
 * the group's id, so the error summary can move focus into the group.
 */
export function CheckboxGroup({
  form,
  name,
  legend,
  hint,
  error,
  checked,
  options,
  parts,
  columns = 'sm:grid-cols-2',
}: {
  form: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  checked: readonly string[];
  columns?: string;
} & (
  | { options: readonly CheckOption[]; parts?: undefined }
  | { parts: readonly CheckboxGroupPart[]; options?: undefined }
)) {
  const id = fieldId(form, name);
  const chosen = new Set(checked);
  // The boxes are numbered across the parts: the first has the group's id.
  const boxes = (list: readonly CheckOption[], first: number) => (
    <div className={cn('mt-2 grid gap-2', columns)}>
      {list.map((option, offset) => (
        <label key={option.value} className={CHECK_LABEL}>
          <input
            type="checkbox"
            id={first + offset === 0 ? id : `${id}-${first + offset}`}
            name={name}
            value={option.value}
            defaultChecked={chosen.has(option.value)}
            className="mt-0.5 size-5 shrink-0 accent-teal-700"
          />
          <span>
            <span className="font-medium">{option.label}</span>
            {option.description ? (
              <span className="block text-xs text-stone-600">{option.description}</span>
            ) : null}
          </span>
        </label>
      ))}
    </div>
  );
  return (
    <fieldset aria-describedby={describedBy(id, { error, hint })} className="min-w-0">
      <legend className="text-sm font-semibold text-stone-900">{legend}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
      {parts ? (
        <div className="mt-3 space-y-5">
          {parts.map((part, at) => (
            <div key={part.key} role="group" aria-labelledby={`${id}-${part.key}`}>
              <h3 id={`${id}-${part.key}`} className="text-sm font-semibold text-stone-700">
                {part.heading}
              </h3>
              {boxes(
                part.options,
                parts.slice(0, at).reduce((sum, before) => sum + before.options.length, 0),
              )}
            </div>
          ))}
        </div>
      ) : (
        boxes(options, 0)
      )}
    </fieldset>
  );
}

export interface RadioOption<C extends string> {
  value: C;
  label: string;
  hint?: string;
}

/**
 * One choice among a few, with its legend and error. The first option carries the group's id
 * (the error summary links to it). Controlled with `value` and `onChoose`, or left to the
 * browser with `defaultValue`.
 */
export function RadioGroupField<C extends string>({
  id,
  name,
  legend,
  options,
  error,
  inline = false,
  value,
  onChoose,
  defaultValue,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: readonly RadioOption<C>[];
  error?: string;
  /** Options side by side rather than one under another. */
  inline?: boolean;
  value?: C | '';
  onChoose?: (choice: C) => void;
  defaultValue?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy(id, { error })} className="min-w-0">
      <legend className="mb-2 text-sm font-semibold text-stone-900">{legend}</legend>
      <div className={inline ? 'flex flex-wrap gap-x-5 gap-y-2' : 'space-y-2'}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div
              key={option.value}
              className={cn('flex min-h-11 gap-3', option.hint ? 'items-start' : 'items-center')}
            >
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                {...(value === undefined
                  ? { defaultChecked: defaultValue === option.value }
                  : { checked: value === option.value, onChange: () => onChoose?.(option.value) })}
                required
                className={cn('size-4 accent-teal-700', option.hint && 'mt-1')}
              />
              <label htmlFor={optionId} className="text-sm text-stone-800">
                <span className="font-semibold text-stone-900">{option.label}</span>
                {option.hint ? <span className="block text-stone-600">{option.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}

/** What a form is about (ids, the version seen), sent with it unseen. */
export function HiddenFields({ values }: { values: Record<string, string | number> }) {
  return Object.entries(values).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={String(value)} />
  ));
}
