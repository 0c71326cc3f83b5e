-- One person holds at most one seat of a body. A database from before this rule may hold a person
-- in two seats of one body (strength already counted them once): their higher seats are vacated,
-- keeping the lowest position, so the unique index can be built.
UPDATE "seats" SET "holder_user_id" = NULL, "vacated_at" = now(), "term_ends_at" = now()
WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (PARTITION BY "org_id", "body_key", "holder_user_id" ORDER BY "position") AS "rn"
    FROM "seats" WHERE "holder_user_id" IS NOT NULL AND "retired_at" IS NULL
  ) AS "held" WHERE "held"."rn" > 1
);
--> statement-breakpoint
CREATE UNIQUE INDEX "seats_one_per_person_per_body" ON "seats" USING btree ("org_id","body_key","holder_user_id") WHERE "holder_user_id" IS NOT NULL AND "retired_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "proposal_stages" ADD COLUMN "holders_in_office" integer;
