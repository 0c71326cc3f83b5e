CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"delegator_user_id" text NOT NULL,
	"delegate_user_id" text NOT NULL,
	"type_key" text,
	"proposal_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "delegations_not_to_self" CHECK ("delegations"."delegator_user_id" <> "delegations"."delegate_user_id"),
	CONSTRAINT "delegations_one_scope" CHECK ("delegations"."type_key" is null or "delegations"."proposal_id" is null)
);
--> statement-breakpoint
CREATE TABLE "roll_entries" (
	"proposal_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"user_id" text NOT NULL,
	"weight" integer NOT NULL,
	"delegate_user_id" text,
	"stakeholder_group" text,
	CONSTRAINT "roll_entries_proposal_id_stage_index_user_id_pk" PRIMARY KEY("proposal_id","stage_index","user_id"),
	CONSTRAINT "roll_entries_weight" CHECK ("roll_entries"."weight" >= 0)
);
--> statement-breakpoint
ALTER TABLE "votes" ALTER COLUMN "seat_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "weight" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposal_stages" ADD COLUMN "roll_size" integer;--> statement-breakpoint
ALTER TABLE "proposal_stages" ADD COLUMN "roll_weight" bigint;--> statement-breakpoint
ALTER TABLE "proposal_stages" ADD COLUMN "roll_hash" text;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "receipt" text;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegator_user_id_users_id_fk" FOREIGN KEY ("delegator_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegate_user_id_users_id_fk" FOREIGN KEY ("delegate_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_entries" ADD CONSTRAINT "roll_entries_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegations_org_idx" ON "delegations" USING btree ("org_id","delegator_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_one_general" ON "delegations" USING btree ("org_id","delegator_user_id") WHERE "delegations"."revoked_at" is null and "delegations"."type_key" is null and "delegations"."proposal_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_one_per_type" ON "delegations" USING btree ("org_id","delegator_user_id","type_key") WHERE "delegations"."revoked_at" is null and "delegations"."type_key" is not null and "delegations"."proposal_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_one_per_proposal" ON "delegations" USING btree ("org_id","delegator_user_id","proposal_id") WHERE "delegations"."revoked_at" is null and "delegations"."proposal_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_one_current_per_member" ON "votes" USING btree ("proposal_id","stage_index","voter_user_id") WHERE "votes"."is_current" and "votes"."seat_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_receipt_unique" ON "votes" USING btree ("receipt");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_weight_range" CHECK ("memberships"."weight" between 0 and 1000000000);--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_receipt_secret" CHECK ("votes"."receipt" is null or "votes"."choice"::text = 'secret');