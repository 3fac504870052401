import 'server-only';
import { sql } from 'drizzle-orm';
import { reviewReplies, type ReplyStatus } from '@/db/schema';
import { checkReplyDisclosure } from './check';
import { isReplyHoldReason, replyReasonLabel } from './reasons';
import type { OwnReply, ReplyFinding } from './types';

/** Whether a reply was edited after it was first written. */
export const replyEdited =
  sql<boolean>`(${reviewReplies.updatedAt} > ${reviewReplies.createdAt})`.mapWith(Boolean);

/** The columns of a reply that its owner sees. */
export interface ReplyRow {
  id: number;
  reviewId: number;
  body: string;
  status: ReplyStatus;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Edited after it was first written (compared in the database, to the microsecond). */
  edited: boolean;
  moderatedAt: Date | null;
}

/** The columns of a ReplyRow. */
export const REPLY_ROW_COLUMNS = {
  id: reviewReplies.id,
  reviewId: reviewReplies.reviewId,
  body: reviewReplies.body,
  status: reviewReplies.status,
  statusReason: reviewReplies.statusReason,
  createdAt: reviewReplies.createdAt,
  updatedAt: reviewReplies.updatedAt,
  edited: replyEdited,
  moderatedAt: reviewReplies.moderatedAt,
};

/**
 * What the check finds in a held reply's text, worked out again when it is read: the words
 * behind the hold, without storing them anywhere else.
 */
export function heldFindings(
  row: Pick<ReplyRow, 'body' | 'status' | 'statusReason'>,
  reviewerName: string | null,
  ownerNames: readonly (string | null)[] = [],
): ReplyFinding[] {
  if (row.status !== 'pending' || !isReplyHoldReason(row.statusReason)) return [];
  return checkReplyDisclosure(row.body, { reviewerName, ownerNames });
}

/** `ownerNames`: the listing's name and the owner's public name (see checkReplyDisclosure). */
export function toOwnReply(
  row: ReplyRow,
  reviewerName: string | null,
  ownerNames: readonly (string | null)[] = [],
): OwnReply {
  return {
    id: row.id,
    reviewId: row.reviewId,
    body: row.body,
    status: row.status,
    reasonCode: row.statusReason,
    reason: replyReasonLabel(row.status, row.statusReason),
    findings: heldFindings(row, reviewerName, ownerNames),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    edited: Boolean(row.edited),
    moderatedAt: row.moderatedAt ? row.moderatedAt.toISOString() : null,
    editable: row.status !== 'removed',
  };
}
