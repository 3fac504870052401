-- Every change that affects a search document writes an outbox row in the same transaction.
-- Bulk loads that rebuild the index afterwards may switch this off for their own session with
-- the setting unknot.skip_search_outbox = 'on'.
CREATE OR REPLACE FUNCTION unknot_enqueue_search_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  id_column text := TG_ARGV[0];
  reason text := TG_TABLE_NAME || ' ' || lower(TG_OP);
BEGIN
  IF coalesce(current_setting('unknot.skip_search_outbox', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO search_outbox (therapist_id, reason) SELECT DISTINCT %I, $1 FROM new_rows WHERE %I IS NOT NULL', id_column, id_column) USING reason;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO search_outbox (therapist_id, reason) SELECT DISTINCT %I, $1 FROM old_rows WHERE %I IS NOT NULL', id_column, id_column) USING reason;
  ELSE
    EXECUTE format('INSERT INTO search_outbox (therapist_id, reason) SELECT %1$I, $1 FROM new_rows WHERE %1$I IS NOT NULL UNION SELECT %1$I, $1 FROM old_rows WHERE %1$I IS NOT NULL', id_column) USING reason;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A reviewer's new public name shows on the review snippets of the therapists they reviewed.
CREATE OR REPLACE FUNCTION unknot_enqueue_reviewer_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('unknot.skip_search_outbox', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO search_outbox (therapist_id, reason)
    SELECT DISTINCT r.therapist_id, 'users display name'
    FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.display_name IS DISTINCT FROM n.display_name
    JOIN reviews r ON r.author_id = n.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER therapists_search_insert AFTER INSERT ON therapists REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('id');
--> statement-breakpoint
CREATE TRIGGER therapists_search_update AFTER UPDATE ON therapists REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('id');
--> statement-breakpoint
CREATE TRIGGER therapists_search_delete AFTER DELETE ON therapists REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('id');
--> statement-breakpoint
CREATE TRIGGER practice_locations_search_insert AFTER INSERT ON practice_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER practice_locations_search_update AFTER UPDATE ON practice_locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER practice_locations_search_delete AFTER DELETE ON practice_locations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_modalities_search_insert AFTER INSERT ON therapist_modalities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_modalities_search_update AFTER UPDATE ON therapist_modalities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_modalities_search_delete AFTER DELETE ON therapist_modalities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_conditions_search_insert AFTER INSERT ON therapist_conditions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_conditions_search_update AFTER UPDATE ON therapist_conditions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_conditions_search_delete AFTER DELETE ON therapist_conditions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER reviews_search_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER reviews_search_update AFTER UPDATE ON reviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER reviews_search_delete AFTER DELETE ON reviews REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_stats_search_insert AFTER INSERT ON therapist_stats REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER therapist_stats_search_update AFTER UPDATE ON therapist_stats REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_search_update('therapist_id');
--> statement-breakpoint
CREATE TRIGGER users_search_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unknot_enqueue_reviewer_update();
