import type { ContactChangeLine } from '@/lib/listings/contact';

/** "Phone: (212) 555-0101 → (212) 555-0199", one line per detail that changes. */
export function ContactChangeLines({ lines }: { lines: readonly ContactChangeLine[] }) {
  return (
    <dl className="space-y-2 text-sm">
      {lines.map((line) => (
        <div key={line.field} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-stone-700">{line.label}</dt>
          <dd className="break-words text-stone-900">
            <span className="sr-only">from </span>
            <span>{line.from ?? 'none'}</span>
            <span aria-hidden="true"> → </span>
            <span className="sr-only"> to </span>
            <span className="font-semibold">{line.to ?? 'removed'}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
