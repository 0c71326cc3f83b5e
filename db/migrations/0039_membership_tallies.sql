CREATE TABLE "membership_tallies" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"admins" integer DEFAULT 0 NOT NULL,
	"secretaries" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"observers" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "membership_tallies_not_negative" CHECK ("membership_tallies"."admins" >= 0 and "membership_tallies"."secretaries" >= 0 and "membership_tallies"."members" >= 0 and "membership_tallies"."observers" >= 0 and "membership_tallies"."pending" >= 0 and "membership_tallies"."changes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "membership_tally_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "membership_tally_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"admins" integer DEFAULT 0 NOT NULL,
	"secretaries" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"observers" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership_tallies" ADD CONSTRAINT "membership_tallies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each organization's memberships, counted by the database: accepted members by role, pending invitations, and how many
-- membership rows were ever written (`changes`, the membership part of the organization's data version). Pages read
-- one row instead of counting every membership.
--
-- Two steps, so that the tally row's lock is the last lock a transaction takes. (1) After each statement on memberships,
-- its changes are summed by organization and inserted into membership_tally_changes: inserts wait on nothing. (2) At
-- commit, a deferred trigger adds each staged row to membership_tallies and deletes it. A transaction holds its locks
-- (the organization FOR SHARE, memberships, log_heads, ...) until it ends, and takes a tally row's lock only when it
-- commits, when it waits for nothing but other tally rows: it cannot wait for a tally row while another transaction
-- holding that row waits for one of its locks. Staged rows are added in the order they were written, within a statement
-- by organization id.
CREATE OR REPLACE FUNCTION quorate_membership_tally_stage() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO membership_tally_changes (org_id, admins, secretaries, members, observers, pending, changes)
    SELECT n.org_id,
      count(*) FILTER (WHERE n.accepted_at IS NOT NULL AND n.role = 'admin'),
      count(*) FILTER (WHERE n.accepted_at IS NOT NULL AND n.role = 'secretary'),
      count(*) FILTER (WHERE n.accepted_at IS NOT NULL AND n.role = 'member'),
      count(*) FILTER (WHERE n.accepted_at IS NOT NULL AND n.role = 'observer'),
      count(*) FILTER (WHERE n.accepted_at IS NULL),
      count(*)
    FROM new_memberships n GROUP BY n.org_id ORDER BY n.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO membership_tally_changes (org_id, admins, secretaries, members, observers, pending, changes)
    SELECT o.org_id,
      -count(*) FILTER (WHERE o.accepted_at IS NOT NULL AND o.role = 'admin'),
      -count(*) FILTER (WHERE o.accepted_at IS NOT NULL AND o.role = 'secretary'),
      -count(*) FILTER (WHERE o.accepted_at IS NOT NULL AND o.role = 'member'),
      -count(*) FILTER (WHERE o.accepted_at IS NOT NULL AND o.role = 'observer'),
      -count(*) FILTER (WHERE o.accepted_at IS NULL),
      count(*)
    FROM old_memberships o GROUP BY o.org_id ORDER BY o.org_id;
  ELSE
    -- An update: each changed row leaves its old organization's counts and joins its new one's (the same organization,
    -- unless org_id changed); `changes` grows by one in each organization it touched. A row written unchanged is no
    -- change (e.g. an address copied again by quorate_membership_sort_email).
    INSERT INTO membership_tally_changes (org_id, admins, secretaries, members, observers, pending, changes)
    SELECT s.org_id,
      coalesce(sum(s.sign) FILTER (WHERE s.accepted AND s.role = 'admin'), 0),
      coalesce(sum(s.sign) FILTER (WHERE s.accepted AND s.role = 'secretary'), 0),
      coalesce(sum(s.sign) FILTER (WHERE s.accepted AND s.role = 'member'), 0),
      coalesce(sum(s.sign) FILTER (WHERE s.accepted AND s.role = 'observer'), 0),
      coalesce(sum(s.sign) FILTER (WHERE NOT s.accepted), 0),
      count(*) FILTER (WHERE s.counted)
    FROM (
      SELECT o.org_id, -1 AS sign, o.role, o.accepted_at IS NOT NULL AS accepted, n.org_id IS DISTINCT FROM o.org_id AS counted
      FROM old_memberships o LEFT JOIN new_memberships n ON n.id = o.id
      WHERE n.id IS NULL OR (n.*) IS DISTINCT FROM (o.*)
      UNION ALL
      SELECT n.org_id, 1, n.role, n.accepted_at IS NOT NULL, true
      FROM new_memberships n LEFT JOIN old_memberships o ON o.id = n.id
      WHERE o.id IS NULL OR (n.*) IS DISTINCT FROM (o.*)
    ) s
    GROUP BY s.org_id ORDER BY s.org_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_tally_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_memberships FOR EACH STATEMENT EXECUTE FUNCTION quorate_membership_tally_stage();
--> statement-breakpoint
CREATE TRIGGER memberships_tally_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_memberships NEW TABLE AS new_memberships FOR EACH STATEMENT EXECUTE FUNCTION quorate_membership_tally_stage();
--> statement-breakpoint
CREATE TRIGGER memberships_tally_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_memberships FOR EACH STATEMENT EXECUTE FUNCTION quorate_membership_tally_stage();
--> statement-breakpoint
-- At commit: a staged row joins its organization's tally, then goes. (No tally row: the organization was deleted.)
CREATE OR REPLACE FUNCTION quorate_membership_tally_fold() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE membership_tallies t SET
    admins = t.admins + NEW.admins,
    secretaries = t.secretaries + NEW.secretaries,
    members = t.members + NEW.members,
    observers = t.observers + NEW.observers,
    pending = t.pending + NEW.pending,
    changes = t.changes + NEW.changes
  WHERE t.org_id = NEW.org_id;
  DELETE FROM membership_tally_changes WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER membership_tally_changes_fold AFTER INSERT ON membership_tally_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quorate_membership_tally_fold();
--> statement-breakpoint
-- Every organization has its tally row from the start, before its first membership.
CREATE OR REPLACE FUNCTION quorate_organization_tally() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO membership_tallies (org_id) VALUES (NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_tally AFTER INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION quorate_organization_tally();
--> statement-breakpoint
-- The organizations and memberships already there (the migration runs in one transaction, and CREATE TRIGGER has
-- locked memberships against writes until it commits: no write falls between the count and the triggers).
INSERT INTO membership_tallies (org_id, admins, secretaries, members, observers, pending, changes)
SELECT o.id,
  count(m.id) FILTER (WHERE m.accepted_at IS NOT NULL AND m.role = 'admin'),
  count(m.id) FILTER (WHERE m.accepted_at IS NOT NULL AND m.role = 'secretary'),
  count(m.id) FILTER (WHERE m.accepted_at IS NOT NULL AND m.role = 'member'),
  count(m.id) FILTER (WHERE m.accepted_at IS NOT NULL AND m.role = 'observer'),
  count(m.id) FILTER (WHERE m.accepted_at IS NULL),
  count(m.id)
FROM organizations o LEFT JOIN memberships m ON m.org_id = o.id
GROUP BY o.id;
