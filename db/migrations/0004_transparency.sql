CREATE TABLE "org_signing_keys" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"key_name" text NOT NULL,
	"public_key" text NOT NULL,
	"encrypted_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tree_heads" (
	"org_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"root_hash" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tree_heads_org_id_size_pk" PRIMARY KEY("org_id","size")
);
--> statement-breakpoint
ALTER TABLE "org_signing_keys" ADD CONSTRAINT "org_signing_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_heads" ADD CONSTRAINT "tree_heads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Signed tree heads and signing keys are history too: no role the application uses may rewrite
-- or remove them. (Key rotation, when it comes, adds a key; it never edits one.)
CREATE OR REPLACE FUNCTION quorate_refuse_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tree_heads_no_update BEFORE UPDATE ON tree_heads
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER tree_heads_no_delete BEFORE DELETE ON tree_heads
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER tree_heads_no_truncate BEFORE TRUNCATE ON tree_heads
  FOR EACH STATEMENT EXECUTE FUNCTION quorate_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER org_signing_keys_no_update BEFORE UPDATE ON org_signing_keys
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER org_signing_keys_no_delete BEFORE DELETE ON org_signing_keys
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER org_signing_keys_no_truncate BEFORE TRUNCATE ON org_signing_keys
  FOR EACH STATEMENT EXECUTE FUNCTION quorate_refuse_rewrite();
