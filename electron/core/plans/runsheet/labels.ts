import type { CueKind, ExportLang, PlanWarningCode } from '../../../contract';

// Words for exported files. The core writes them, so they live here rather than in the
// renderer's i18n resources; both languages have the same keys (the type says so).

const en = {
  sheet: 'Run sheet',
  columns: {
    time: 'Time',
    duration: 'Duration',
    segment: 'Segment',
    cue: 'Cue',
    kind: 'Type',
    product: 'Product',
    sku: 'SKU',
    price: 'Live price',
    mechanism: 'Price mechanism',
    perk: 'Perk',
    talkingPoints: 'Talking points',
    hosts: 'Host',
    stock: 'Stock',
    actions: 'On-air actions',
    notes: 'Notes',
  },
  kinds: { pitch: 'Pitch', flash_sale: 'Flash sale', giveaway: 'Giveaway', interaction: 'Interaction', break: 'Break', generic: 'Generic' } satisfies Record<CueKind, string>,
  header: { platform: 'Platform', start: 'Start', planned: 'Planned length', total: 'Rundown', over: 'over', under: 'under', exact: 'on time', hosts: 'Hosts', goal: 'Goal' },
  actions: { scene: 'Scene', show: 'Show', hide: 'Hide', on: 'on', off: 'off' },
  flash: (s: number) => `${s}s flash sale`,
  units: (n: number) => `${n} units`,
  giveaway: { prize: 'Prize', countdown: 'Countdown', winners: 'Winners' },
  card: {
    title: 'Host cue cards',
    runOrder: 'Run order',
    listPrice: 'List price',
    livePrice: 'Live price',
    afterCoupon: (price: string) => `${price} after coupon`,
    sellingPoints: 'Selling points',
    talkingPoints: 'Talking points',
    faq: 'FAQ',
    airs: 'On air at',
    none: '—',
  },
  warnings: {
    no_duration: 'no duration',
    no_product: 'no product',
    product_missing: 'product missing',
    product_archived: 'product archived',
    out_of_stock: 'out of stock',
    stock_short: 'more stock than available',
    price_above_list: 'live price above list price',
    price_below_floor: 'below floor price',
    repeat_product: 'same product twice in a row',
  } satisfies Record<PlanWarningCode, string>,
  pdfUnavailable: 'PDF export needs Chromium on this machine (/usr/bin/chromium or CHROMIUM_PATH). Export HTML and print it to PDF from a browser instead.',
};

type Labels = typeof en;

const zh: Labels = {
  sheet: '流程单',
  columns: {
    time: '时间',
    duration: '时长',
    segment: '环节',
    cue: '内容',
    kind: '类型',
    product: '商品',
    sku: 'SKU',
    price: '直播价',
    mechanism: '价格机制',
    perk: '福利',
    talkingPoints: '话术',
    hosts: '主播',
    stock: '库存',
    actions: '播出动作',
    notes: '备注',
  },
  kinds: { pitch: '讲品', flash_sale: '秒杀', giveaway: '福袋', interaction: '互动', break: '休息', generic: '其他' },
  header: { platform: '平台', start: '开播', planned: '计划时长', total: '流程总长', over: '超时', under: '不足', exact: '正好', hosts: '主播', goal: '目标' },
  actions: { scene: '场景', show: '显示', hide: '隐藏', on: '开', off: '关' },
  flash: (s: number) => `${s}秒秒杀`,
  units: (n: number) => `${n}件`,
  giveaway: { prize: '奖品', countdown: '倒计时', winners: '中奖人数' },
  card: {
    title: '主播手卡',
    runOrder: '流程',
    listPrice: '日常价',
    livePrice: '直播价',
    afterCoupon: (price: string) => `券后 ${price}`,
    sellingPoints: '卖点',
    talkingPoints: '话术',
    faq: '常见问题',
    airs: '播出时间',
    none: '—',
  },
  warnings: {
    no_duration: '未设时长',
    no_product: '未选商品',
    product_missing: '商品不存在',
    product_archived: '商品已归档',
    out_of_stock: '商品无库存',
    stock_short: '放量超过库存',
    price_above_list: '直播价高于日常价',
    price_below_floor: '低于底价',
    repeat_product: '同一商品连续出现',
  },
  pdfUnavailable: '导出 PDF 需要本机安装 Chromium（/usr/bin/chromium 或 CHROMIUM_PATH）。可先导出 HTML，再在浏览器中打印为 PDF。',
};

export function labels(lang: ExportLang): Labels {
  return lang === 'en' ? en : zh;
}

const PLATFORM_NAMES: Record<ExportLang, Record<string, string>> = {
  en: { douyin: 'Douyin', taobao: 'Taobao Live', kuaishou: 'Kuaishou', wechat: 'WeChat Channels', xiaohongshu: 'Xiaohongshu', tiktok: 'TikTok Shop', youtube: 'YouTube', other: 'Other' },
  'zh-CN': { douyin: '抖音', taobao: '淘宝直播', kuaishou: '快手', wechat: '视频号', xiaohongshu: '小红书', tiktok: 'TikTok Shop', youtube: 'YouTube', other: '其他' },
};

export function platformName(platform: string, lang: ExportLang): string {
  return PLATFORM_NAMES[lang][platform] ?? platform;
}
