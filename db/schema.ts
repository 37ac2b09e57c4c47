import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Money in integer minor units (分). Instants as epoch ms UTC. Durations in ms. Text ids.

export const media = sqliteTable('media', {
  hash: text('hash').primaryKey(), // sha256 of the bytes; file is <dataDir>/media/<hash>.<ext>
  ext: text('ext').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull().unique(),
    title: text('title').notNull(),
    shortTitle: text('short_title').notNull().default(''),
    brand: text('brand').notNull().default(''),
    category: text('category').notNull().default(''),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    listPrice: integer('list_price').notNull(),
    livePrice: integer('live_price').notNull(),
    floorPrice: integer('floor_price'),
    currency: text('currency').notNull().default('CNY'),
    stock: integer('stock'),
    limitPerBuyer: integer('limit_per_buyer'),
    role: text('role', { enum: ['traffic', 'perk', 'profit', 'hero', 'regular'] })
      .notNull()
      .default('regular'),
    sellingPoints: text('selling_points', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    talkingPoints: text('talking_points').notNull().default(''),
    faq: text('faq', { mode: 'json' }).$type<{ q: string; a: string }[]>().notNull().default(sql`'[]'`),
    link: text('link').notNull().default(''),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('products_updated_idx').on(t.updatedAt)],
);

/** Ordered images of a product; deleting the product deletes these rows (not the media files). */
export const productImages = sqliteTable(
  'product_images',
  {
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    mediaHash: text('media_hash')
      .notNull()
      .references(() => media.hash),
  },
  (t) => [primaryKey({ columns: [t.productId, t.position] })],
);

export const hosts = sqliteTable('hosts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  title: text('title').notNull().default(''),
  handle: text('handle').notNull().default(''),
  role: text('role', { enum: ['host', 'assistant'] }).notNull().default('host'),
  avatar: text('avatar').references(() => media.hash),
  notes: text('notes').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const shows = sqliteTable('shows', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  platform: text('platform').notNull(),
  startAt: integer('start_at').notNull(),
  plannedLengthMs: integer('planned_length_ms').notNull(),
  status: text('status', { enum: ['draft', 'ready', 'live', 'done'] }).notNull().default('draft'),
  canvas: text('canvas', { enum: ['16:9', '9:16'] }).notNull().default('9:16'),
  goalGmv: integer('goal_gmv'),
  goalOrders: integer('goal_orders'),
  notes: text('notes').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const showHosts = sqliteTable(
  'show_hosts',
  {
    showId: text('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    hostId: text('host_id')
      .notNull()
      .references(() => hosts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.showId, t.hostId] })],
);

/** Run-of-show cues. The plan editor (issue 4) grows this; the foundation keeps the core of it. */
export const showCues = sqliteTable(
  'show_cues',
  {
    id: text('id').primaryKey(),
    showId: text('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    segment: text('segment').notNull().default(''),
    kind: text('kind').notNull().default('generic'),
    title: text('title').notNull().default(''),
    productId: text('product_id').references(() => products.id, { onDelete: 'set null' }),
    durationMs: integer('duration_ms').notNull().default(0),
    livePrice: integer('live_price'),
    mechanism: text('mechanism').notNull().default(''),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('show_cues_show_idx').on(t.showId, t.position)],
);

/** Small key/value settings (JSON values). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});
