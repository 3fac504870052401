/**
 * A link a claimant gave as evidence, for moderators: only https addresses become links, with
 * no ranking credit, referrer or window access; anything else stays text.
 */
export function EvidenceLink({ href }: { href: string }) {
  let safe = false;
  try {
    safe = new URL(href).protocol === 'https:';
  } catch {
    safe = false;
  }
  if (!safe) return <span className="break-all">{href}</span>;
  return (
    <a
      href={href}
      rel="nofollow noopener noreferrer ugc"
      target="_blank"
      className="font-semibold break-all text-teal-800 underline underline-offset-2 hover:text-teal-900"
    >
      {href}
    </a>
  );
}
