-- An invitation is a membership that has not been accepted yet: accepted_at is null until the
-- invitee accepts. Every membership that exists today was created as a membership, so it counts
-- as accepted when it was created. The default keeps every other insert (founding, seeds,
-- fixtures) accepted at once; only an invitation inserts null.
ALTER TABLE "memberships" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
UPDATE "memberships" SET "accepted_at" = "created_at";--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "accepted_at" SET DEFAULT now();
