import type { ReplyFinding } from '@/lib/replies/types';

/** Why the check held a reply: each reason with the words that set it off. */
export function ReplyFindings({ findings }: { findings: ReplyFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="mt-1 list-disc space-y-1 pl-5">
      {findings.map((finding) => (
        <li key={finding.reason}>
          {finding.label}{' '}
          <span className="text-stone-700">
            (“<span className="font-medium">{finding.excerpt}</span>”)
          </span>
        </li>
      ))}
    </ul>
  );
}
