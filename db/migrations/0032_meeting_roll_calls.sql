CREATE TYPE "public"."roll_call_vote" AS ENUM('yes', 'no', 'abstain', 'absent');--> statement-breakpoint
CREATE TABLE "meeting_roll_call_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roll_call_id" uuid NOT NULL,
	"user_id" text,
	"vote" "roll_call_vote" NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"dispute_note" text,
	CONSTRAINT "meeting_roll_call_votes_one_per_person" UNIQUE("roll_call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_roll_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"motion" text NOT NULL,
	"agenda_item" integer,
	"proposal_number" integer,
	"charter_seats" integer NOT NULL,
	"quorum" jsonb NOT NULL,
	"majority" jsonb NOT NULL,
	"answer_days" integer NOT NULL,
	"carried" boolean NOT NULL,
	"irregular_at_record" boolean NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"ratified_at" timestamp with time zone,
	"ratified_by_proposal_id" uuid,
	CONSTRAINT "meeting_roll_calls_meeting_number_unique" UNIQUE("meeting_id","number")
);
--> statement-breakpoint
ALTER TABLE "meeting_roll_call_votes" ADD CONSTRAINT "meeting_roll_call_votes_roll_call_id_meeting_roll_calls_id_fk" FOREIGN KEY ("roll_call_id") REFERENCES "public"."meeting_roll_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_roll_call_votes" ADD CONSTRAINT "meeting_roll_call_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_roll_calls" ADD CONSTRAINT "meeting_roll_calls_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_roll_calls" ADD CONSTRAINT "meeting_roll_calls_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;