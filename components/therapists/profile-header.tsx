import { Badge } from '@/components/ui/badge';
import { CheckIcon, HomeIcon, PinIcon } from '@/components/ui/icons';
import type { TherapistProfile } from '@/lib/therapists/types';
import { LicenseStatus } from './license-status';

/** Name, credentials, headline and the facts that establish trust. */
export function ProfileHeader({ therapist }: { therapist: TherapistProfile }) {
  const current = therapist.locations.find((location) => location.current);
  return (
    <header>
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
        {therapist.name}
        {therapist.credentials ? (
          <span className="font-normal text-stone-600">, {therapist.credentials}</span>
        ) : null}
      </h1>
      <p className="mt-2 max-w-3xl text-lg text-pretty text-stone-700">{therapist.headline}</p>
      {current ? (
        <p className="mt-3 inline-flex items-center gap-1.5 text-sm text-stone-700">
          <PinIcon className="text-stone-500" />
          {current.city}, {current.region}
        </p>
      ) : null}
      <ul className="mt-4 flex flex-wrap gap-2">
        <li>
          <LicenseStatus license={therapist.license} />
        </li>
        <li>
          {therapist.claimed ? (
            <Badge tone="brand" icon={<CheckIcon className="size-3.5" />}>
              Claimed by the therapist
            </Badge>
          ) : (
            <Badge>Not yet claimed by the therapist</Badge>
          )}
        </li>
        {therapist.mobileService ? (
          <li>
            <Badge tone="brand" icon={<HomeIcon className="size-3.5" />}>
              Mobile / in-home
            </Badge>
          </li>
        ) : null}
      </ul>
    </header>
  );
}
