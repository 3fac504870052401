import { Badge, type BadgeTone } from '@/components/ui/badge';
import { AlertIcon, ShieldCheckIcon } from '@/components/ui/icons';
import { LICENSE_STATUS_LABELS } from '@/lib/format';
import type { TherapistProfile } from '@/lib/therapists/types';

const TONE: Record<NonNullable<TherapistProfile['license']>['status'], BadgeTone> = {
  verified: 'success',
  unverified: 'warning',
  expired: 'danger',
};

/** The therapist's license and whether it has been checked. */
export function LicenseStatus({ license }: { license: TherapistProfile['license'] }) {
  if (!license) {
    return <Badge icon={<AlertIcon className="size-3.5" />}>No license on file</Badge>;
  }
  const verified = license.status === 'verified';
  return (
    <Badge
      tone={TONE[license.status]}
      icon={
        verified ? <ShieldCheckIcon className="size-3.5" /> : <AlertIcon className="size-3.5" />
      }
    >
      {license.state} license #{license.number} · {LICENSE_STATUS_LABELS[license.status]}
    </Badge>
  );
}
