CREATE TABLE `recap_imports` (
	`show_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`imported_at` integer NOT NULL,
	`rows` integer NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`data` text,
	PRIMARY KEY(`show_id`, `kind`),
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `recap_product_matches` (
	`platform` text NOT NULL,
	`key` text NOT NULL,
	`product_id` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `key`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `recap_product_sales` (
	`show_id` text NOT NULL,
	`line` integer NOT NULL,
	`platform_product_id` text DEFAULT '' NOT NULL,
	`sku` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`price` integer,
	`gmv` integer NOT NULL,
	`units` integer,
	`orders` integer,
	`buyers` integer,
	`impressions` integer,
	`clicks` integer,
	`ctr` real,
	`click_to_order` real,
	`refund` integer,
	`add_to_cart` integer,
	`pitch_count` integer,
	`commission_rate` real,
	`cost_price` integer,
	`product_id` text,
	`matched_by` text,
	PRIMARY KEY(`show_id`, `line`),
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `recap_product_sales_product_idx` ON `recap_product_sales` (`product_id`);--> statement-breakpoint
CREATE TABLE `recap_shows` (
	`show_id` text PRIMARY KEY NOT NULL,
	`manual_totals` text DEFAULT '{}' NOT NULL,
	`conclusions` text,
	`conclusions_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE cascade
);
