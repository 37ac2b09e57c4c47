-- The as-run log is append-only: what happened on air is never rewritten. Rows may only be
-- inserted; any UPDATE or DELETE fails. (A run's summary columns live in `runs`.)
CREATE TRIGGER `run_log_no_update` BEFORE UPDATE ON `run_log`
BEGIN
	SELECT RAISE(ABORT, 'run_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `run_log_no_delete` BEFORE DELETE ON `run_log`
BEGIN
	SELECT RAISE(ABORT, 'run_log is append-only');
END;
