-- The audit trail is append-only: ordinary UPDATE and DELETE are refused by a trigger.
-- A superuser can still disable the trigger; `zona audit verify` detects such tampering
-- through the SHA-256 hash chain.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
