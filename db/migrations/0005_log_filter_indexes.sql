DROP INDEX "decision_log_subject_idx";--> statement-breakpoint
CREATE INDEX "decision_log_org_subject_seq_idx" ON "decision_log" USING btree ("org_id","subject","seq");--> statement-breakpoint
CREATE INDEX "decision_log_org_body_seq_idx" ON "decision_log" USING btree ("org_id",("payload" ->> 'bodyKey'),"seq") WHERE "decision_log"."payload" ? 'bodyKey';--> statement-breakpoint
CREATE INDEX "decision_log_org_at_idx" ON "decision_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "decision_log_org_kind_at_idx" ON "decision_log" USING btree ("org_id","kind","at");