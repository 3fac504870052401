import type { InvitationWording } from '@/lib/invitations/mail';

/**
 * The invitation exactly as every client receives it, shown before sending. It is text, not a
 * field: the owner cannot change it (the same neutral words go to everyone).
 */
export function InvitationPreview({ wording }: { wording: InvitationWording }) {
  return (
    <figure
      aria-labelledby="invitation-preview-caption"
      className="rounded-2xl border border-stone-200 bg-stone-50 p-4 sm:p-5"
    >
      <figcaption id="invitation-preview-caption" className="text-sm font-semibold text-stone-900">
        The email every client receives
      </figcaption>
      <div className="mt-3 rounded-xl border border-stone-200 bg-white p-4 text-sm leading-relaxed text-stone-800">
        <p className="border-b border-stone-200 pb-2">
          <span className="text-stone-600">Subject: </span>
          <span className="font-semibold text-stone-900">{wording.subject}</span>
        </p>
        <div className="mt-3 space-y-3">
          {wording.intro.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p>
            <span className="inline-flex min-h-10 items-center rounded-lg bg-teal-700 px-4 font-semibold text-white">
              {wording.button}
            </span>
            <span className="ml-2 text-stone-600">(a personal link for each client)</span>
          </p>
          {wording.notes.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      </div>
    </figure>
  );
}
