'use client';

import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { formParams, searchHref, SEARCH_PATH } from './search-links';
import { useSearchNavigation } from './search-navigation';

/**
 * Sets each control to the value the server rendered for the current address (kept in
 * `data-value` and `data-checked`), which the browser would otherwise keep from earlier choices,
 * e.g. after going back.
 */
function showAddressState(form: HTMLFormElement): void {
  for (const element of form.elements) {
    if (element instanceof HTMLSelectElement && element.dataset.value !== undefined) {
      element.value = element.dataset.value;
    } else if (element instanceof HTMLInputElement && element.dataset.checked !== undefined) {
      element.checked = element.dataset.checked === 'true';
    }
  }
}

interface AutoSubmitFormProps {
  /** Names the form for assistive technology ("Filters"). */
  label: string;
  /** Parameters the form does not set itself but keeps ([name, value] pairs). */
  hiddenFields: readonly (readonly [string, string])[];
  /** Changes whenever the search does; the controls then show the search in the address. */
  stateKey: string;
  /** The button shown when JavaScript is off, since changes then apply on sending. */
  submitLabel: string;
  className?: string;
  children: ReactNode;
}

/**
 * A GET form to /search that applies each change at once (adding a history entry), so the
 * address always holds the search. Without JavaScript a button sends it.
 */
export function AutoSubmitForm({
  label,
  hiddenFields,
  stateKey,
  submitLabel,
  className,
  children,
}: AutoSubmitFormProps) {
  const { navigate } = useSearchNavigation();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (form.current) showAddressState(form.current);
  }, [stateKey]);

  const apply = (element: HTMLFormElement) => {
    navigate(searchHref(formParams(new FormData(element))));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };

  return (
    <form
      ref={form}
      action={SEARCH_PATH}
      method="get"
      aria-label={label}
      onChange={(event) => apply(event.currentTarget)}
      onSubmit={onSubmit}
      className={className}
    >
      {hiddenFields.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      {children}
      <noscript>
        <button type="submit" className={buttonClasses('secondary', 'mt-4 w-full')}>
          {submitLabel}
        </button>
      </noscript>
    </form>
  );
}
