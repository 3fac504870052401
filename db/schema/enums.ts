import { pgEnum } from 'drizzle-orm/pg-core';

export const USER_ROLES = ['member', 'therapist', 'moderator', 'admin'] as const;
export const INTENTS = ['relaxation', 'therapeutic', 'maintenance', 'sports', 'rehab'] as const;
export const THERAPIST_STATUSES = ['published', 'hidden'] as const;
export const LICENSE_STATUSES = ['unverified', 'verified', 'expired'] as const;
export const REVIEW_STATUSES = ['pending', 'published', 'not_recommended', 'removed'] as const;
export const PRESSURE_ADJUSTED = ['yes', 'no', 'not_asked'] as const;
export const MODALITY_FAMILIES = ['massage', 'asian_bodywork', 'related_care'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type Intent = (typeof INTENTS)[number];
export type TherapistStatus = (typeof THERAPIST_STATUSES)[number];
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type PressureAdjusted = (typeof PRESSURE_ADJUSTED)[number];
export type ModalityFamily = (typeof MODALITY_FAMILIES)[number];

export const userRole = pgEnum('user_role', USER_ROLES);
export const intent = pgEnum('intent', INTENTS);
export const therapistStatus = pgEnum('therapist_status', THERAPIST_STATUSES);
export const licenseStatus = pgEnum('license_status', LICENSE_STATUSES);
export const reviewStatus = pgEnum('review_status', REVIEW_STATUSES);
export const pressureAdjusted = pgEnum('pressure_adjusted', PRESSURE_ADJUSTED);
export const modalityFamily = pgEnum('modality_family', MODALITY_FAMILIES);
