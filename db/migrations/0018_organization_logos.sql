-- An organization's logo: one small PNG, JPEG or WebP image (checked by its bytes before it is stored),
-- at most 256 KB, served by /o/[slug]/logo with its SHA-256 as the ETag. It goes with its organization.
CREATE TABLE "organization_logos" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_logos_type" CHECK ("organization_logos"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "organization_logos_size" CHECK ("organization_logos"."byte_size" between 1 and 262144 and octet_length("organization_logos"."bytes") = "organization_logos"."byte_size")
);
--> statement-breakpoint
ALTER TABLE "organization_logos" ADD CONSTRAINT "organization_logos_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
