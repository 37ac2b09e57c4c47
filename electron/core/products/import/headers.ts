import type { ImportField, ImportLayout, Platform } from '../../../contract';
import { headerKey, headerKeyWithoutUnit, HeaderVocabulary } from '../../spreadsheet';
import { CORE_EXPORT_HEADERS, EXPORT_COLUMNS } from '../export/columns';

export { headerKey, headerSignature } from '../../spreadsheet';

// Names people and platforms give each column (Shopify, Douyin/Taobao back offices, Excel
// sheets made by hand), compared by headerKey. The first column that claims a field wins.
const SYNONYMS: Record<ImportField, string[]> = {
  sku: ['sku', 'productsku', 'productid', 'itemid', 'itemcode', 'productcode', '商品id', '商品编码', '商品编号', '商家编码', '货号', '款号', '编码', '商品货号'],
  handle: ['handle', 'producthandle'],
  title: ['title', 'name', 'productname', 'producttitle', 'itemname', '商品名称', '商品标题', '标题', '名称', '品名', '商品名', '宝贝名称', '宝贝标题'],
  shortTitle: ['shorttitle', 'shortname', '短标题', '简称', '商品简称'],
  brand: ['brand', 'vendor', '品牌', '品牌名称'],
  category: ['category', 'type', 'producttype', 'productcategory', '类目', '分类', '商品类目', '商品分类', '类别', '商品一级类目', '一级类目'],
  tags: ['tags', 'tag', 'keywords', '标签', '商品标签', '关键词'],
  listPrice: ['listprice', 'originalprice', 'compareatprice', 'msrp', 'regularprice', '原价', '划线价', '日常价', '市场价', '吊牌价'],
  livePrice: ['liveprice', 'price', 'saleprice', 'currentprice', '价格', '售价', '直播价', '到手价', '现价', '销售价', '活动价', '宝贝价格', '商品价格', '一口价'],
  floorPrice: ['floorprice', 'minprice', 'lowestprice', '底价', '最低价', '保底价'],
  currency: ['currency', '币种', '货币'],
  stock: ['stock', 'inventory', 'qty', 'quantity', 'inventoryqty', '库存', '库存数量', '可售库存', '数量', '宝贝数量'],
  limitPerBuyer: ['limitperbuyer', 'limit', 'purchaselimit', '限购', '每人限购', '限购数量'],
  role: ['role', 'productrole', '商品角色', '角色', '定位', '商品定位'],
  sellingPoints: ['sellingpoints', 'sellingpoint', 'highlights', 'features', '卖点', '商品卖点', '宝贝卖点'],
  talkingPoints: ['talkingpoints', 'script', 'pitch', '话术', '讲解话术', '口播'],
  faq: ['faq', 'faqs', '常见问题', '问答'],
  link: ['link', 'url', 'productlink', 'producturl', '链接', '商品链接', '购买链接', '商品详情页链接地址', '商品详情页链接', '详情页链接'],
  notes: ['notes', 'note', 'remarks', 'description', '备注', '描述', '说明', '商品描述'],
  bodyHtml: ['bodyhtml', 'descriptionhtml', '宝贝描述'],
  archived: ['archived', '归档', '已归档', '下架'],
  barcode: ['barcode', 'ean', 'upc', 'gtin', '条码', '条形码', '商品条码', '商品条形码'],
  images: ['images', 'imagehashes', '图片'],
  imageUrl: ['imagesrc', 'imageurl', 'image', '图片链接', '主图', '主图链接', '商品主图', '商品主图链接'],
  variantSku: ['variantsku', '规格编码', 'sku编码', '规格sku', '子sku'],
  variantTitle: ['varianttitle', 'variantname', '规格', '规格名称', '规格名'],
  option1Name: ['option1name'],
  option1Value: ['option1value'],
  option2Name: ['option2name'],
  option2Value: ['option2value'],
  option3Name: ['option3name'],
  option3Value: ['option3value'],
  variantListPrice: ['variantlistprice', 'variantcompareatprice', '规格原价', '规格划线价'],
  variantLivePrice: ['variantliveprice', 'variantprice', '规格价格', '规格售价', '规格直播价'],
  variantStock: ['variantstock', 'variantinventoryqty', '规格库存'],
  variantBarcode: ['variantbarcode', '规格条码'],
  commissionRate: ['commissionrate', 'commission%', 'commissionrate%', '佣金率', '佣金比例', '佣金比率', '收入比率', '收入比率%', '分佣比例', '佣金率%'],
  couponAmount: ['couponamount', 'coupon', 'couponvalue', '优惠券面额', '券面额', '优惠券金额', '优惠券'],
  priceAfterCoupon: ['priceaftercoupon', 'couponprice', '券后价', '券后价格', '用券后价'],
  shopName: ['shopname', 'shop', 'store', 'storename', 'supplier', '店铺名称', '店铺名', '店铺', '商家名称', '供应商'],
  platformId: ['platformid', 'numid', '数字id', '宝贝id', '平台商品id'],
  platformIds: ['platformids'],
  costPrice: ['costprice', 'cost', 'unitcost', '成本价', '成本', '进货价', '采购价'],
  monthlySales: ['monthlysales', 'salespermonth', '月销量', '商品月销量', '月销', '30天销量', '近30天销量'],
  pictures: ['新图片', 'picture'],
};

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const n of names) if (!LOOKUP.has(n)) LOOKUP.set(n, field);
}
for (const c of EXPORT_COLUMNS) LOOKUP.set(headerKey(c.header), c.field);

