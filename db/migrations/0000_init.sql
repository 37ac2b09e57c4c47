CREATE TABLE `hosts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`handle` text DEFAULT '' NOT NULL,
	`role` text DEFAULT 'host' NOT NULL,
	`avatar` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`avatar`) REFERENCES `media`(`hash`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `media` (
	`hash` text PRIMARY KEY NOT NULL,
	`ext` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_images` (
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	`media_hash` text NOT NULL,
	PRIMARY KEY(`product_id`, `position`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_hash`) REFERENCES `media`(`hash`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`short_title` text DEFAULT '' NOT NULL,
	`brand` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`list_price` integer NOT NULL,
	`live_price` integer NOT NULL,
	`floor_price` integer,
	`currency` text DEFAULT 'CNY' NOT NULL,
	`stock` integer,
	`limit_per_buyer` integer,
	`role` text DEFAULT 'regular' NOT NULL,
	`selling_points` text DEFAULT '[]' NOT NULL,
	`talking_points` text DEFAULT '' NOT NULL,
	`faq` text DEFAULT '[]' NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_updated_idx` ON `products` (`updated_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `show_cues` (
	`id` text PRIMARY KEY NOT NULL,
	`show_id` text NOT NULL,
	`position` integer NOT NULL,
	`segment` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'generic' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`product_id` text,
	`duration_ms` integer DEFAULT 0 NOT NULL,
	`live_price` integer,
	`mechanism` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `show_cues_show_idx` ON `show_cues` (`show_id`,`position`);--> statement-breakpoint
CREATE TABLE `show_hosts` (
	`show_id` text NOT NULL,
	`host_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`show_id`, `host_id`),
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `shows` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`platform` text NOT NULL,
	`start_at` integer NOT NULL,
	`planned_length_ms` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`canvas` text DEFAULT '9:16' NOT NULL,
	`goal_gmv` integer,
	`goal_orders` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
