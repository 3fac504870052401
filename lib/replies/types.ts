/**
 * What pages and components receive about owners' replies. Built only by lib/replies; no raw
 * rows (no user ids, no emails).
 */
import type { ReplyStatus } from '@/db/schema/enums';
import type { Page, PublicReview } from '@/lib/therapists/types';
import type { ReplyHoldReason } from './reasons';

/** Something in a reply that looks like it discloses a client's health or identity. */
export interface ReplyFinding {
  reason: ReplyHoldReason;
  label: string;
  /** The words that set it off. */
  excerpt: string;
}

/** The owner's own reply to a review, as the owner sees it. */
export interface OwnReply {
  id: number;
  reviewId: number;
  body: string;
  /** published: public; pending: held for a moderator; removed: a moderator took it down. */
  status: ReplyStatus;
  /** The stored reason code, when held or removed. */
  reasonCode: string | null;
  /** The same in words. */
  reason: string | null;
  /** For a held reply: what the check found in the text (recomputed, so always current). */
  findings: ReplyFinding[];
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  /** When a moderator last decided on it (ISO), if one did. */
  moderatedAt: string | null;
  /** A removed reply cannot be edited, replaced or deleted. */
  editable: boolean;
}

/** A published review of the owner's listing with the owner's reply to it, if any. */
export interface OwnerReview {
  review: Omit<PublicReview, 'helpful' | 'reply'>;
  reply: OwnReply | null;
}

export interface OwnerReviewList {
  listing: { name: string; slug: string };
  reviews: Page<OwnerReview>;
  unansweredOnly: boolean;
  counts: {
    /** Published reviews of the listing. */
    published: number;
    /** Of those, how many have no reply at all. */
    unanswered: number;
    /** Replies held for a moderator. */
    held: number;
  };
}

/** What the owner learns after saving a reply. */
export interface SavedReply {
  /** unchanged: the same text was sent again; nothing was written. */
  outcome: 'created' | 'updated' | 'unchanged';
  reply: OwnReply;
  therapistSlug: string;
}

/** A held reply on the moderators' queue, with the review it answers. */
export interface HeldReply {
  id: number;
  body: string;
  reasonCode: string | null;
  reason: string | null;
  findings: ReplyFinding[];
  /** ISO timestamp of the text being decided on (a decision must be about this text). */
  updatedAt: string;
  waitingHours: number;
  edited: boolean;
  review: {
    id: number;
    title: string;
    body: string;
    authorName: string;
    /** ISO timestamp. */
    publishedAt: string | null;
  };
  listing: { slug: string; name: string };
  /** The viewer holds this listing, wrote this reply or wrote the review, so another moderator decides. */
  yours: boolean;
}

export interface HeldReplyQueue {
  items: HeldReply[];
  total: number;
  /** Hours the oldest held reply has waited; null when none waits. */
  oldestHours: number | null;
}
