-- The index is derived data: it is emptied here and rebuilt (npm run search:reindex; npm run dev does it).
DELETE FROM search_documents;--> statement-breakpoint
DROP INDEX "search_documents_modalities_idx";--> statement-breakpoint
DROP INDEX "search_documents_conditions_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "review_document" "tsvector" NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "modality_mask" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "condition_mask" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "intent_mask" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "quality" double precision NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_review_document_idx" ON "search_documents" USING gin ("review_document");--> statement-breakpoint
-- Keep the rows that searches scan narrow: long texts and vectors live out of line, read only
-- for the few rows a page shows or a text query ranks.
ALTER TABLE "search_documents" SET (toast_tuple_target = 128);
