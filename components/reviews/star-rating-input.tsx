import { cn } from '@/components/ui/cn';
import { describedBy, fieldId, FieldError } from '@/components/ui/field';
import { REVIEW_FORM } from './review-form-fields';

const WORDS = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] as const;

function StarShape({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className}>
      <path d="M12 2.6l2.83 6.08 6.67.78-4.93 4.56 1.3 6.58L12 17.3l-5.87 3.3 1.3-6.58L2.5 9.46l6.67-.78z" />
    </svg>
  );
}

/**
 * The overall rating: five large radio buttons ("3 stars, good"). The chosen star and every
 * star before it fill in, with CSS alone.
 */
export function StarRatingInput({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const name = 'rating';
  const id = fieldId(REVIEW_FORM, name);
  return (
    <fieldset aria-describedby={describedBy(id, { error })} className="min-w-0">
      <legend className="text-base font-semibold text-stone-900">
        Overall rating <span className="font-normal text-stone-600">(required)</span>
      </legend>
      <FieldError id={id} message={error} />
      {/* Filled up to the chosen star: a star fills when it, or a later one, is checked. */}
      <div className="mt-2 flex gap-1.5">
        {[1, 2, 3, 4, 5].map((stars) => (
          <label
            key={stars}
            className={cn(
              'flex min-h-14 w-14 cursor-pointer flex-col items-center justify-center rounded-xl border border-stone-300 bg-white text-stone-400 transition-colors hover:border-amber-600 has-checked:border-amber-600 has-checked:bg-amber-50 has-checked:text-amber-500 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700 sm:w-16 [&:has(~label_input:checked)]:text-amber-500',
              error && 'border-red-700',
            )}
          >
            <input
              type="radio"
              id={stars === 1 ? id : `${id}-${stars}`}
              name={name}
              value={String(stars)}
              defaultChecked={defaultValue === String(stars)}
              className="sr-only"
            />
            <StarShape className="size-7 fill-current" />
            <span className="text-xs font-semibold text-stone-800 tabular-nums" aria-hidden="true">
              {stars}
            </span>
            <span className="sr-only">
              {stars} {stars === 1 ? 'star' : 'stars'}, {WORDS[stars - 1]?.toLowerCase()}
            </span>
          </label>
        ))}
      </div>
      <p className="mt-1 text-sm text-stone-600" aria-hidden="true">
        1 = poor, 5 = excellent
      </p>
    </fieldset>
  );
}
