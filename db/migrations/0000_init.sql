CREATE TYPE "public"."intent" AS ENUM('relaxation', 'therapeutic', 'maintenance', 'sports', 'rehab');--> statement-breakpoint
CREATE TYPE "public"."license_status" AS ENUM('unverified', 'verified', 'expired');--> statement-breakpoint
CREATE TYPE "public"."modality_family" AS ENUM('massage', 'asian_bodywork', 'related_care');--> statement-breakpoint
CREATE TYPE "public"."pressure_adjusted" AS ENUM('yes', 'no', 'not_asked');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('pending', 'published', 'not_recommended', 'removed');--> statement-breakpoint
CREATE TYPE "public"."therapist_status" AS ENUM('published', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('member', 'therapist', 'moderator', 'admin');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"role" "user_role" DEFAULT 'member' NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_display_name_length" CHECK (char_length("users"."display_name") between 2 and 40),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "practice_locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "practice_locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"therapist_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" text DEFAULT 'US' NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "practice_locations_latitude" CHECK ("practice_locations"."latitude" between -90 and 90),
	CONSTRAINT "practice_locations_longitude" CHECK ("practice_locations"."longitude" between -180 and 180),
	CONSTRAINT "practice_locations_dates" CHECK ("practice_locations"."ends_on" is null or "practice_locations"."ends_on" >= "practice_locations"."starts_on"),
	CONSTRAINT "practice_locations_country" CHECK ("practice_locations"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "therapist_stats" (
	"therapist_id" integer PRIMARY KEY NOT NULL,
	"review_count" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"rating_average" double precision,
	"damped_rating" double precision,
	"star_counts" integer[] DEFAULT '{0,0,0,0,0}'::int[] NOT NULL,
	"outcome_reports" integer DEFAULT 0 NOT NULL,
	"improved_count" integer DEFAULT 0 NOT NULL,
	"followed_up_count" integer DEFAULT 0 NOT NULL,
	"lasting_relief_count" integer DEFAULT 0 NOT NULL,
	"pending_count" integer DEFAULT 0 NOT NULL,
	"not_recommended_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapist_stats_star_counts_len" CHECK (cardinality("therapist_stats"."star_counts") = 5),
	CONSTRAINT "therapist_stats_counts" CHECK ("therapist_stats"."improved_count" <= "therapist_stats"."outcome_reports" and "therapist_stats"."lasting_relief_count" <= "therapist_stats"."followed_up_count" and "therapist_stats"."review_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "therapists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "therapists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"credentials" text DEFAULT '' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"intents" "intent"[] DEFAULT '{}' NOT NULL,
	"pressure_min" smallint DEFAULT 1 NOT NULL,
	"pressure_max" smallint DEFAULT 5 NOT NULL,
	"languages" text[] DEFAULT '{en}'::text[] NOT NULL,
	"mobile_service" boolean DEFAULT false NOT NULL,
	"contact_email" text,
	"phone" text,
	"website" text,
	"booking_url" text,
	"license_state" text,
	"license_number" text,
	"license_status" "license_status" DEFAULT 'unverified' NOT NULL,
	"claimed_by_user_id" text,
	"status" "therapist_status" DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapists_slug_format" CHECK ("therapists"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "therapists_name_length" CHECK (char_length("therapists"."name") between 2 and 120),
	CONSTRAINT "therapists_pressure_range" CHECK ("therapists"."pressure_min" between 1 and 5 and "therapists"."pressure_max" between 1 and 5 and "therapists"."pressure_min" <= "therapists"."pressure_max"),
	CONSTRAINT "therapists_license_state_format" CHECK ("therapists"."license_state" is null or "therapists"."license_state" ~ '^[A-Z]{2}$'),
	CONSTRAINT "therapists_license_pair" CHECK (("therapists"."license_state" is null) = ("therapists"."license_number" is null)),
	CONSTRAINT "therapists_contact_email_format" CHECK ("therapists"."contact_email" is null or "therapists"."contact_email" ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
	CONSTRAINT "therapists_booking_url_format" CHECK ("therapists"."booking_url" is null or "therapists"."booking_url" ~ '^https://'),
	CONSTRAINT "therapists_website_format" CHECK ("therapists"."website" is null or "therapists"."website" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "conditions" (
	"id" smallint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conditions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 32767 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"body_area" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "conditions_slug_format" CHECK ("conditions"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "modalities" (
	"id" smallint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "modalities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 32767 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"family" "modality_family" NOT NULL,
	"description" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"separate_profession" boolean DEFAULT false NOT NULL,
	CONSTRAINT "modalities_slug_format" CHECK ("modalities"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "therapist_conditions" (
	"therapist_id" integer NOT NULL,
	"condition_id" smallint NOT NULL,
	CONSTRAINT "therapist_conditions_therapist_id_condition_id_pk" PRIMARY KEY("therapist_id","condition_id")
);
--> statement-breakpoint
CREATE TABLE "therapist_modalities" (
	"therapist_id" integer NOT NULL,
	"modality_id" smallint NOT NULL,
	CONSTRAINT "therapist_modalities_therapist_id_modality_id_pk" PRIMARY KEY("therapist_id","modality_id")
);
--> statement-breakpoint
CREATE TABLE "review_follow_ups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_follow_ups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"review_id" integer NOT NULL,
	"weeks_after" smallint NOT NULL,
	"pain_now" smallint NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_follow_ups_weeks" CHECK ("review_follow_ups"."weeks_after" in (2, 6, 12)),
	CONSTRAINT "review_follow_ups_pain_range" CHECK ("review_follow_ups"."pain_now" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "review_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"review_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"author_id" text,
	"therapist_id" integer NOT NULL,
	"rating" smallint NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"visit_month" date,
	"sessions_count" smallint,
	"intent" "intent",
	"condition_id" smallint,
	"condition_public" boolean DEFAULT false NOT NULL,
	"condition_consent_at" timestamp with time zone,
	"condition_consent_text" text,
	"pain_before" smallint,
	"pain_now" smallint,
	"pressure_wanted" smallint,
	"pressure_received" smallint,
	"pressure_adjusted" "pressure_adjusted",
	"assessed_before" boolean,
	"explained_cause" boolean,
	"gave_home_care" boolean,
	"set_expectations" boolean,
	"referred_out" boolean,
	"would_recommend" boolean,
	"status" "review_status" DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "reviews_rating_range" CHECK ("reviews"."rating" between 1 and 5),
	CONSTRAINT "reviews_body_length" CHECK (char_length("reviews"."body") between 1 and 5000),
	CONSTRAINT "reviews_title_length" CHECK (char_length("reviews"."title") <= 120),
	CONSTRAINT "reviews_pain_before_range" CHECK ("reviews"."pain_before" is null or "reviews"."pain_before" between 0 and 10),
	CONSTRAINT "reviews_pain_now_range" CHECK ("reviews"."pain_now" is null or "reviews"."pain_now" between 0 and 10),
	CONSTRAINT "reviews_pressure_range" CHECK (("reviews"."pressure_wanted" is null or "reviews"."pressure_wanted" between 1 and 5) and ("reviews"."pressure_received" is null or "reviews"."pressure_received" between 1 and 5)),
	CONSTRAINT "reviews_sessions_range" CHECK ("reviews"."sessions_count" is null or "reviews"."sessions_count" between 1 and 200),
	CONSTRAINT "reviews_visit_month_first_day" CHECK ("reviews"."visit_month" is null or extract(day from "reviews"."visit_month") = 1),
	CONSTRAINT "reviews_condition_consent" CHECK (not "reviews"."condition_public" or ("reviews"."condition_id" is not null and "reviews"."condition_consent_at" is not null and "reviews"."condition_consent_text" is not null)),
	CONSTRAINT "reviews_published_at" CHECK ("reviews"."status" <> 'published' or "reviews"."published_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_locations" ADD CONSTRAINT "practice_locations_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_stats" ADD CONSTRAINT "therapist_stats_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_claimed_by_user_id_users_id_fk" FOREIGN KEY ("claimed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_conditions" ADD CONSTRAINT "therapist_conditions_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_conditions" ADD CONSTRAINT "therapist_conditions_condition_id_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."conditions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_modalities" ADD CONSTRAINT "therapist_modalities_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_modalities" ADD CONSTRAINT "therapist_modalities_modality_id_modalities_id_fk" FOREIGN KEY ("modality_id") REFERENCES "public"."modalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_follow_ups" ADD CONSTRAINT "review_follow_ups_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_versions" ADD CONSTRAINT "review_versions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_condition_id_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."conditions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "practice_locations_therapist_idx" ON "practice_locations" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "practice_locations_geo_idx" ON "practice_locations" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "practice_locations_postal_idx" ON "practice_locations" USING btree ("postal_code");--> statement-breakpoint
CREATE INDEX "practice_locations_city_idx" ON "practice_locations" USING btree (lower("city"),"region");--> statement-breakpoint
CREATE INDEX "therapist_stats_damped_idx" ON "therapist_stats" USING btree ("damped_rating");--> statement-breakpoint
CREATE UNIQUE INDEX "therapists_slug_key" ON "therapists" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "therapists_claimed_by_idx" ON "therapists" USING btree ("claimed_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "therapists_license_key" ON "therapists" USING btree ("license_state","license_number");--> statement-breakpoint
CREATE UNIQUE INDEX "conditions_slug_key" ON "conditions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "modalities_slug_key" ON "modalities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "therapist_conditions_condition_idx" ON "therapist_conditions" USING btree ("condition_id","therapist_id");--> statement-breakpoint
CREATE INDEX "therapist_modalities_modality_idx" ON "therapist_modalities" USING btree ("modality_id","therapist_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_follow_ups_review_weeks_key" ON "review_follow_ups" USING btree ("review_id","weeks_after");--> statement-breakpoint
CREATE UNIQUE INDEX "review_versions_review_version_key" ON "review_versions" USING btree ("review_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_author_therapist_key" ON "reviews" USING btree ("author_id","therapist_id");--> statement-breakpoint
CREATE INDEX "reviews_therapist_published_idx" ON "reviews" USING btree ("therapist_id","published_at" DESC NULLS LAST) WHERE "reviews"."status" = 'published';--> statement-breakpoint
CREATE INDEX "reviews_therapist_status_idx" ON "reviews" USING btree ("therapist_id","status");--> statement-breakpoint
CREATE INDEX "reviews_author_idx" ON "reviews" USING btree ("author_id");