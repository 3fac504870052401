import { Badge } from '@/components/ui/badge';
import { PinIcon } from '@/components/ui/icons';
import { formatMonthYear } from '@/lib/format';
import type { PracticeLocation } from '@/lib/therapists/types';

/** Where the therapist practises now, then where they practised before. */
export function PracticeLocations({ locations }: { locations: readonly PracticeLocation[] }) {
  if (locations.length === 0) {
    return <p className="text-sm text-stone-600">No practice location listed.</p>;
  }
  const ordered = [...locations.filter((l) => l.current), ...locations.filter((l) => !l.current)];
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {ordered.map((location) => {
        const until = location.current ? null : formatMonthYear(location.endsOn);
        return (
          <li
            key={`${location.name}-${location.startsOn}-${location.address}`}
            className="flex gap-3 rounded-xl border border-stone-200 p-4"
          >
            <PinIcon
              className={location.current ? 'mt-0.5 text-teal-700' : 'mt-0.5 text-stone-400'}
            />
            <div className="min-w-0 text-sm">
              <p className="font-semibold text-stone-900">{location.name}</p>
              <p className="text-stone-700">{location.address}</p>
              <p className="text-stone-700">
                {location.city}, {location.region} {location.postalCode}
              </p>
              <p className="mt-2">
                {location.current ? (
                  <Badge tone="success">Current</Badge>
                ) : (
                  <span className="text-stone-600">
                    {until ? `Practiced here until ${until}` : 'Practiced here earlier'}
                  </span>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
