ALTER TABLE "memberships" ADD COLUMN "sort_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The member's address, kept by the database: copied from users on every insert or update of a membership (whatever
-- the writer put there is replaced), and carried to every membership when an address changes.
CREATE OR REPLACE FUNCTION quorate_membership_sort_email() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT u.email INTO NEW.sort_email FROM users u WHERE u.id = NEW.user_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_sort_email BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION quorate_membership_sort_email();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION quorate_user_email_to_memberships() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships SET sort_email = NEW.email WHERE user_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_email_to_memberships AFTER UPDATE OF email ON users
  FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION quorate_user_email_to_memberships();
--> statement-breakpoint
UPDATE memberships m SET sort_email = u.email FROM users u WHERE u.id = m.user_id;--> statement-breakpoint
CREATE INDEX "memberships_org_role_email_idx" ON "memberships" USING btree ("org_id","role","sort_email","id") WHERE "memberships"."accepted_at" is not null;
