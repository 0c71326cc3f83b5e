CREATE TABLE "log_attachments" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scheme" text NOT NULL,
	"sha256" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "log_attachments_org_id_name_pk" PRIMARY KEY("org_id","name")
);
--> statement-breakpoint
ALTER TABLE "notify_events" ADD COLUMN "audience" jsonb;--> statement-breakpoint
ALTER TABLE "notify_events" ADD COLUMN "fanned_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "log_attachments" ADD CONSTRAINT "log_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notify_events_fanout_due_idx" ON "notify_events" USING btree ("created_at") WHERE "notify_events"."audience" is not null and "notify_events"."fanned_out_at" is null;--> statement-breakpoint
CREATE INDEX "roll_entries_delegate_idx" ON "roll_entries" USING btree ("proposal_id","stage_index","delegate_user_id") WHERE "roll_entries"."delegate_user_id" is not null;--> statement-breakpoint
-- Attachments are part of the record, like the log that names them: append-only.
CREATE TRIGGER log_attachments_no_update BEFORE UPDATE ON log_attachments
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_log_rewrite();
--> statement-breakpoint
CREATE TRIGGER log_attachments_no_delete BEFORE DELETE ON log_attachments
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_log_rewrite();
--> statement-breakpoint
CREATE TRIGGER log_attachments_no_truncate BEFORE TRUNCATE ON log_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION quorate_refuse_log_rewrite();
--> statement-breakpoint
-- An attachment is mostly hex and ids, which pglz cannot shrink: storing it uncompressed saves
-- ~0.4 s per 16 MB attachment (a 100,000-member close) for no loss of space.
ALTER TABLE log_attachments ALTER COLUMN body SET STORAGE EXTERNAL;
