CREATE TABLE "witnesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "witness_cosignatures" (
	"witness_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"time" bigint NOT NULL,
	"line" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "witness_cosignatures_witness_id_size_pk" PRIMARY KEY("witness_id","size")
);
--> statement-breakpoint
ALTER TABLE "witnesses" ADD CONSTRAINT "witnesses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "witness_cosignatures" ADD CONSTRAINT "witness_cosignatures_witness_id_witnesses_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."witnesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "witness_cosignatures" ADD CONSTRAINT "witness_cosignatures_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "witnesses_org_name_active" ON "witnesses" USING btree ("org_id","name") WHERE "witnesses"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "witness_cosignatures_org_size" ON "witness_cosignatures" USING btree ("org_id","size");
