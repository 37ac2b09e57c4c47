import { describe, expect, it } from 'vitest';
import { detectHeaderRow, HeaderVocabulary } from '../../../electron/core/spreadsheet';
import { VOCABULARY, missingFields, suggestMapping } from '../../../electron/core/recaps/import/mapping';
import { namesOf } from '../../../electron/core/recaps/import/presets';

// The header layouts of real exports (see /shared/reference/platform-exports.md) map by themselves.

const fields = (kind: Parameters<typeof suggestMapping>[0], header: string[]) => {
  const { mapping, preset } = suggestMapping(kind, header);
  return { preset, map: Object.fromEntries(header.map((h, i) => [h, mapping[i]])) };
};

describe('recap header presets', () => {
  it('reads Douyin product details with full-width or half-width brackets, 用户支付金额 before 成交金额', () => {
    for (const b of [['（', '）'], ['(', ')']]) {
      const header = ['商品ID', '商品名称', '直播间价格', '成交金额', '用户支付金额', '成交件数', '成交订单数', '商品曝光人数', '商品点击人数', `商品曝光-点击率${b[0]}人数${b[1]}`, `商品点击-成交转化率${b[0]}人数${b[1]}`, '退款金额'];
      const { preset, map } = fields('products', header);
      expect(preset).toBe('douyin-products');
      expect(map).toMatchObject({ 商品ID: 'platformProductId', 商品名称: 'title', 用户支付金额: 'gmv', 成交金额: null, 商品点击人数: 'clicks', 退款金额: 'refund' });
      expect(map[`商品曝光-点击率${b[0]}人数${b[1]}`]).toBe('ctr');
      expect(map[`商品点击-成交转化率${b[0]}人数${b[1]}`]).toBe('clickToOrder');
    }
  });

  it('reads Taobao and TikTok Shop product lists', () => {
    expect(fields('products', ['商品ID', '商品标题', '成交金额', '成交件数', '成交笔数', '加购人数'])).toEqual({
      preset: 'taobao-products',
      map: { 商品ID: 'platformProductId', 商品标题: 'title', 成交金额: 'gmv', 成交件数: 'units', 成交笔数: 'orders', 加购人数: 'addToCart' },
    });
    expect(fields('products', ['Product ID', 'Product name', 'GMV', 'Items sold', 'Orders', 'Product impressions', 'Product clicks', 'CTR', 'CO rate']).map).toEqual({
      'Product ID': 'platformProductId',
      'Product name': 'title',
      GMV: 'gmv',
      'Items sold': 'units',
      Orders: 'orders',
      'Product impressions': 'impressions',
      'Product clicks': 'clicks',
      CTR: 'ctr',
      'CO rate': 'clickToOrder',
    });
  });

  it('finds TikTok Shop performance_detail headers on row 3 under the period line', () => {
    const rows = [
      { line: 1, cells: ['2026-11-01 ~ 2026-11-30'] },
      { line: 3, cells: ['Room ID', 'Room Title', 'Start Time', 'End Time', 'Duration', 'Attributed GMV', 'Attributed items sold', 'Attributed orders', 'Customers', 'AOV', 'Views', 'Impressions', 'GMV per hour', 'Show GPM', 'Watch GPM', 'Avg. viewing duration', 'Product Impressions', 'Product clicks', 'CTR', 'CTOR', 'New followers', 'Comments', 'Shares', 'Likes'] },
      { line: 4, cells: ['7301', 'Glow Up Friday', '2026-11-20 19:00', '2026-11-20 21:00', '2h', '$1,234.50', '80', '70', '65', '$17.64', '5,400', '32,000', '$617', '$38.6', '$228.6', '1m28s', '3,100', '420', '13.5%', '15.5%', '41', '380', '25', '2.1k'] },
    ];
    const { index } = detectHeaderRow(rows, VOCABULARY.totals);
    expect(rows[index]!.line).toBe(3);
    const { preset, map } = fields('totals', rows[1]!.cells);
    expect(preset).toBe('tiktok-totals');
    expect(map).toMatchObject({ 'Attributed GMV': 'gmv', 'Attributed orders': 'orders', Customers: 'buyers', Views: 'views', 'Avg. viewing duration': 'avgWatchMs', 'New followers': 'newFollowers', 'Product clicks': 'productClicks', Duration: 'durationMs' });
    expect(map.AOV).toBeNull(); // computed, not imported
  });

  it('knows what a kind cannot do without', () => {
    expect(missingFields('products', ['title', null])).toEqual([['gmv']]);
    expect(missingFields('curve', ['online'])).toEqual([['time', 'elapsed']]);
    expect(missingFields('totals', [null])).toEqual([['gmv', 'views', 'viewers', 'orders']]);
    expect(new HeaderVocabulary(namesOf('traffic')).knows('渠道名称')).toBe(true);
  });
});
