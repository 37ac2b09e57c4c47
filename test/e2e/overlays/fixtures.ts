import { api, type ServeProcess } from '../../helpers/serve';

// Overlay content in Chinese and English, with names long enough that they must truncate.

export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];

export interface Seeded {
  products: Record<Lang, string>;
  hosts: Record<Lang, string>;
}

const PRODUCTS = {
  zh: {
    sku: 'OV-ZH-1',
    title: '润研 玻尿酸保湿面霜 50ml 秋冬补水锁水 敏感肌可用 专柜正品 直播间专享超值两件装 买一送一 限时加赠同款小样',
    listPrice: 29900,
    livePrice: 19900,
    currency: 'CNY',
    stock: 12,
    limitPerBuyer: 2,
    role: 'hero',
    sellingPoints: ['五重分子玻尿酸', '48小时长效锁水', '无香精无酒精'],
    link: 'https://example.com/products/cc-sk-001?from=live',
  },
  en: {
    sku: 'OV-EN-1',
    title: 'RUNYAN Hyaluronic Acid Deep Moisture Face Cream 50 ml, Fragrance-free and Sensitive-skin Safe, Live-only Twin Pack',
    listPrice: 3999,
    livePrice: 2499,
    currency: 'USD',
    stock: 48,
    limitPerBuyer: 3,
    role: 'traffic',
    sellingPoints: ['5 hyaluronic acids', '48 h hydration', 'Fragrance-free'],
    link: 'https://example.com/products/cc-sk-001?from=live&lang=en',
  },
};

/** Demo workspace (for images and hosts) plus one long-named product per language. */
export async function seed(s: ServeProcess): Promise<Seeded> {
  const listed = await api(s, 'GET', '/products?limit=5');
  const images: string[] = listed.body.items.flatMap((p: { images: string[] }) => p.images);
  const hosts = (await api(s, 'GET', '/hosts')).body as { id: string; name: string }[];
  const products = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const res = await api(s, 'POST', '/products', { ...PRODUCTS[lang], images: [images[lang === 'zh' ? 0 : 1]] });
    if (res.status !== 201) throw new Error(`seed product: ${JSON.stringify(res.body)}`);
    products[lang] = res.body.id;
  }
  return {
    products,
    hosts: { zh: hosts.find((h) => h.name === '林小溪')!.id, en: hosts.find((h) => h.name === 'Maya Chen')!.id },
  };
}

/** The show call for each kind, in each language. */
export function showBodies(seeded: Seeded, lang: Lang): Record<string, unknown> {
  const zh = lang === 'zh';
  return {
    'product-card': { productId: seeded.products[lang] },
    'price-sticker': { productId: seeded.products[lang], content: { mechanism: zh ? '满199减30 · 叠券到手169' : 'Buy 2, save $5 more' } },
    'lower-third': {
      content: {
        hostId: seeded.hosts[lang],
        title: zh ? '首席美妆官 · 每晚8点准时开播 · 成分党护肤干货分享' : 'Shop Host · Skincare and kitchen gadgets · Live every Friday at 8 pm',
        text: '',
      },
    },
    countdown: { content: { durationMs: 300_000, style: 'flash', soldOut: false, label: zh ? '限时秒杀 · 玻尿酸面霜' : 'Flash sale · Face cream' } },
    banner: {
      content: {
        text: zh
          ? '福利来袭！今晚下单的家人们，前100名加送同款5ml小样×2，满299再送定制化妆包，关注主播点亮粉丝灯牌，每整点抽一次福袋，手慢无！'
          : 'Tonight only: the first 100 orders get two free 5 ml travel samples, orders over $30 get a free pouch, and every hour on the hour we draw a giveaway for followers!',
      },
    },
    ticker: {
      content: {
        items: zh
          ? ['新人下单立减10元', '满199减30，可叠加店铺券', '福袋每整点开奖，关注主播即可参与', '48小时内发货，支持7天无理由退换']
          : ['New buyers save $2 on the first order', 'Spend $30, save $5', 'Follow us for the hourly giveaway', 'Ships in 48 hours, 7-day returns'],
      },
    },
  };
}

export async function showAll(s: ServeProcess, seeded: Seeded, lang: Lang): Promise<void> {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const theme = await api(s, 'PATCH', '/overlays/theme', { locale });
  if (theme.status !== 200) throw new Error(`theme: ${JSON.stringify(theme.body)}`);
  for (const [kind, body] of Object.entries(showBodies(seeded, lang))) {
    const res = await api(s, 'POST', `/overlays/${kind}/show`, body);
    if (res.status !== 200) throw new Error(`show ${kind}: ${JSON.stringify(res.body)}`);
  }
}
