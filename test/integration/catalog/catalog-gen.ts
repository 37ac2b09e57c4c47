// A deterministic, realistic catalog for search tests and the benchmark: bilingual titles from
// a long-tailed vocabulary (a few very common product words, many rare ones), brands, tags.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS_ZH = ['润研', '清屿', '光研所', '绮梦', '果园小站', '木禾家居', '山野', '初见', '暖阳', '云朵', '青柠', '森屿', '星河', '蓝岸', '禾木'];
const BRANDS_EN = ['Acme', 'Lumilab', 'Northwind', 'Bluebay', 'Softleaf', 'Oakridge', 'Pinecone', 'Sunward'];
const ADJ_ZH = ['保湿', '补水', '修护', '温和', '清爽', '控油', '美白', '舒缓', '加厚', '轻薄', '大容量', '便携', '纯棉', '冰丝', '复古', '北欧风'];
const NOUNS_ZH = [
  '面霜', '眼霜', '洁面乳', '精华液', '爽肤水', '防晒霜', '口红', '面膜', '卫衣', 'T恤', '牛仔裤', '收纳盒', '保温杯', '抱枕', '拖鞋', '帆布包',
  '蜂蜜柠檬片', '坚果礼盒', '挂耳咖啡', '电动牙刷', '蓝牙耳机', '瑜伽垫', '香薰蜡烛', '真丝眼罩', '羊绒围巾', '榛子巧克力', '手冲壶', '砂锅', '竹制砧板',
];
const ADJ_EN = ['Hydrating', 'Gentle', 'Soft', 'Classic', 'Organic', 'Portable', 'Vintage', 'Premium', 'Light', 'Cozy'];
const NOUNS_EN = ['Cream', 'Cleanser', 'Serum', 'Hoodie', 'Tee', 'Jeans', 'Mug', 'Tumbler', 'Pillow', 'Slippers', 'Tote', 'Candle', 'Scarf', 'Headphones', 'Kettle', 'Teapot', 'Lantern'];
/** About 1 product in 500 gets one of these: the selective queries of the benchmark. */
const RARE_ZH = ['紫砂壶', '檀香扇', '景泰蓝', '缂丝团扇', '澄泥砚', '青花瓷盘', '苏绣屏风', '宣纸礼盒'];
const RARE_EN = ['Kaleidoscope', 'Harmonica', 'Sextant', 'Metronome'];
const TAGS = ['新品', '爆款', '秋冬', '敏感肌', '9.9秒杀', '限时', 'gift', 'bestseller', '包邮', '直播专享'];
const SIZES = ['50ml', '30ml', '120g', '15g', 'L', 'XL', '500ml', '3件装', '2入', ''];

export interface GenProduct {
  sku: string;
  title: string;
  brand: string;
  tags: string[];
  listPrice: number;
  livePrice: number;
  stock: number;
  category: string;
}

/** Zipf-ish pick: index 0 is most common, the tail rare. */
function skewed(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * r() ** 2.2));
}

export function generateCatalog(count: number, seed = 42): GenProduct[] {
  const r = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const out: GenProduct[] = [];
  for (let i = 0; i < count; i += 1) {
    const zh = r() < 0.7;
    const brand = zh ? pick(BRANDS_ZH) : pick(BRANDS_EN);
    const rare = r() < 0.002;
    const noun = zh
      ? rare ? pick(RARE_ZH) : NOUNS_ZH[skewed(r, NOUNS_ZH.length)]!
      : rare ? pick(RARE_EN) : NOUNS_EN[skewed(r, NOUNS_EN.length)]!;
    const title = zh ? `${brand} ${pick(ADJ_ZH)}${noun} ${pick(SIZES)}`.trim() : `${brand} ${pick(ADJ_EN)} ${noun} ${pick(SIZES)}`.trim();
    const listPrice = (10 + Math.floor(r() * 990)) * 100;
    out.push({
      sku: `CC-${String(i + 1).padStart(6, '0')}`,
      title,
      brand,
      tags: r() < 0.5 ? [pick(TAGS)] : [],
      listPrice,
      livePrice: Math.round(listPrice * (0.5 + r() * 0.5)),
      stock: Math.floor(r() * 500),
      category: zh ? '美妆' : 'Home',
    });
  }
  return out;
}

const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The catalog as a Chinese-header CSV, the way a back office exports it. */
export function catalogCsv(products: GenProduct[]): string {
  const lines = ['商品编码,商品名称,品牌,类目,标签,原价,直播价,库存'];
  for (const p of products) {
    lines.push([p.sku, p.title, p.brand, p.category, p.tags.join('、'), money(p.listPrice), money(p.livePrice), String(p.stock)].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
