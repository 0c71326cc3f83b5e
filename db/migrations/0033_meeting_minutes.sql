CREATE TYPE "public"."closed_matter_kind" AS ENUM('personnel', 'legal', 'security', 'other');--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"text" text NOT NULL,
	"text_sha256" text NOT NULL,
	"closed_matter" "closed_matter_kind",
	"drafted_by" text,
	"drafted_at" timestamp with time zone NOT NULL,
	"sealed_at" timestamp with time zone,
	"discloses_at" timestamp with time zone,
	"disclosed_at" timestamp with time zone,
	CONSTRAINT "meeting_minutes_one_per_meeting" UNIQUE("meeting_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"user_id" text,
	"revision" integer NOT NULL,
	"approve" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_minutes_votes_one_per_revision" UNIQUE("minutes_id","user_id","revision")
);
--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes_votes" ADD CONSTRAINT "meeting_minutes_votes_minutes_id_meeting_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."meeting_minutes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes_votes" ADD CONSTRAINT "meeting_minutes_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Sealed minutes never change: only the worker's disclosure (disclosed_at, once) and a drafter's
-- account deletion (drafted_by set null) may touch a sealed row.
CREATE OR REPLACE FUNCTION quorate_refuse_sealed_minutes_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.sealed_at IS NOT NULL AND (
    NEW.text IS DISTINCT FROM OLD.text OR NEW.text_sha256 IS DISTINCT FROM OLD.text_sha256
    OR NEW.revision IS DISTINCT FROM OLD.revision OR NEW.closed_matter IS DISTINCT FROM OLD.closed_matter
    OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id OR NEW.drafted_at IS DISTINCT FROM OLD.drafted_at
    OR NEW.sealed_at IS DISTINCT FROM OLD.sealed_at OR NEW.discloses_at IS DISTINCT FROM OLD.discloses_at
    OR (OLD.disclosed_at IS NOT NULL AND NEW.disclosed_at IS DISTINCT FROM OLD.disclosed_at)
  ) THEN
    RAISE EXCEPTION 'meeting_minutes are sealed: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_minutes_sealed_no_update BEFORE UPDATE ON meeting_minutes
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_sealed_minutes_change();
