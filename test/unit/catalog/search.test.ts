import { describe, expect, it } from 'vitest';
import { pinyinMatchesRun, segmentations } from '../../../electron/core/products/search/pinyin';
import { Ranker } from '../../../electron/core/products/search/rank';
import { parseQuery, SearchIndex, type SearchDoc } from '../../../electron/core/products/search/search-index';

let n = 0;
function doc(title: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  n += 1;
  return { id: `p${n}`, sku: `SKU-${String(n).padStart(3, '0')}`, title, shortTitle: '', brand: '', tags: [], variantSkus: [], platformIds: [], shopName: '', role: 'regular', archived: false, stock: 10, livePrice: 100, updatedAt: n, ...extra };
}

function build(docs: SearchDoc[]) {
  const index = new SearchIndex();
  for (const d of docs) index.upsert(d);
  const ranker = new Ranker(index);
  const find = (q: string, f: object = {}) => Array.from(ranker.page({ q, ...f }, 0, 1000).ordinals, (o) => index.entry(o)!.doc.title);
  return { index, find };
}

const catalog = [
  doc('润研 玻尿酸保湿面霜 50ml', { brand: 'RUNYAN 润研', tags: ['保湿', '秋冬'] }),
  doc('多效修护淡纹眼霜 15g'),
  doc('氨基酸温和洁面乳 120g', { tags: ['9.9秒杀'] }),
  doc('Hydrating Face Cream SPF50', { brand: 'Acme' }),
  doc('Creamy Latte Mug', { sku: 'MUG-CRM-01' }),
  doc('绿茶清爽爽肤水', { shortTitle: '绿茶水' }),
  doc('招商银行联名卡套'),
  doc('北欧风桌面收纳盒'),
];

