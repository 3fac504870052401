import { CONFIDENTIALITY_REMINDER } from '@/lib/replies/reasons';

/** What an owner must keep in mind before replying to a review, next to the reply box. */
export function ConfidentialityReminder({ id }: { id: string }) {
  return (
    <div
      id={id}
      className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-semibold">{CONFIDENTIALITY_REMINDER.title}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {CONFIDENTIALITY_REMINDER.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <p className="mt-2">{CONFIDENTIALITY_REMINDER.held}</p>
    </div>
  );
}
