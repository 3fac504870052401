CREATE TYPE "public"."claim_kind" AS ENUM('listing', 'dispute', 'new_listing');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('awaiting_code', 'pending_review', 'more_info', 'approved', 'refused', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."reply_status" AS ENUM('published', 'pending', 'removed');--> statement-breakpoint
ALTER TYPE "public"."therapist_status" ADD VALUE 'pending';--> statement-breakpoint
CREATE TABLE "review_invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"therapist_id" integer NOT NULL,
	"sender_id" text,
	"email_hash" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_replies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_replies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"review_id" integer NOT NULL,
	"therapist_id" integer NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"status" "reply_status" DEFAULT 'published' NOT NULL,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moderated_by_id" text,
	"moderated_at" timestamp with time zone,
	CONSTRAINT "review_replies_body_length" CHECK (char_length("review_replies"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "contact_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"therapist_id" integer NOT NULL,
	"requested_by_id" text,
	"changes" jsonb NOT NULL,
	"previous" jsonb NOT NULL,
	"notified_email" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applies_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_id" text,
	CONSTRAINT "contact_changes_one_end" CHECK ("contact_changes"."applied_at" is null or "contact_changes"."cancelled_at" is null)
);
--> statement-breakpoint
CREATE TABLE "listing_claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listing_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"therapist_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"kind" "claim_kind" NOT NULL,
	"status" "claim_status" NOT NULL,
	"license_state" text,
	"license_number" text,
	"license_name" text,
	"license_matched" text,
	"code_hash" text,
	"code_sent_to" text,
	"code_expires_at" timestamp with time zone,
	"code_attempts" smallint DEFAULT 0 NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"moderator_message" text,
	"decided_by_id" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_claims_evidence_length" CHECK (char_length("listing_claims"."evidence") <= 4000),
	CONSTRAINT "listing_claims_evidence_links" CHECK (cardinality("listing_claims"."evidence_links") <= 10),
	CONSTRAINT "listing_claims_code" CHECK (("listing_claims"."code_hash" is null) = ("listing_claims"."code_expires_at" is null) and ("listing_claims"."code_hash" is null) = ("listing_claims"."code_sent_to" is null))
);
--> statement-breakpoint
CREATE TABLE "listing_daily_counts" (
	"therapist_id" integer NOT NULL,
	"day" date NOT NULL,
	"search_appearances" integer DEFAULT 0 NOT NULL,
	"profile_views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "listing_daily_counts_therapist_id_day_pk" PRIMARY KEY("therapist_id","day")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "therapist_id" integer;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "not_treated" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "referrals" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "prices" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "invitation_id" integer;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_replies" ADD CONSTRAINT "review_replies_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_replies" ADD CONSTRAINT "review_replies_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_replies" ADD CONSTRAINT "review_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_replies" ADD CONSTRAINT "review_replies_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD CONSTRAINT "listing_claims_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD CONSTRAINT "listing_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD CONSTRAINT "listing_claims_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_daily_counts" ADD CONSTRAINT "listing_daily_counts_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_invitations_therapist_email_key" ON "review_invitations" USING btree ("therapist_id","email_hash");--> statement-breakpoint
CREATE INDEX "review_invitations_sender_idx" ON "review_invitations" USING btree ("sender_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_replies_review_key" ON "review_replies" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_replies_therapist_idx" ON "review_replies" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "review_replies_pending_idx" ON "review_replies" USING btree ("updated_at") WHERE "review_replies"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "contact_changes_waiting_key" ON "contact_changes" USING btree ("therapist_id") WHERE "contact_changes"."applied_at" is null and "contact_changes"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "contact_changes_requested_by_idx" ON "contact_changes" USING btree ("requested_by_id");--> statement-breakpoint
CREATE INDEX "contact_changes_cancelled_by_idx" ON "contact_changes" USING btree ("cancelled_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_claims_open_key" ON "listing_claims" USING btree ("therapist_id","user_id") WHERE "listing_claims"."status" in ('awaiting_code', 'pending_review', 'more_info');--> statement-breakpoint
CREATE INDEX "listing_claims_queue_idx" ON "listing_claims" USING btree ("created_at") WHERE "listing_claims"."status" in ('pending_review', 'more_info');--> statement-breakpoint
CREATE INDEX "listing_claims_user_idx" ON "listing_claims" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "listing_claims_decided_by_idx" ON "listing_claims" USING btree ("decided_by_id");--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_invitation_id_review_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."review_invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_therapist_idx" ON "audit_log" USING btree ("therapist_id","at") WHERE "audit_log"."therapist_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_invitation_key" ON "reviews" USING btree ("invitation_id");--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_not_treated_length" CHECK (char_length("therapists"."not_treated") <= 2000);--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_referrals_length" CHECK (char_length("therapists"."referrals") <= 2000);--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_hours_array" CHECK (jsonb_typeof("therapists"."hours") = 'array');--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_prices_array" CHECK (jsonb_typeof("therapists"."prices") = 'array');