-- The decision log is append-only: no role the application uses can rewrite history.
-- (A superuser can still disable triggers; the hash chain and signed tree heads expose that.)
CREATE OR REPLACE FUNCTION quorate_refuse_log_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'decision_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_log_rewrite();
--> statement-breakpoint
CREATE TRIGGER decision_log_no_delete BEFORE DELETE ON decision_log
  FOR EACH ROW EXECUTE FUNCTION quorate_refuse_log_rewrite();
--> statement-breakpoint
CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON decision_log
  FOR EACH STATEMENT EXECUTE FUNCTION quorate_refuse_log_rewrite();
