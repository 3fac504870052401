import 'server-only';
import type { ReviewStatus } from '@/db/schema';
import { describeStatusReason, isRiskReason } from '@/lib/reviews/risk';
import { MODERATION_REASONS, REPORTED_HOLD_REASON, statusReasonLabel } from './reasons';

const DECIDED = new Set<string>([...MODERATION_REASONS, REPORTED_HOLD_REASON]);

/**
 * A review's status reason in words, for its status: a pending review's risk-check code by the
 * risk check's message, a moderator's reason by its label, an older sentence as it is.
 */
export function describeReviewReason(
  status: ReviewStatus,
  reason: string | null | undefined,
): string | null {
  if (!reason) return null;
  if (status === 'pending' && isRiskReason(reason)) return describeStatusReason(reason);
  if (DECIDED.has(reason)) return statusReasonLabel(reason);
  if (isRiskReason(reason)) return describeStatusReason(reason);
  return statusReasonLabel(reason);
}
