import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * Building blocks of the listing forms: labelled fields with their hint and error, wired for
 * screen readers (the error is read first), and ids the error summary links to.
 */

/** The id of a field's control ("hours.0.opens" -> "listing-hours-0-opens"). */
export function fieldId(name: string): string {
  return `listing-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

export function describedBy(name: string, error?: string, hint?: boolean): string | undefined {
  const ids = [error ? errorId(name) : null, hint ? hintId(name) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(name)} className="mt-1 text-sm font-medium text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

export function FieldHint({ name, children }: { name: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={hintId(name)} className="mt-1 text-sm text-stone-600">
      {children}
    </p>
  );
}

export const TEXT_INPUT =
  'mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none aria-invalid:border-red-700';

export const LABEL = 'block text-sm font-semibold text-stone-900';

/** The value of a single field among the form's values. */
export function textValue(values: Record<string, string | string[]>, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '';
}

/** The values of a repeated field (check boxes). */
export function listValue(values: Record<string, string | string[]>, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
}

interface TextFieldProps {
  name: string;
  label: ReactNode;
  defaultValue: string;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time';
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'url';
  min?: string;
  max?: string;
  className?: string;
  required?: boolean;
}

/** A labelled one-line input. */
export function TextField({
  name,
  label,
  defaultValue,
  error,
  hint,
  type = 'text',
  maxLength,
  autoComplete = 'off',
  inputMode,
  min,
  max,
  className,
  required,
}: TextFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={fieldId(name)} className={LABEL}>
        {label}
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} message={error} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={defaultValue}
        maxLength={maxLength}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, Boolean(hint))}
        className={TEXT_INPUT}
      />
    </div>
  );
}

interface TextAreaFieldProps {
  name: string;
  label: ReactNode;
  defaultValue: string;
  error?: string;
  hint?: ReactNode;
  maxLength: number;
  rows?: number;
}

/** A labelled text area. */
export function TextAreaField({
  name,
  label,
  defaultValue,
  error,
  hint,
  maxLength,
  rows = 4,
}: TextAreaFieldProps) {
  return (
    <div>
      <label htmlFor={fieldId(name)} className={LABEL}>
        {label}
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} message={error} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, Boolean(hint))}
        className={cn(TEXT_INPUT, 'py-2 leading-relaxed')}
      />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select. */
export function SelectInput({
  name,
  label,
  defaultValue,
  options,
  error,
  hint,
  className,
}: {
  name: string;
  label: ReactNode;
  defaultValue: string;
  options: readonly SelectOption[];
  error?: string;
  hint?: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={fieldId(name)} className={LABEL}>
        {label}
      </label>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} message={error} />
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, Boolean(hint))}
        className={TEXT_INPUT}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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

/**
 * A group of check boxes sharing one name (several values are sent). The first box carries
 * the group's id, so the error summary can move focus into the group.
 */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  error,
  hint,
  columns = 'sm:grid-cols-2',
  headingLevel,
}: {
  name: string;
  legend: ReactNode;
  options: readonly CheckOption[];
  checked: readonly string[];
  error?: string;
  hint?: ReactNode;
  columns?: string;
  /** Drawn as a sub-heading inside a larger group. */
  headingLevel?: 'sub';
}) {
  const chosen = new Set(checked);
  return (
    <fieldset aria-describedby={describedBy(name, error, Boolean(hint))} className="min-w-0">
      <legend
        className={
          headingLevel === 'sub'
            ? 'text-sm font-semibold text-stone-700'
            : 'text-sm font-semibold text-stone-900'
        }
      >
        {legend}
      </legend>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} message={error} />
      <div className={cn('mt-2 grid gap-2', columns)}>
        {options.map((option, index) => (
          <label key={option.value} className={CHECK_LABEL}>
            <input
              type="checkbox"
              id={index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`}
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
    </fieldset>
  );
}

/** A section of a long form, with its heading. */
export function FormSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-6 rounded-2xl border border-stone-200 bg-white p-5 shadow-xs sm:p-6"
    >
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight text-stone-900">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-stone-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
