import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ClaimStatus } from '@/db/schema/enums';
import { CLAIM_STATUS_LABELS } from '@/lib/claims/labels';

const TONES: Record<ClaimStatus, BadgeTone> = {
  awaiting_code: 'brand',
  pending_review: 'warning',
  more_info: 'warning',
  approved: 'success',
  refused: 'danger',
  cancelled: 'neutral',
};

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return <Badge tone={TONES[status]}>{CLAIM_STATUS_LABELS[status]}</Badge>;
}
