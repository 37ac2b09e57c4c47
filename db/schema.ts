import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    barcode: text('barcode').notNull().default(''),
    /**
     * The SKU as compared (skuKey in electron/contract/text.ts: NFKC, no invisible characters,
     * case-folded), unique, so look-alike SKUs cannot sit side by side. Null only for rows not
     * yet keyed (written before this column, or by a writer that left it out) and for old
     * look-alikes that already shared a key: core/products/sku-keys.ts fills and reports them.
     */
    skuKey: text('sku_key'),
    // Affiliate and margin figures (issue 13): commission in basis points (20 % = 2000), money in
    // minor units, the shop or supplier, the product's id on each platform (what recap imports
    // match on), monthly sales as the source reported them.
    commissionRate: integer('commission_rate'),
    couponAmount: integer('coupon_amount'),
    priceAfterCoupon: integer('price_after_coupon'),
    shopName: text('shop_name').notNull().default(''),
    platformIds: text('platform_ids', { mode: 'json' }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    costPrice: integer('cost_price'),
    monthlySales: integer('monthly_sales'),
  },
  (t) => [index('products_updated_idx').on(t.updatedAt), index('products_shop_idx').on(t.shopName), uniqueIndex('products_sku_key_unique').on(t.skuKey)],
);

/**
 * Size/colour SKUs of a product, in order. Deleting the product deletes them. A variant SKU is
 * unique across all variants (the importer upserts by it and a scanner looks it up).
 */
export const productVariants = sqliteTable(
  'product_variants',
  {
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sku: text('sku').notNull().unique(),
    title: text('title').notNull().default(''),
    options: text('options', { mode: 'json' }).$type<{ name: string; value: string }[]>().notNull().default(sql`'[]'`),
    listPrice: integer('list_price').notNull(),
    livePrice: integer('live_price').notNull(),
    stock: integer('stock'),
    barcode: text('barcode').notNull().default(''),
    /** The variant SKU as compared (see products.sku_key). */
    skuKey: text('sku_key'),
  },
  (t) => [primaryKey({ columns: [t.productId, t.position] }), uniqueIndex('product_variants_sku_key_unique').on(t.skuKey)],
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
  /** IANA zone the show's times of day are planned in; '' = the machine's own zone. */
  timeZone: text('time_zone').notNull().default(''),
  /** Templates are shows never aired: "new show from template" copies one. */
  isTemplate: integer('is_template', { mode: 'boolean' }).notNull().default(false),
  /** Bumped on every change of the show or its plan: saves carry the revision they edited (optimistic). */
  revision: integer('revision').notNull().default(0),
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

/** Segments of a run-of-show (开场, 过款, 福利...), in order. */
export const showSegments = sqliteTable(
  'show_segments',
  {
    id: text('id').primaryKey(),
    showId: text('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull().default(''),
  },
  (t) => [index('show_segments_show_idx').on(t.showId, t.position)],
);

/**
 * Run-of-show cues, ordered by (segment position, position). What only some kinds have (a pitch's
 * live price and mechanism, a flash sale's seconds...) is typed JSON in `details`, and the on-air
 * actions are typed JSON in `actions`; both are validated by the contract's zod schemas on the
 * way in and on the way out. `segment_id` is nullable only because SQLite cannot add a NOT NULL
 * reference column without rebuilding the table; the core always sets it.
 */
export const showCues = sqliteTable(
  'show_cues',
  {
    id: text('id').primaryKey(),
    showId: text('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull().default('generic'),
    title: text('title').notNull().default(''),
    productId: text('product_id').references(() => products.id, { onDelete: 'set null' }),
    durationMs: integer('duration_ms').notNull().default(0),
    notes: text('notes').notNull().default(''),
    segmentId: text('segment_id').references(() => showSegments.id, { onDelete: 'cascade' }),
    hostIds: text('host_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    actions: text('actions', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [index('show_cues_show_idx').on(t.showId, t.position)],
);

/** Small key/value settings (JSON values). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// ---- Recaps (复盘) ------------------------------------------------------------------------

/**
 * A platform file imported for a show's recap, one per kind (re-importing replaces it). `data`
 * holds what the file said for totals (RecapTotals), the curve (columnar: t, online, entries,
 * exits, gmv) and traffic (rows); product rows live in recap_product_sales.
 */
export const recapImports = sqliteTable(
  'recap_imports',
  {
    showId: text('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['products', 'totals', 'curve', 'traffic'] }).notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    importedAt: integer('imported_at').notNull(),
    rows: integer('rows').notNull(),
    refused: integer('refused').notNull().default(0),
    data: text('data', { mode: 'json' }).$type<unknown>(),
  },
  (t) => [primaryKey({ columns: [t.showId, t.kind] })],
);

/** One product row of a show's platform sales file, with the catalog product it matched. Rates are fractions. */
export const recapProductSales = sqliteTable(
  'recap_product_sales',
  {
    showId: text('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    /** The spreadsheet row it came from. */
    line: integer('line').notNull(),
    platformProductId: text('platform_product_id').notNull().default(''),
    sku: text('sku').notNull().default(''),
    title: text('title').notNull().default(''),
    price: integer('price'),
    gmv: integer('gmv').notNull(),
    units: integer('units'),
    orders: integer('orders'),
    buyers: integer('buyers'),
    impressions: integer('impressions'),
    clicks: integer('clicks'),
    ctr: real('ctr'),
    clickToOrder: real('click_to_order'),
    refund: integer('refund'),
    addToCart: integer('add_to_cart'),
    pitchCount: integer('pitch_count'),
    commissionRate: real('commission_rate'),
    costPrice: integer('cost_price'),
    productId: text('product_id').references(() => products.id, { onDelete: 'set null' }),
    matchedBy: text('matched_by', { enum: ['remembered', 'sku', 'platform_id', 'title', 'manual'] }),
  },
  (t) => [primaryKey({ columns: [t.showId, t.line] }), index('recap_product_sales_product_idx').on(t.productId)],
);

/** Platform product (by its id, or its title) → catalog product, as fixed by hand: used for the next file. */
export const recapProductMatches = sqliteTable(
  'recap_product_matches',
  {
    platform: text('platform').notNull(),
    /** `id:<platform product id>` or `title:<title, normalised>`. */
    key: text('key').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.key] })],
);

/** Per show: totals typed by hand (over the imported ones) and the written conclusions. */
export const recapShows = sqliteTable('recap_shows', {
  showId: text('show_id')
    .primaryKey()
    .references(() => shows.id, { onDelete: 'cascade' }),
  manualTotals: text('manual_totals', { mode: 'json' }).$type<Record<string, number | null>>().notNull().default(sql`'{}'`),
  conclusions: text('conclusions', { mode: 'json' }).$type<unknown>(),
  conclusionsAt: integer('conclusions_at'),
  updatedAt: integer('updated_at').notNull(),
});
