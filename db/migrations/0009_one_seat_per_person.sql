-- One person holds at most one seat of a body. A database from before this rule may hold a person
-- in two seats of one body; vacating a seat here would be a governance change with no log entry,
-- so the upgrade stops instead and says what to do (the holder resigns the extra seat, logged,
-- on the previous version).
DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "seats" WHERE "holder_user_id" IS NOT NULL AND "retired_at" IS NULL
    GROUP BY "org_id", "body_key", "holder_user_id" HAVING count(*) > 1
  ) THEN
    RAISE EXCEPTION 'Quorate now enforces one seat per person per body, and this database has a person holding two seats of one body. Have them resign the extra seat (it is logged) on the previous version, then upgrade.';
  END IF;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX "seats_one_per_person_per_body" ON "seats" USING btree ("org_id","body_key","holder_user_id") WHERE "holder_user_id" IS NOT NULL AND "retired_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "proposal_stages" ADD COLUMN "holders_in_office" integer;
