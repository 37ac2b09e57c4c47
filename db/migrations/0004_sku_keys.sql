ALTER TABLE `product_variants` ADD `sku_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `product_variants_sku_key_unique` ON `product_variants` (`sku_key`);--> statement-breakpoint
ALTER TABLE `products` ADD `sku_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_key_unique` ON `products` (`sku_key`);