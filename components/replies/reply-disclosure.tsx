'use client';

import { useState, type ReactNode } from 'react';

/**
 * A disclosure whose first state comes from the server (open for a held reply) and then stays
 * as the owner leaves it: a save that changes the reply's state does not fold away its message.
 */
export function ReplyDisclosure({
  summary,
  initiallyOpen,
  children,
}: {
  summary: string;
  initiallyOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded-xl border border-stone-200 bg-white px-3 py-2"
    >
      <summary className="flex min-h-11 cursor-pointer items-center rounded-lg px-1 text-sm font-semibold text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
        {summary}
      </summary>
      <div className="mt-2 px-1 pb-2">{children}</div>
    </details>
  );
}
