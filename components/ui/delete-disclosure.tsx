import type { ReactNode } from 'react';
import { Button } from './button';
import { HiddenFields } from './field';
import { FormMessage } from './form-message';

/**
 * Deleting something for good, behind a disclosure so that one stray tap does not do it: what
 * is lost, then the button that confirms. A plain form: it works without JavaScript.
 */
export function DeleteDisclosure({
  summary,
  action,
  hidden,
  error,
  pending,
  confirm,
  children,
}: {
  /** "Delete this review…" */
  summary: string;
  action: (form: FormData) => void;
  /** What is deleted, as hidden fields. */
  hidden: Record<string, string | number>;
  error: string | null;
  pending: boolean;
  /** "Yes, delete my review" */
  confirm: string;
  /** What deleting does. */
  children: ReactNode;
}) {
  return (
    <details className="group rounded-2xl border border-stone-200 bg-white p-4 open:shadow-xs">
      <summary className="flex min-h-11 cursor-pointer items-center rounded-xl px-2 text-sm font-semibold text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
        {summary}
      </summary>
      <form action={action} className="mt-3 space-y-3 px-2">
        <HiddenFields values={hidden} />
        <p className="text-sm text-stone-700">{children}</p>
        {error ? <FormMessage tone="error">{error}</FormMessage> : null}
        <Button
          type="submit"
          disabled={pending}
          className="bg-red-700 hover:bg-red-800 active:bg-red-900"
        >
          {pending ? 'Deleting…' : confirm}
        </Button>
      </form>
    </details>
  );
}
