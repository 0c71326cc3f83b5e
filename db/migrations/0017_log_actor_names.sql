-- The actor's display name as recorded when each decision-log entry was written, outside the
-- hashed entry: account deletion replaces it with the pseudonym and the log still verifies.
-- And when a person last skipped the "what should others call you?" prompt.
CREATE TABLE "log_actor_names" (
	"org_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"actor_id" text NOT NULL,
	"name" text,
	CONSTRAINT "log_actor_names_org_id_seq_pk" PRIMARY KEY("org_id","seq")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "name_prompt_skipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "log_actor_names" ADD CONSTRAINT "log_actor_names_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_actor_names_actor_idx" ON "log_actor_names" USING btree ("actor_id");
