CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION unknot_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ select lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
--> statement-breakpoint
CREATE TABLE "search_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_document_locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_document_locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"therapist_id" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"therapist_id" integer PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"credentials" text NOT NULL,
	"headline" text NOT NULL,
	"bio" text NOT NULL,
	"modality_slugs" text[] NOT NULL,
	"modality_names" text[] NOT NULL,
	"condition_slugs" text[] NOT NULL,
	"condition_names" text[] NOT NULL,
	"intents" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"mobile_service" boolean NOT NULL,
	"pressure_min" smallint NOT NULL,
	"pressure_max" smallint NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"postal_codes" text[] NOT NULL,
	"rating_average" double precision,
	"damped_rating" double precision NOT NULL,
	"review_count" integer NOT NULL,
	"followed_up_count" integer NOT NULL,
	"lasting_relief_count" integer NOT NULL,
	"lasting_relief_score" double precision NOT NULL,
	"top_review" jsonb,
	"review_text" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"therapist_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"processed_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"document_count" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD CONSTRAINT "search_document_locations_therapist_id_search_documents_therapist_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."search_documents"("therapist_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_document_locations_therapist_idx" ON "search_document_locations" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "search_document_locations_geo_idx" ON "search_document_locations" USING btree ("latitude","longitude","therapist_id");--> statement-breakpoint
CREATE INDEX "search_documents_document_idx" ON "search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_documents_modalities_idx" ON "search_documents" USING gin ("modality_slugs");--> statement-breakpoint
CREATE INDEX "search_documents_conditions_idx" ON "search_documents" USING gin ("condition_slugs");--> statement-breakpoint
CREATE INDEX "search_documents_damped_idx" ON "search_documents" USING btree ("damped_rating" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_lasting_idx" ON "search_documents" USING btree ("lasting_relief_score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_reviews_idx" ON "search_documents" USING btree ("review_count" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_outbox_pending_idx" ON "search_outbox" USING btree ("available_at","id") WHERE "search_outbox"."processed_at" is null and "search_outbox"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);