import type { ReactNode } from 'react';

/** The listing forms' name: their controls' ids are "listing-<name>" (see fieldId). */
export const LISTING_FORM = 'listing';

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
