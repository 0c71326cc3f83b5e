ALTER TABLE "votes" ADD COLUMN "receipt" text;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_receipt_unique" ON "votes" USING btree ("receipt");--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_receipt_secret" CHECK ("votes"."receipt" is null or "votes"."choice"::text = 'secret');