describe('search: Chinese substrings, words and prefixes, pinyin, mixed', () => {
  const { find } = build(catalog);

  it('finds any Chinese substring, one character included', () => {
    expect(find('霜').sort()).toEqual(['多效修护淡纹眼霜 15g', '润研 玻尿酸保湿面霜 50ml']);
    expect(find('面霜')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
    expect(find('保湿面霜')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
    expect(find('霜面')).toEqual([]);
  });

  it('needs the characters of a query together: pairs found apart are not a match', () => {
    const { find } = build([doc('洁面霜和面乳套装'), doc('氨基酸洁面乳'), doc('洁面 乳液')]);
    expect(find('洁面乳')).toEqual(['氨基酸洁面乳']);
    expect(find('洁面').sort()).toEqual(['氨基酸洁面乳', '洁面 乳液', '洁面霜和面乳套装'].sort());
    expect(find('面乳').sort()).toEqual(['氨基酸洁面乳', '洁面霜和面乳套装'].sort());
    expect(find('面乳液')).toEqual([]);
  });

  it('finds English words and prefixes, case-blind, and SKUs with or without separators', () => {
    // Title prefix ranks above a word inside the title.
    expect(find('cream')).toEqual(['Creamy Latte Mug', 'Hydrating Face Cream SPF50']);
    expect(find('CREA')).toHaveLength(2);
    expect(find('spf')).toEqual(['Hydrating Face Cream SPF50']);
    expect(find('50')).toEqual(expect.arrayContaining(['Hydrating Face Cream SPF50', '润研 玻尿酸保湿面霜 50ml']));
    expect(find('acme')).toEqual(['Hydrating Face Cream SPF50']);
    expect(find('mug-crm')).toEqual(['Creamy Latte Mug']);
    expect(find('mugcrm0')).toEqual(['Creamy Latte Mug']);
  });

  it('finds by pinyin: full, initials, and a partial last syllable', () => {
    for (const q of ['mianshuang', 'ms', 'mians', 'mianshu', 'MianShuang']) expect(find(q)).toContain('润研 玻尿酸保湿面霜 50ml');
    expect(find('mianshuang')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
    expect(find('yanshuang')).toEqual(['多效修护淡纹眼霜 15g']);
    expect(find('ms')).toContain('氨基酸温和洁面乳 120g'); // tag 秒杀
    expect(find('ms')).toContain('北欧风桌面收纳盒'); // 面收
    expect(find('runyan')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
  });

  it('uses every reading of a polyphonic character, and lv or lu for 绿', () => {
    expect(find('yinhang')).toEqual(['招商银行联名卡套']);
    expect(find('lvcha')).toEqual(['绿茶清爽爽肤水']);
    expect(find('lucha')).toEqual(['绿茶清爽爽肤水']);
    expect(find('lcqs')).toEqual(['绿茶清爽爽肤水']);
  });

  it('ANDs Chinese and Latin tokens in one query', () => {
    expect(find('保湿 ml')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
    expect(find('霜 15g')).toEqual(['多效修护淡纹眼霜 15g']);
    expect(find('面霜50')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
    expect(find('runyan 霜')).toEqual(['润研 玻尿酸保湿面霜 50ml']);
    expect(find('cream 霜')).toEqual([]);
  });

  it('ranks an exact SKU first, then title prefix, then title substring', () => {
    const { find: f2 } = build([doc('Mug warmer'), doc('Travel mug'), doc('Other', { sku: 'MUG' }), doc('x', { brand: 'Mug Co' })]);
    expect(f2('mug')).toEqual(['Other', 'Mug warmer', 'Travel mug', 'x']);
  });
});

describe('search index upkeep and filters', () => {
  it('follows updates and deletions', () => {
    const { index, find } = build([]);
    const d = doc('保湿面霜');
    index.upsert(d);
    expect(find('霜')).toEqual(['保湿面霜']);
    index.upsert({ ...d, title: '洁面乳' });
    expect(find('霜')).toEqual([]);
    expect(find('jmr')).toEqual(['洁面乳']);
    index.remove(d.id);
    expect(find('jmr')).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('filters by role, tag, brand, stock and archived, and sorts', () => {
    const { find } = build([
      doc('A 面霜', { role: 'hero', tags: ['保湿'], brand: 'X', stock: 0, livePrice: 300 }),
      doc('B 面霜', { role: 'perk', tags: ['保湿'], brand: 'Y', stock: null, livePrice: 100 }),
      doc('C 面霜', { role: 'hero', archived: true, livePrice: 200 }),
    ]);
    expect(find('面霜', { role: 'hero' })).toEqual(['A 面霜']);
    expect(find('面霜', { role: 'hero', includeArchived: true })).toEqual(['C 面霜', 'A 面霜']);
    expect(find('面霜', { archived: true })).toEqual(['C 面霜']);
    expect(find('', { tag: '保湿' })).toHaveLength(2);
    expect(find('', { brand: 'x' })).toEqual(['A 面霜']);
    expect(find('', { inStock: true })).toEqual(['B 面霜']);
    expect(find('', { inStock: false })).toEqual(['A 面霜']);
    expect(find('面霜', { sort: 'livePrice', includeArchived: true })).toEqual(['A 面霜', 'C 面霜', 'B 面霜']);
    expect(find('面霜', { sort: 'livePrice', order: 'asc', includeArchived: true })).toEqual(['B 面霜', 'C 面霜', 'A 面霜']);
    expect(find('', { sort: 'title' })).toEqual(['A 面霜', 'B 面霜']);
  });

  it('parses queries into Chinese runs and Latin words, and pinyin into syllable pieces', () => {
    expect(parseQuery('面霜la  SPF-50')).toEqual([
      { kind: 'chars', text: '面霜' },
      { kind: 'word', text: 'la' },
      { kind: 'word', text: 'spf' },
      { kind: 'word', text: '50' },
    ]);
    expect(segmentations('mians')[0]).toEqual(['mian', 's']);
    expect(segmentations('ms')).toEqual([['m', 's']]);
    expect(pinyinMatchesRun('zhs', '张三')).toBe(true);
    expect(pinyinMatchesRun('zs', '张三')).toBe(true);
    expect(pinyinMatchesRun('sz', '张三')).toBe(false);
  });
});
