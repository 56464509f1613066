CREATE TABLE `partition_size_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`topic` text NOT NULL,
	`partition` integer NOT NULL,
	`size_bytes` integer,
	`log_start_offset` integer,
	`high_watermark` integer
);
--> statement-breakpoint
CREATE INDEX `partition_size_samples_topic_at_idx` ON `partition_size_samples` (`topic`,`at`);--> statement-breakpoint
CREATE INDEX `partition_size_samples_partition_at_idx` ON `partition_size_samples` (`topic`,`partition`,`at`);