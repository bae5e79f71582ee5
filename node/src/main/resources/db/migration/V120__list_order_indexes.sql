-- The orders the lists are read in, so that a page of the newest plans, the queue by due date, the
-- conditions by due date and the audit trail by time read a few index entries instead of sorting
-- every row (measured with 10,000 plans in docs/benchmarks.md, page speed).
CREATE INDEX plan_updated_idx ON plan (updated_at);
CREATE INDEX review_case_status_due_idx ON review_case (status, due_at);
CREATE INDEX review_case_due_idx ON review_case (due_at);
CREATE INDEX case_condition_due_idx ON case_condition (status, due_date);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);
