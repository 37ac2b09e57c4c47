import type { RecapKind } from '../../../contract';

/**
 * Header layouts of real platform exports (see /shared/reference/platform-exports.md): which
 * column feeds which field. Names compare by headerKey (full-width and half-width brackets, case,
 * spaces and punctuation fold), with and without a bracketed unit. Within a field the first name
 * found wins, so Douyin's 用户支付金额 is taken over 成交金额 when a file has both. Other
 * platforms' files go through the mapping screen (remembered per layout).
 */
export interface Preset {
  id: string;
  columns: Record<string, string[]>;
}

export const PRESETS: Record<RecapKind, Preset[]> = {
  products: [
    {
      // 抖音电商罗盘 / 巨量百应: 商品明细 of one show
      id: 'douyin-products',
      columns: {
        platformProductId: ['商品ID', '商品id'],
        title: ['商品名称'],
        price: ['直播间价格', '商品价格'],
        gmv: ['用户支付金额', '成交金额', '直播间成交金额', '用户支付金额(元)'],
        units: ['成交件数'],
        orders: ['成交订单数'],
        buyers: ['成交人数'],
        impressions: ['商品曝光人数'],
        clicks: ['商品点击人数'],
        ctr: ['商品曝光-点击率（人数）', '商品曝光-点击率(人数)', '商品点击率(人数)'],
        clickToOrder: ['商品点击-成交转化率（人数）', '商品点击-成交转化率(人数)', '点击成交转化率(人数)'],
        refund: ['退款金额'],
        pitchCount: ['讲解次数'],
        commissionRate: ['佣金率', '商品佣金率'],
      },
    },
    {
      // 淘宝直播 / 生意参谋: 商品效果
      id: 'taobao-products',
      columns: {
        platformProductId: ['商品ID', '宝贝ID'],
        title: ['商品标题', '宝贝标题'],
        price: ['商品价格', '一口价'],
        gmv: ['成交金额', '支付金额'],
        units: ['成交件数', '支付件数'],
        orders: ['成交笔数', '支付子订单数'],
        buyers: ['成交人数', '支付买家数'],
        clicks: ['商品点击人数', '商品点击次数'],
        addToCart: ['加购人数', '商品加购人数'],
        refund: ['退款金额'],
      },
    },
    {
      // TikTok Shop LIVE: product list
      id: 'tiktok-products',
      columns: {
        platformProductId: ['Product ID'],
        title: ['Product name', 'Product Name', 'Product'],
        sku: ['SKU ID', 'Seller SKU'],
        price: ['Price', 'Product price'],
        gmv: ['GMV', 'Attributed GMV', 'Revenue'],
        units: ['Items sold', 'Attributed items sold', 'Unit sales'],
        orders: ['Orders', 'SKU orders', 'Attributed orders'],
        buyers: ['Customers', 'Buyers'],
        impressions: ['Product impressions'],
        clicks: ['Product clicks'],
        ctr: ['CTR'],
        clickToOrder: ['CO rate', 'CTOR', 'Click-to-order rate'],
        refund: ['Refunds', 'Refund amount'],
        commissionRate: ['Commission rate'],
      },
    },
    {
      // Anything else, and Cuecart's own columns.
      id: 'generic-products',
      columns: {
        sku: ['SKU', '商品编码', '货号', '商家编码'],
        costPrice: ['成本价', '成本', 'Cost', 'Cost price'],
        gmv: ['销售额', 'Sales'],
        units: ['销量', '件数', 'Units'],
      },
    },
  ],
  totals: [
    {
      // 抖音 直播间数据 (daily overview / 场次概览)
      id: 'douyin-totals',
      columns: {
        room: ['直播间名称', '房间号（room_id）', '房间号'],
        date: ['日期'],
        startTime: ['开播时间'],
        endTime: ['关播时间'],
        durationMs: ['直播时长'],
        gmv: ['用户支付金额', '直播间用户支付金额', '成交金额', '直播间成交金额'],
        orders: ['成交订单数'],
        units: ['成交件数'],
        buyers: ['成交人数'],
        refund: ['直播间退款金额', '退款金额'],
        views: ['直播间观看人次', '观看人次', '观看次数'],
        viewers: ['直播间观看人数', '观看人数'],
        peakOnline: ['最高在线人数', '最高在线'],
        avgOnline: ['平均在线人数', '平均在线'],
        avgWatchMs: ['人均看播时长', '人均观看时长'],
        newFollowers: ['新增粉丝数', '新增粉丝'],
        comments: ['评论次数', '评论'],
        likes: ['点赞次数', '点赞'],
        shares: ['分享次数', '分享'],
        impressions: ['直播间曝光人数', '曝光人数'],
        productImpressions: ['商品曝光人数'],
        productClicks: ['商品点击人数'],
      },
    },
    {
      // 淘宝直播 / 生意参谋 场次
      id: 'taobao-totals',
      columns: {
        room: ['直播标题', '场次id'],
        startTime: ['开播时间'],
        views: ['直播间观看次数', '观看次数'],
        viewers: ['直播间观看人数', '观看人数'],
        newFollowers: ['新增粉丝数'],
        productClicks: ['商品点击人数'],
        buyers: ['成交人数'],
        units: ['成交件数'],
        orders: ['成交笔数'],
        gmv: ['成交金额'],
      },
    },
    {
      // TikTok Shop performance_detail (period in row 1, headers in row 3) and the older list
      id: 'tiktok-totals',
      columns: {
        room: ['Room ID', 'Room Title'],
        startTime: ['Start Time', 'Launched Time'],
        endTime: ['End Time'],
        durationMs: ['Duration'],
        gmv: ['Attributed GMV', 'GMV', 'Revenue'],
        units: ['Attributed items sold', 'Unit Sales', 'Items sold'],
        orders: ['Attributed orders', 'Orders Paid', 'Orders'],
        buyers: ['Customers', 'Buyers'],
        views: ['Views'],
        viewers: ['Viewers'],
        impressions: ['Impressions'],
        peakOnline: ['PCU', 'Peak viewers'],
        avgOnline: ['ACU', 'Average viewers'],
        avgWatchMs: ['Avg. viewing duration', 'Avg. Viewing Duration'],
        productImpressions: ['Product Impressions'],
        productClicks: ['Product clicks'],
        newFollowers: ['New followers'],
        comments: ['Comments'],
        shares: ['Shares'],
        likes: ['Likes'],
        refund: ['Refunds'],
      },
    },
  ],
  curve: [
    {
      // 抖音 实时/分钟级趋势 (巨量百应, 罗盘): per minute or per second
      id: 'douyin-curve',
      columns: {
        time: ['时间', '时间点', '日期时间', '分钟'],
        elapsed: ['开播时长', '已播时长'],
        online: ['实时在线人数', '在线人数', '当前在线人数', '在线用户数'],
        entries: ['进入直播间人数', '进入人数', '进场人数', '进房人数'],
        exits: ['离开直播间人数', '离开人数', '离场人数'],
        gmv: ['用户支付金额', '成交金额', '每分钟成交金额'],
      },
    },
    {
      id: 'tiktok-curve',
      columns: {
        time: ['Time', 'Timestamp', 'Minute'],
        elapsed: ['Time since start', 'Elapsed'],
        online: ['Concurrent viewers', 'Online viewers', 'Viewers online', 'CCU'],
        entries: ['Viewers joined', 'Entries'],
        exits: ['Viewers left', 'Exits'],
        gmv: ['GMV'],
      },
    },
  ],
  traffic: [
    {
      // 抖音 渠道流量
      id: 'douyin-traffic',
      columns: {
        channel: ['渠道名称', '流量来源', '渠道', '来源'],
        views: ['观看次数', '观看人次'],
        viewers: ['观看人数'],
        gmv: ['用户支付金额', '成交金额'],
        orders: ['成交订单数'],
      },
    },
    {
      id: 'tiktok-traffic',
      columns: {
        channel: ['Traffic source', 'Source', 'Channel'],
        views: ['Views'],
        viewers: ['Viewers'],
        gmv: ['GMV'],
        orders: ['Orders'],
      },
    },
  ],
};

/** What a kind cannot do without: every group needs one of its fields mapped. */
export const REQUIRED: Record<RecapKind, string[][]> = {
  products: [['gmv'], ['title', 'platformProductId', 'sku']],
  totals: [['gmv', 'views', 'viewers', 'orders']],
  curve: [['time', 'elapsed'], ['online']],
  traffic: [['channel'], ['views', 'viewers', 'gmv']],
};

/** Every header name a kind knows (for finding the header row). */
export function namesOf(kind: RecapKind): string[] {
  return PRESETS[kind].flatMap((p) => Object.values(p.columns).flat());
}
