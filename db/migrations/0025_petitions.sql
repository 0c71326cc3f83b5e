CREATE TABLE "petition_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"user_id" text,
	"signed_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"stakeholder_group" text,
	"answering_body_key" text NOT NULL,
	"charter_version" integer NOT NULL,
	"opened_by" text,
	"opened_at" timestamp with time zone NOT NULL,
	"eligible_at_open" integer NOT NULL,
	"required_signatures" integer NOT NULL,
	"signature_count" integer DEFAULT 0 NOT NULL,
	"signing_days" integer NOT NULL,
	"answer_within_days" integer NOT NULL,
	"signer_names_public" boolean NOT NULL,
	"threshold_reached_at" timestamp with time zone,
	"answer_due_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"answer" text,
	"overdue_logged_at" timestamp with time zone,
	CONSTRAINT "petitions_org_number_unique" UNIQUE("org_id","number"),
	CONSTRAINT "petitions_count_nonnegative" CHECK ("petitions"."signature_count" >= 0),
	CONSTRAINT "petitions_answer_after_threshold" CHECK ("petitions"."answered_at" is null or "petitions"."threshold_reached_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "petition_signatures" ADD CONSTRAINT "petition_signatures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_signatures" ADD CONSTRAINT "petition_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_signatures_one_live" ON "petition_signatures" USING btree ("petition_id","user_id") WHERE "petition_signatures"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "petition_signatures_live_idx" ON "petition_signatures" USING btree ("petition_id","signed_at") WHERE "petition_signatures"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "petitions_awaiting_answer_idx" ON "petitions" USING btree ("answer_due_at") WHERE "petitions"."answered_at" is null and "petitions"."answer_due_at" is not null;