CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"seat_id" uuid NOT NULL,
	"objector_user_id" text NOT NULL,
	"reason" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_objector_user_id_users_id_fk" FOREIGN KEY ("objector_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_one_standing_per_seat" ON "objections" USING btree ("proposal_id","stage_index","seat_id") WHERE "objections"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "objections_proposal_idx" ON "objections" USING btree ("proposal_id","stage_index");