/** Every header name the catalog import knows: the header row is the one that has most of them. */
export const CATALOG_VOCABULARY = new HeaderVocabulary([...LOOKUP.keys()]);

const has = (keys: Set<string>, ...names: string[]) => names.some((n) => keys.has(headerKey(n)));
const keysOf = (header: string[]) => new Set(header.flatMap((h) => [headerKey(h), headerKeyWithoutUnit(h)]));

export function detectLayout(header: string[]): ImportLayout {
  const keys = keysOf(header);
  if (keys.has('handle') && keys.has('variantsku') && keys.has('variantprice')) return 'shopify';
  if (CORE_EXPORT_HEADERS.every((h) => keys.has(headerKey(h)))) return 'cuecart';
  if (has(keys, '宝贝名称') && has(keys, '宝贝价格', '新图片', '数字ID')) return 'taobao-assistant';
  // A marketplace selection list: the platform's item id, commission or coupon columns, and no SKU of the shop's own.
  if (has(keys, '商品id', 'itemid', 'productid') && has(keys, '收入比率', '佣金率', '佣金比例', '券后价', '优惠券面额') && !has(keys, '商家编码', '商品编码', 'sku', '货号')) {
    return 'affiliate';
  }
  return 'generic';
}

/** Where a layout's item ids belong when the caller does not say: 淘宝助理 and 淘宝联盟 are Taobao's, 精选联盟 Douyin's. */
export function guessPlatform(header: string[], layout: ImportLayout): Platform {
  const keys = keysOf(header);
  if (layout === 'taobao-assistant') return 'taobao';
  if (layout === 'affiliate') {
    if (has(keys, '收入比率', '卖家旺旺', '淘宝客链接', '平台类型')) return 'taobao';
    if (has(keys, '佣金率', '佣金比例')) return 'douyin';
  }
  return 'other';
}

/** Columns whose meaning depends on the layout (in a selection list 商品id is the platform's id, not a SKU). */
const LAYOUT_FIELDS: Partial<Record<ImportLayout, Record<string, ImportField | null>>> = {
  affiliate: { 商品id: 'platformId', itemid: 'platformId', productid: 'platformId' },
  'taobao-assistant': { 宝贝类目: null, 店铺类目: null, 宝贝图片: null },
};

/** One field (or null) per column; a field is claimed by the first column that names it. */
export function suggestMapping(header: string[], layout: ImportLayout = detectLayout(header)): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  const special = LAYOUT_FIELDS[layout] ?? {};
  return header.map((h) => {
    const key = headerKey(h);
    // "价格（元）", "Price (USD)": a unit in brackets does not change what the column is.
    const bare = headerKeyWithoutUnit(h);
    const field = Object.hasOwn(special, key) ? special[key]! : Object.hasOwn(special, bare) ? special[bare]! : (LOOKUP.get(key) ?? LOOKUP.get(bare) ?? null);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
