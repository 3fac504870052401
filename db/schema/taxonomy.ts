import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  index,
} from 'drizzle-orm/pg-core';
import { modalityFamily } from './enums';
import { therapists } from './therapists';

export const modalities = pgTable(
  'modalities',
  {
    id: smallint('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    family: modalityFamily('family').notNull(),
    description: text('description').notNull(),
    /** Words people type for this modality ("deep-tissue", "deep massage"). */
    synonyms: text('synonyms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Practices that are separate licensed professions, listed so people can find referrals. */
    separateProfession: boolean('separate_profession').notNull().default(false),
  },
  (t) => [
    uniqueIndex('modalities_slug_key').on(t.slug),
    check('modalities_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const conditions = pgTable(
  'conditions',
  {
    id: smallint('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    bodyArea: text('body_area').notNull(),
    /** Words people type for this condition ("tech neck", "pain down my leg"). */
    synonyms: text('synonyms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('conditions_slug_key').on(t.slug),
    check('conditions_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const therapistModalities = pgTable(
  'therapist_modalities',
  {
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    modalityId: smallint('modality_id')
      .notNull()
      .references(() => modalities.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.therapistId, t.modalityId] }),
    index('therapist_modalities_modality_idx').on(t.modalityId, t.therapistId),
  ],
);

export const therapistConditions = pgTable(
  'therapist_conditions',
  {
    therapistId: integer('therapist_id')
      .notNull()
      .references(() => therapists.id, { onDelete: 'cascade' }),
    conditionId: smallint('condition_id')
      .notNull()
      .references(() => conditions.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.therapistId, t.conditionId] }),
    index('therapist_conditions_condition_idx').on(t.conditionId, t.therapistId),
  ],
);
