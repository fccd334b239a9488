CREATE INDEX "session_expires_idx" ON "session" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "audit_event_unit_idx" ON "audit_event" USING btree ("unit_id","seq");