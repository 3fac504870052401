/** Words and limits the claim pages and forms share (no server code: components import it). */
import type { ClaimKind, ClaimStatus } from '@/db/schema/enums';

export const CLAIM_LIMITS = {
  evidenceMin: 20,
  evidenceMax: 4000,
  links: 10,
  linkMax: 500,
  licenseNumberMax: 40,
  licenseNameMax: 120,
  messageMax: 2000,
} as const;

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  awaiting_code: 'Waiting for the code',
  pending_review: 'With the moderators',
  more_info: 'Moderators asked for more',
  approved: 'Approved',
  refused: 'Refused',
  cancelled: 'Cancelled',
};

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  listing: 'Claim of a listing',
  dispute: 'Dispute over a claimed listing',
  new_listing: 'Request for a new listing',
};

export const CLAIM_DECISIONS = ['approve', 'refuse', 'more_info'] as const;
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];

export const CLAIM_DECISION_LABELS: Record<ClaimDecision, string> = {
  approve: 'Approve',
  refuse: 'Refuse',
  more_info: 'Ask the claimant for more',
};

export const LICENCE_MATCH_LABELS = {
  yes: 'Matches the licence on the listing',
  no: 'Does not match the licence on the listing',
  not_on_listing: 'The listing has no licence to compare with',
} as const;

export function isOpenClaimStatus(status: ClaimStatus): boolean {
  return status === 'awaiting_code' || status === 'pending_review' || status === 'more_info';
}
