CREATE TABLE `show_segments` (
	`id` text PRIMARY KEY NOT NULL,
	`show_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `show_segments_show_idx` ON `show_segments` (`show_id`,`position`);--> statement-breakpoint
ALTER TABLE `show_cues` ADD `segment_id` text REFERENCES show_segments(id);--> statement-breakpoint
ALTER TABLE `show_cues` ADD `host_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `show_cues` ADD `details` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `show_cues` ADD `actions` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
INSERT INTO `show_segments` (`id`, `show_id`, `position`, `title`) SELECT 'seg_' || lower(hex(randomblob(8))), `show_id`, MIN(`position`), `segment` FROM `show_cues` GROUP BY `show_id`, `segment`;--> statement-breakpoint
UPDATE `show_cues` SET `segment_id` = (SELECT s.`id` FROM `show_segments` s WHERE s.`show_id` = `show_cues`.`show_id` AND s.`title` = `show_cues`.`segment`);--> statement-breakpoint
UPDATE `show_cues` SET `details` = CASE `kind` WHEN 'pitch' THEN json_object('livePrice', `live_price`, 'mechanism', `mechanism`) WHEN 'flash_sale' THEN json_object('price', `live_price`, 'mechanism', `mechanism`) WHEN 'giveaway' THEN json_object('rules', `mechanism`) WHEN 'interaction' THEN json_object('prompt', `mechanism`) ELSE '{}' END;--> statement-breakpoint
ALTER TABLE `show_cues` DROP COLUMN `segment`;--> statement-breakpoint
ALTER TABLE `show_cues` DROP COLUMN `live_price`;--> statement-breakpoint
ALTER TABLE `show_cues` DROP COLUMN `mechanism`;--> statement-breakpoint
ALTER TABLE `shows` ADD `time_zone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `shows` ADD `is_template` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `shows` ADD `revision` integer DEFAULT 0 NOT NULL;