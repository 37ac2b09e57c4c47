CREATE TABLE `run_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`cue_id` text,
	`details` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `run_log_run_idx` ON `run_log` (`run_id`,`seq`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`show_id` text NOT NULL,
	`show_title` text NOT NULL,
	`platform` text NOT NULL,
	`canvas` text NOT NULL,
	`rehearsal` integer NOT NULL,
	`armed_at` integer NOT NULL,
	`state` text NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`show` text NOT NULL,
	`plan` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `runs_show_idx` ON `runs` (`show_id`,`armed_at`);