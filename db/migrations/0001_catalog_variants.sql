CREATE TABLE `product_variants` (
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	`sku` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`list_price` integer NOT NULL,
	`live_price` integer NOT NULL,
	`stock` integer,
	`barcode` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`product_id`, `position`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_variants_sku_unique` ON `product_variants` (`sku`);--> statement-breakpoint
ALTER TABLE `products` ADD `barcode` text DEFAULT '' NOT NULL;