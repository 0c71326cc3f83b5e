CREATE TYPE "public"."nomination_status" AS ENUM('nominated', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"nominee_user_id" text NOT NULL,
	"nominator_user_id" text NOT NULL,
	"status" "nomination_status" DEFAULT 'nominated' NOT NULL,
	"declaration" text,
	"nominated_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "nominations_one_per_nominee" UNIQUE("proposal_id","nominee_user_id")
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "decided_unopposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominee_user_id_users_id_fk" FOREIGN KEY ("nominee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominator_user_id_users_id_fk" FOREIGN KEY ("nominator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;