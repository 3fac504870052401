import { ChevronDownIcon } from '@/components/ui/icons';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  name: string;
  label: string;
  /** The value in the address; empty for "any". */
  value: string;
  options: readonly SelectOption[];
  className?: string;
}

/**
 * A labelled select inside a form that filters or sorts. The address's value is kept in `data-value` so the
 * form can show it again after the browser kept an earlier choice.
 */
export function SelectField({ id, name, label, value, options, className }: SelectFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-semibold text-stone-900">
        {label}
      </label>
      <div className="relative">
        <select
          id={id}
          name={name}
          defaultValue={value}
          data-value={value}
          className="block min-h-11 w-full appearance-none rounded-xl border border-stone-300 bg-white py-2 pr-9 pl-3 text-sm text-stone-900 shadow-xs hover:border-stone-400 focus:border-teal-700 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-teal-700"
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-stone-500" />
      </div>
    </div>
  );
}
