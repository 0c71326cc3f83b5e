CREATE TABLE "written_consent_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"user_id" text,
	"signed_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "written_consent_signers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"user_id" text,
	"seat_position" integer NOT NULL,
	CONSTRAINT "written_consent_signers_unique" UNIQUE("consent_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "written_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"charter_version" integer NOT NULL,
	"opened_by" text,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_after_days" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"charter_seats" integer NOT NULL,
	"adopted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"lapsed_at" timestamp with time zone,
	"expired_logged_at" timestamp with time zone,
	CONSTRAINT "written_consents_org_number_unique" UNIQUE("org_id","number"),
	CONSTRAINT "written_consents_one_ending" CHECK (("written_consents"."adopted_at" is not null)::int + ("written_consents"."withdrawn_at" is not null)::int + ("written_consents"."lapsed_at" is not null)::int <= 1)
);
--> statement-breakpoint
ALTER TABLE "written_consent_signatures" ADD CONSTRAINT "written_consent_signatures_consent_id_written_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."written_consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_consent_signatures" ADD CONSTRAINT "written_consent_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_consent_signers" ADD CONSTRAINT "written_consent_signers_consent_id_written_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."written_consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_consent_signers" ADD CONSTRAINT "written_consent_signers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_consents" ADD CONSTRAINT "written_consents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_consents" ADD CONSTRAINT "written_consents_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_consents" ADD CONSTRAINT "written_consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "written_consent_signatures_one_live" ON "written_consent_signatures" USING btree ("consent_id","user_id") WHERE "written_consent_signatures"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "written_consents_open_idx" ON "written_consents" USING btree ("expires_at") WHERE "written_consents"."adopted_at" is null and "written_consents"."withdrawn_at" is null and "written_consents"."lapsed_at" is null and "written_consents"."expired_logged_at" is null;