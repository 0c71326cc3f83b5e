CREATE TYPE "public"."comment_stance" AS ENUM('support', 'concern', 'object', 'none');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('draft', 'published', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."vote_choice" AS ENUM('yes', 'no', 'abstain');--> statement-breakpoint
CREATE TABLE "charters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"template_key" text,
	"document" jsonb NOT NULL,
	"document_hash" text NOT NULL,
	"adopted_by_proposal_id" uuid,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charters_org_version_unique" UNIQUE("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"stance" "comment_stance" DEFAULT 'none' NOT NULL,
	"is_subject_reply" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_log" (
	"org_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"kind" text NOT NULL,
	"subject" text,
	"payload" jsonb NOT NULL,
	"entry" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "decision_log_org_id_seq_pk" PRIMARY KEY("org_id","seq")
);
--> statement-breakpoint
CREATE TABLE "log_heads" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"head_hash" text NOT NULL,
	"frontier" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"change_note" text,
	"substantive" boolean DEFAULT true NOT NULL,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_revisions_unique" UNIQUE("proposal_id","revision")
);
--> statement-breakpoint
CREATE TABLE "proposal_stages" (
	"proposal_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"body_key" text NOT NULL,
	"charter_seats" integer NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"tally" jsonb,
	"closed_recorded_at" timestamp with time zone,
	CONSTRAINT "proposal_stages_proposal_id_stage_index_pk" PRIMARY KEY("proposal_id","stage_index")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"type_key" text NOT NULL,
	"charter_version" integer NOT NULL,
	"author_id" text NOT NULL,
	"subject_user_id" text,
	"title" text NOT NULL,
	"status" "proposal_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"discussion_closes_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"reply_posted_at" timestamp with time zone,
	"emergency_approved_at" timestamp with time zone,
	"ratified_at" timestamp with time zone,
	"ratifies_proposal_id" uuid,
	"effect" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text,
	"outcome_recorded_at" timestamp with time zone,
	"notice_recipients" integer,
	"notice_seat_holders" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_org_number_unique" UNIQUE("org_id","number"),
	CONSTRAINT "proposals_window_after_publish" CHECK ("proposals"."discussion_closes_at" is null or "proposals"."discussion_closes_at" > "proposals"."published_at")
);
--> statement-breakpoint
CREATE TABLE "recusals" (
	"proposal_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recusals_proposal_id_seat_id_pk" PRIMARY KEY("proposal_id","seat_id")
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"body_key" text NOT NULL,
	"position" integer NOT NULL,
	"seat_class" text NOT NULL,
	"holder_user_id" text,
	"vacated_at" timestamp with time zone,
	"term_started_at" timestamp with time zone,
	"term_ends_at" timestamp with time zone,
	CONSTRAINT "seats_org_body_position_unique" UNIQUE("org_id","body_key","position"),
	CONSTRAINT "seats_vacancy_consistent" CHECK (("seats"."holder_user_id" is null) = ("seats"."vacated_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"seat_id" uuid NOT NULL,
	"voter_user_id" text NOT NULL,
	"choice" "vote_choice" NOT NULL,
	"rationale" text,
	"cast_at" timestamp with time zone NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charters" ADD CONSTRAINT "charters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_log" ADD CONSTRAINT "decision_log_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_heads" ADD CONSTRAINT "log_heads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_revisions" ADD CONSTRAINT "proposal_revisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_revisions" ADD CONSTRAINT "proposal_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_stages" ADD CONSTRAINT "proposal_stages_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_voter_user_id_users_id_fk" FOREIGN KEY ("voter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_proposal_idx" ON "comments" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "decision_log_org_kind_idx" ON "decision_log" USING btree ("org_id","kind","seq");--> statement-breakpoint
CREATE INDEX "decision_log_subject_idx" ON "decision_log" USING btree ("org_id","subject");--> statement-breakpoint
CREATE INDEX "proposals_org_status_idx" ON "proposals" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "seats_holder_idx" ON "seats" USING btree ("holder_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "votes_one_current_per_seat" ON "votes" USING btree ("proposal_id","stage_index","seat_id") WHERE "votes"."is_current";--> statement-breakpoint
CREATE INDEX "votes_proposal_idx" ON "votes" USING btree ("proposal_id","stage_index");