import { pgEnum } from 'drizzle-orm/pg-core';

export const USER_ROLES = ['member', 'therapist', 'moderator', 'admin'] as const;
export const INTENTS = ['relaxation', 'therapeutic', 'maintenance', 'sports', 'rehab'] as const;
/** `pending`: a listing made by its practitioner, waiting for a moderator's approval. */
export const THERAPIST_STATUSES = ['published', 'hidden', 'pending'] as const;
export const LICENSE_STATUSES = ['unverified', 'verified', 'expired'] as const;
export const REVIEW_STATUSES = ['pending', 'published', 'not_recommended', 'removed'] as const;
export const PRESSURE_ADJUSTED = ['yes', 'no', 'not_asked'] as const;
/**
 * `listing`: claim of an unclaimed listing; `dispute`: claim of a listing someone already holds;
 * `new_listing`: a practitioner who was not listed asks for a new listing.
 */
export const CLAIM_KINDS = ['listing', 'dispute', 'new_listing'] as const;
/**
 * `awaiting_code`: the licence matched and a code went to the listing's email;
 * `pending_review`: with the moderators; `more_info`: a moderator asked the claimant for more.
 */
export const CLAIM_STATUSES = [
  'awaiting_code',
  'pending_review',
  'more_info',
  'approved',
  'refused',
  'cancelled',
] as const;
export const OPEN_CLAIM_STATUSES = ['awaiting_code', 'pending_review', 'more_info'] as const;
export const REPLY_STATUSES = ['published', 'pending', 'removed'] as const;
export const MODALITY_FAMILIES = ['massage', 'asian_bodywork', 'related_care'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type Intent = (typeof INTENTS)[number];
export type TherapistStatus = (typeof THERAPIST_STATUSES)[number];
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type PressureAdjusted = (typeof PRESSURE_ADJUSTED)[number];
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export type ModalityFamily = (typeof MODALITY_FAMILIES)[number];

export const userRole = pgEnum('user_role', USER_ROLES);
export const intent = pgEnum('intent', INTENTS);
export const therapistStatus = pgEnum('therapist_status', THERAPIST_STATUSES);
export const licenseStatus = pgEnum('license_status', LICENSE_STATUSES);
export const reviewStatus = pgEnum('review_status', REVIEW_STATUSES);
export const pressureAdjusted = pgEnum('pressure_adjusted', PRESSURE_ADJUSTED);
export const modalityFamily = pgEnum('modality_family', MODALITY_FAMILIES);
export const claimKind = pgEnum('claim_kind', CLAIM_KINDS);
export const claimStatus = pgEnum('claim_status', CLAIM_STATUSES);
export const replyStatus = pgEnum('reply_status', REPLY_STATUSES);
