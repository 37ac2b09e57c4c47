ALTER TABLE `products` ADD `commission_rate` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `coupon_amount` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `price_after_coupon` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `shop_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `platform_ids` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `cost_price` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `monthly_sales` integer;--> statement-breakpoint
CREATE INDEX `products_shop_idx` ON `products` (`shop_name`);