CREATE TABLE `partition_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`topic` text NOT NULL,
	`topic_id` text NOT NULL,
	`partition` integer NOT NULL,
	`leader` integer NOT NULL,
	`leader_epoch` integer NOT NULL,
	`replicas` text NOT NULL,
	`isr` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `partition_states_partition_at_idx` ON `partition_states` (`topic`,`partition`,`at`);--> statement-breakpoint
CREATE INDEX `partition_states_at_idx` ON `partition_states` (`at`);