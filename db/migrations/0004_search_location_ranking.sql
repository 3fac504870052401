-- The index is derived data: it is emptied here and rebuilt (npm run search:reindex; npm run dev does it).
DELETE FROM search_documents;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "languages" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "mobile_service" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "pressure_min" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "pressure_max" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "rating_average" double precision;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "damped_rating" double precision NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "review_count" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "lasting_relief_score" double precision NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "modality_mask" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "condition_mask" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "intent_mask" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "search_document_locations" ADD COLUMN "quality" double precision NOT NULL;