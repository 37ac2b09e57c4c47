import { formatClock, timeOfDay, type Product } from '../../../contract';
import { labels } from './labels';
import { formatMoney, headerFacts, runsheetRows, type RunsheetContext } from './runsheet-model';
import { afterCoupon } from '../../overlays/fill';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const lines = (s: string) => esc(s).replace(/\n/g, '<br>');

/** One card's facts: the product and what this show does with it (first pitch wins). */
interface Card {
  product: Product;
  price: number | null;
  mechanism: string;
  perk: string;
  talkingPoints: string;
  times: string[];
}

function cards(ctx: RunsheetContext): Card[] {
  const byProduct = new Map<string, Card>();
  for (const segment of ctx.show.segments) {
    for (const cue of segment.cues) {
      const product = cue.productId ? ctx.products.get(cue.productId) : undefined;
      if (!product) continue;
      let card = byProduct.get(product.id);
      if (!card) {
        card = { product, price: null, mechanism: '', perk: '', talkingPoints: '', times: [] };
        byProduct.set(product.id, card);
      }
      card.times.push(timeOfDay(cue.startAt, ctx.show.timeZone));
      if (cue.kind === 'pitch') {
        card.price ??= cue.livePrice;
        card.mechanism ||= cue.mechanism;
        card.perk ||= cue.perk;
        card.talkingPoints ||= cue.talkingPoints;
      } else if (cue.kind === 'flash_sale') {
        card.price ??= cue.price;
        card.mechanism ||= cue.mechanism;
      }
    }
  }
  return [...byProduct.values()];
}

const STYLE = `
  @page { size: A4; margin: 12mm; }
  * { box-sizing: border-box; }
  body { font-family: -apple-system, "Segoe UI", Roboto, Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #111; margin: 0; font-size: 12.5px; line-height: 1.45; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  h2 { font-size: 15px; margin: 18px 0 8px; }
  .facts { display: flex; flex-wrap: wrap; gap: 4px 18px; color: #444; margin-bottom: 10px; }
  .facts b { color: #111; font-weight: 600; margin-right: 4px; }
  table.order { width: 100%; border-collapse: collapse; font-size: 11.5px; }
  table.order th, table.order td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
  table.order th { background: #f1f2f4; }
  .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
  .card { border: 2px solid #222; border-radius: 10px; padding: 12px 14px; margin: 0 0 12px; break-inside: avoid; page-break-inside: avoid; display: grid; grid-template-columns: 110px 1fr; gap: 12px; }
  .card img { width: 110px; height: 110px; object-fit: cover; border-radius: 6px; background: #eee; }
  .card .noimg { width: 110px; height: 110px; border-radius: 6px; background: #eee; }
  .card h3 { font-size: 17px; margin: 0 0 2px; }
  .sku { color: #666; font-size: 11px; }
  .prices { display: flex; gap: 14px; align-items: baseline; margin: 6px 0; flex-wrap: wrap; }
  .live { font-size: 22px; font-weight: 700; color: #c81e1e; }
  .list { text-decoration: line-through; color: #777; }
  .mech { background: #fff1e6; border: 1px solid #f0b37e; border-radius: 4px; padding: 1px 6px; }
  .label { font-weight: 700; margin-top: 6px; }
  ul { margin: 2px 0 0 18px; padding: 0; }
  .faq { margin: 2px 0 0; }
  .faq dt { font-weight: 600; margin-top: 3px; }
  .faq dd { margin: 0 0 0 12px; }
  .times { color: #444; font-size: 11px; margin-top: 6px; }
  .cards { break-before: page; }
`;

/** Printable host cue cards (手卡): the run order on top, then one card per product. Text only, escaped. */
export function cueCardsHtml(ctx: RunsheetContext, image: (hash: string) => string | null): string {
  const L = labels(ctx.lang);
  const C = L.card;
  const money = (minor: number | null, currency: string) => (minor === null ? C.none : formatMoney(minor, currency, ctx.lang));
  const facts = headerFacts(ctx)
    .map(([k, v]) => `<span><b>${esc(k)}</b>${esc(v)}</span>`)
    .join('');
  const order = runsheetRows(ctx)
    .map(
      (r) =>
        `<tr><td class="num">${esc(r.time)}</td><td class="num">${formatClock(r.durationMs)}</td><td>${esc(r.segment)}</td><td>${esc(r.cue)}</td><td class="num">${r.price === null ? '' : esc(money(r.price, r.currency))}</td><td>${esc(r.mechanism)}</td><td>${esc(r.hosts)}</td></tr>`,
    )
    .join('');
  const cardHtml = cards(ctx)
    .map(({ product: p, price, mechanism, perk, talkingPoints, times }) => {
      const img = p.images[0] ? image(p.images[0]) : null;
      const live = price ?? p.livePrice;
      // 券后 ¥79: the product's price after coupon, when it has one below the price on air.
      const coupon = afterCoupon(p);
      const couponHtml = coupon !== null && coupon < live ? `<span class="mech coupon">${esc(C.afterCoupon(money(coupon, p.currency)))}</span>` : '';
      const faq = p.faq.map((f) => `<dt>${esc(f.q)}</dt><dd>${lines(f.a)}</dd>`).join('');
      return `<section class="card">
  ${img ? `<img src="${img}" alt="">` : '<div class="noimg"></div>'}
  <div>
    <h3>${esc(p.title)}</h3><div class="sku">${esc(p.sku)}</div>
    <div class="prices"><span class="live">${esc(money(live, p.currency))}</span><span>${esc(C.listPrice)} <span class="list">${esc(money(p.listPrice, p.currency))}</span></span>${mechanism ? `<span class="mech">${esc(mechanism)}</span>` : ''}${perk ? `<span class="mech">${esc(perk)}</span>` : ''}${couponHtml}</div>
    ${p.sellingPoints.length ? `<div class="label">${esc(C.sellingPoints)}</div><ul>${p.sellingPoints.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>` : ''}
    ${talkingPoints || p.talkingPoints ? `<div class="label">${esc(C.talkingPoints)}</div><div>${lines(talkingPoints || p.talkingPoints)}</div>` : ''}
    ${faq ? `<div class="label">${esc(C.faq)}</div><dl class="faq">${faq}</dl>` : ''}
    <div class="times">${esc(C.airs)} ${esc(times.join(', '))}</div>
  </div>
</section>`;
    })
    .join('\n');
  const cols = L.columns;
  return `<!doctype html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(ctx.show.title)} · ${esc(C.title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(ctx.show.title)}</h1><div class="facts">${facts}</div>
<h2>${esc(C.runOrder)}</h2>
<table class="order"><thead><tr><th>${esc(cols.time)}</th><th>${esc(cols.duration)}</th><th>${esc(cols.segment)}</th><th>${esc(cols.cue)}</th><th>${esc(cols.price)}</th><th>${esc(cols.mechanism)}</th><th>${esc(cols.hosts)}</th></tr></thead><tbody>${order}</tbody></table>
<div class="cards"><h2>${esc(C.title)}</h2>
${cardHtml}
</div>
</body></html>`;
}
