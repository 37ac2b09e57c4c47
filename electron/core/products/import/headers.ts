import type { ImportField, ImportLayout } from '../../../contract';
import { headerKey, headerKeyWithoutUnit, HeaderVocabulary } from '../../spreadsheet';
import { EXPORT_COLUMNS } from '../export/columns';

export { headerKey, headerSignature } from '../../spreadsheet';

// Names people and platforms give each column (Shopify, Douyin/Taobao back offices, Excel
// sheets made by hand), compared by headerKey. The first column that claims a field wins.
const SYNONYMS: Record<ImportField, string[]> = {
  sku: ['sku', 'productsku', 'productid', 'itemid', 'itemcode', 'productcode', '商品id', '商品编码', '商品编号', '商家编码', '货号', '款号', '编码', '商品货号'],
  handle: ['handle', 'producthandle'],
  title: ['title', 'name', 'productname', 'producttitle', 'itemname', '商品名称', '商品标题', '标题', '名称', '品名', '商品名'],
  shortTitle: ['shorttitle', 'shortname', '短标题', '简称', '商品简称'],
  brand: ['brand', 'vendor', '品牌', '品牌名称'],
  category: ['category', 'type', 'producttype', 'productcategory', '类目', '分类', '商品类目', '商品分类', '类别'],
  tags: ['tags', 'tag', 'keywords', '标签', '商品标签', '关键词'],
  listPrice: ['listprice', 'originalprice', 'compareatprice', 'msrp', 'regularprice', '原价', '划线价', '日常价', '市场价', '吊牌价'],
  livePrice: ['liveprice', 'price', 'saleprice', 'currentprice', '价格', '售价', '直播价', '到手价', '现价', '销售价', '活动价'],
  floorPrice: ['floorprice', 'minprice', 'lowestprice', '底价', '最低价', '保底价'],
  currency: ['currency', '币种', '货币'],
  stock: ['stock', 'inventory', 'qty', 'quantity', 'inventoryqty', '库存', '库存数量', '可售库存', '数量'],
  limitPerBuyer: ['limitperbuyer', 'limit', 'purchaselimit', '限购', '每人限购', '限购数量'],
  role: ['role', 'productrole', '商品角色', '角色', '定位', '商品定位'],
  sellingPoints: ['sellingpoints', 'sellingpoint', 'highlights', 'features', '卖点', '商品卖点'],
  talkingPoints: ['talkingpoints', 'script', 'pitch', '话术', '讲解话术', '口播'],
  faq: ['faq', 'faqs', '常见问题', '问答'],
  link: ['link', 'url', 'productlink', 'producturl', '链接', '商品链接', '购买链接'],
  notes: ['notes', 'note', 'remarks', 'description', '备注', '描述', '说明', '商品描述'],
  bodyHtml: ['bodyhtml', 'descriptionhtml'],
  archived: ['archived', '归档', '已归档', '下架'],
  barcode: ['barcode', 'ean', 'upc', 'gtin', '条码', '条形码', '商品条码'],
  images: ['images', 'imagehashes', '图片'],
  imageUrl: ['imagesrc', 'imageurl', 'image', '图片链接', '主图', '主图链接'],
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
};

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const n of names) if (!LOOKUP.has(n)) LOOKUP.set(n, field);
}
for (const c of EXPORT_COLUMNS) LOOKUP.set(headerKey(c.header), c.field);

/** Every header name the catalog import knows: the header row is the one that has most of them. */
export const CATALOG_VOCABULARY = new HeaderVocabulary([...LOOKUP.keys()]);

export function detectLayout(header: string[]): ImportLayout {
  const keys = new Set(header.map(headerKey));
  if (keys.has('handle') && keys.has('variantsku') && keys.has('variantprice')) return 'shopify';
  if (EXPORT_COLUMNS.every((c) => keys.has(headerKey(c.header)))) return 'cuecart';
  return 'generic';
}

/** One field (or null) per column; a field is claimed by the first column that names it. */
export function suggestMapping(header: string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return header.map((h) => {
    // "价格（元）", "Price (USD)": a unit in brackets does not change what the column is.
    const field = LOOKUP.get(headerKey(h)) ?? LOOKUP.get(headerKeyWithoutUnit(h)) ?? null;
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
