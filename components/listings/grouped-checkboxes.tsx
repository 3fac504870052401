import type { ReactNode } from 'react';
import { describedBy, fieldId, FieldError, FieldHint } from './form-parts';

export interface CheckboxGroupPart {
  key: string;
  heading: string;
  options: readonly { value: string; label: string; description?: string }[];
}

const CHECK_LABEL =
  'flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 bg-white px-3 py-2.5 text-sm text-stone-900 hover:border-teal-700 has-checked:border-teal-700 has-checked:bg-teal-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700';

/**
 * One field of check boxes in several headed groups (techniques by family, conditions by body
 * area): one legend, hint and error for all, and the first box carries the field's id.
 */
export function GroupedCheckboxes({
  name,
  legend,
  hint,
  error,
  groups,
  checked,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  groups: readonly CheckboxGroupPart[];
  checked: readonly string[];
}) {
  const chosen = new Set(checked);
  // Where each group's boxes start in the field's numbering (the first box has the field's id).
  const starts = groups.map((_, at) =>
    groups.slice(0, at).reduce((sum, group) => sum + group.options.length, 0),
  );
  return (
    <fieldset aria-describedby={describedBy(name, error, Boolean(hint))} className="min-w-0">
      <legend className="text-sm font-semibold text-stone-900">{legend}</legend>
      <FieldHint name={name}>{hint}</FieldHint>
      <FieldError name={name} message={error} />
      <div className="mt-3 space-y-5">
        {groups.map((group, at) => (
          <div key={group.key} role="group" aria-labelledby={`${fieldId(name)}-${group.key}`}>
            <h3
              id={`${fieldId(name)}-${group.key}`}
              className="text-sm font-semibold text-stone-700"
            >
              {group.heading}
            </h3>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {group.options.map((option, offset) => {
                const index = starts[at]! + offset;
                const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`;
                return (
                  <label key={option.value} className={CHECK_LABEL}>
                    <input
                      type="checkbox"
                      id={id}
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
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
