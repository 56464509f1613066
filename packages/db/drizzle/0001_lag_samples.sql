CREATE TABLE `lag_samples` (
	`at` integer NOT NULL,
	`group_id` text NOT NULL,
	`topic` text NOT NULL,
	`partition` integer NOT NULL,
	`committed_offset` integer,
	`commit_timestamp` integer,
	`log_start_offset` integer NOT NULL,
	`log_end_offset` integer NOT NULL,
	`lag` integer NOT NULL,
	`lag_seconds` real
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lag_samples_partition_at_idx` ON `lag_samples` (`group_id`,`topic`,`partition`,`at`);--> statement-breakpoint
CREATE INDEX `lag_samples_at_idx` ON `lag_samples` (`at`);