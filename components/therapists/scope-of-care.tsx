/**
 * What the practitioner does not treat and whom they refer people to, in their own words, so
 * people know before they book. Renders nothing when neither is given.
 */
export function ScopeOfCare({ notTreated, referrals }: { notTreated: string; referrals: string }) {
  const parts = [
    { id: 'not-treated', title: 'Does not treat', text: notTreated.trim() },
    { id: 'refers-to', title: 'Refers to', text: referrals.trim() },
  ].filter((part) => part.text !== '');
  if (parts.length === 0) return null;
  return (
    <div className="space-y-5">
      {parts.map((part) => (
        <div key={part.id}>
          <h3 id={`${part.id}-heading`} className="text-sm font-semibold text-stone-700">
            {part.title}
          </h3>
          <p className="mt-1 max-w-prose text-[0.9375rem] leading-relaxed whitespace-pre-line text-stone-800">
            {part.text}
          </p>
        </div>
      ))}
    </div>
  );
}
