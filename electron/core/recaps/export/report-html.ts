import type { ExportLang, MetricKey, Recap } from '../../../contract';
import { availableCharts, chartOption, type ChartId } from '../../../contract/recap-charts';
import { changeText, clockText, dateTimeText, durationText, metricText, moneyFull, percentText } from '../../../contract/recap-format';
import { formatClock } from '../../../contract/schedule';
import { platformName } from '../../plans/runsheet/labels';
import { chartSvg } from './charts-svg';
import { chartWords } from './chart-words';
import { recapLabels, type RecapLabels } from './labels';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const lines = (s: string) => esc(s).replace(/\n/g, '<br>');

/** The headline cards, in reading order; estimates are marked as such. */
export const HEADLINE: MetricKey[] = [
  'gmv',
  'orders',
  'units',
  'buyers',
  'views',
  'viewers',
  'peakOnline',
  'avgOnline',
  'aov',
  'gpm',
  'uvValue',
  'viewToOrder',
  'clickToOrder',
  'refundRate',
  'goalAchieved',
  'planAdherence',
  'timeOverPlanMs',
  'durationMs',
  'gmvPerMinute',
  'avgWatchMs',
  'newFollowers',
  'commission',
  'grossMargin',
];
export const ESTIMATES = new Set<MetricKey>(['commission', 'grossMargin']);

const CHART_SIZE: Record<ChartId, [number, number]> = {
  curve: [720, 300],
  productGmv: [720, 380],
  airtime: [720, 300],
  plan: [720, 260],
  roles: [350, 260],
  funnel: [350, 260],
};

const STYLE = (l: RecapLabels, lang: ExportLang) => `
  @page { size: A4; margin: 14mm 12mm 16mm;
    @bottom-center { content: ${lang === 'en' ? `"${l.page} " counter(page) " ${l.of} " counter(pages)` : `"${l.page} " counter(page) " ${l.of} " counter(pages) " 页"`}; font-size: 9px; color: #666; } }
  * { box-sizing: border-box; }
  body { font-family: -apple-system, "Segoe UI", Roboto, Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #141414; margin: 0 auto; max-width: 760px; padding: 16px; font-size: 12px; line-height: 1.45; background: #fff; }
  h1 { font-size: 20px; margin: 0 0 2px; }
  h2 { font-size: 15px; margin: 20px 0 8px; border-bottom: 2px solid #1677ff; padding-bottom: 3px; break-after: avoid; }
  h3 { font-size: 12.5px; margin: 10px 0 4px; color: #333; break-after: avoid; }
  .facts { display: flex; flex-wrap: wrap; gap: 2px 18px; color: #444; margin: 4px 0 10px; }
  .facts b { color: #141414; font-weight: 600; margin-right: 4px; }
  .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6px; }
  .card { border: 1px solid #d9d9d9; border-radius: 6px; padding: 6px 8px; break-inside: avoid; }
  .card .k { color: #595959; font-size: 10.5px; }
  .card .v { font-size: 16px; font-weight: 700; font-variant-numeric: tabular-nums; }
  .card .s { font-size: 10px; color: #8c8c8c; }
  .up { color: #389e0d; } .down { color: #cf1322; }
  .est { font-size: 9px; border: 1px solid #faad14; color: #ad6800; border-radius: 3px; padding: 0 3px; margin-left: 4px; }
  .chart { break-inside: avoid; margin: 6px 0 10px; }
  .chart svg { display: block; max-width: 100%; height: auto; }
  .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
  table { width: 100%; border-collapse: collapse; font-size: 10.5px; margin-bottom: 6px; }
  th, td { border-bottom: 1px solid #e8e8e8; padding: 2px 5px; text-align: left; vertical-align: top; }
  th { background: #f5f5f5; font-weight: 600; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .over { color: #cf1322; } .under { color: #d46b08; } .ok { color: #389e0d; }
  .muted { color: #8c8c8c; }
  .flags { border: 1px solid #ffccc7; background: #fff2f0; border-radius: 6px; padding: 6px 10px; margin: 8px 0; }
  .flags li { margin: 2px 0; }
  .box { border: 1px solid #e8e8e8; border-radius: 6px; padding: 6px 10px; margin-bottom: 6px; white-space: normal; }
  ol.defs { padding-left: 18px; color: #434343; }
`;

function facts(r: Recap, l: RecapLabels, lang: ExportLang): string {
  const run = r.run;
  const items = [
    [l.platform, platformName(r.show.platform, lang)],
    [l.start, dateTimeText(r.show.startAt, r.show.timeZone)],
    [l.host, r.show.hosts.map((h) => h.name).join('、') || l.none],
    [l.run, run?.startedAt != null ? `${dateTimeText(run.startedAt, r.show.timeZone)} – ${run.endedAt ? clockText(run.endedAt, r.show.timeZone) : '…'}` : l.noRun],
  ];
  return `<div class="facts">${items.map(([k, v]) => `<span><b>${esc(k!)}</b>${esc(v!)}</span>`).join('')}</div>`;
}

function headline(r: Recap, l: RecapLabels, lang: ExportLang): string {
  const cards = HEADLINE.filter((k) => r.metrics[k] !== null).map((k) => {
    const value = r.metrics[k];
    const sub: string[] = [];
    if (k === 'gmv' && r.show.goalGmv !== null) sub.push(`${l.columns.goal} ${moneyFull(r.show.goalGmv)}`);
    if (k === 'orders' && r.show.goalOrders !== null) sub.push(`${l.columns.goal} ${r.show.goalOrders.toLocaleString('en-US')}`);
    const change = r.previous ? changeText(k, value, r.previous.metrics[k]) : null;
    if (change) sub.push(esc(l.vsPrevious('\u0000')).replace('\u0000', `<span class="${change.better === null ? '' : change.better ? 'up' : 'down'}">${esc(change.text)}</span>`));
    const est = ESTIMATES.has(k) ? `<span class="est">${esc(l.estimate)}</span>` : '';
    const basis = r.basis[k] ? ` title="${esc(l.basis[r.basis[k]!])}"` : '';
    return `<div class="card"${basis}><div class="k">${esc(l.metrics[k])}${est}</div><div class="v">${esc(metricText(k, value, lang))}</div><div class="s">${sub.join(' · ') || '&nbsp;'}</div></div>`;
  });
  return `<div class="cards">${cards.join('')}</div>`;
}

function charts(r: Recap, l: RecapLabels, lang: ExportLang): string {
  const words = chartWords(l, lang, r.show.timeZone);
  const ids = availableCharts(r);
  const one = (id: ChartId) => {
    const [w, h] = CHART_SIZE[id];
    return `<div class="chart" data-chart="${id}"><h3>${esc(l.charts[id])}</h3>${chartSvg(chartOption(id, r, words), w, h)}</div>`;
  };
  const wide = ids.filter((id) => id !== 'roles' && id !== 'funnel').map(one).join('');
  const small = ids.filter((id) => id === 'roles' || id === 'funnel').map(one);
  return wide + (small.length ? `<div class="pair">${small.join('')}</div>` : '');
}

function delta(ms: number | null, within: boolean | null): string {
  if (ms === null) return '';
  return `<span class="${within ? 'ok' : ms > 0 ? 'over' : 'under'}">${esc(durationText(ms, true))}</span>`;
}

function timeline(r: Recap, l: RecapLabels): string {
  const zone = r.show.timeZone;
  const c = l.columns;
  const rows = r.timeline.cues.map((x) => {
    const status = x.adHoc ? l.status.adHoc : l.status[x.status];
    const done = x.checklist.filter((i) => i.done).length;
    return `<tr><td class="n">${x.index}</td><td>${esc(x.segmentTitle)}</td><td>${esc(x.title)}</td><td class="n">${x.plannedStartAt === null ? '' : clockText(x.plannedStartAt, zone)}</td><td class="n">${x.actualStartAt === null ? '' : clockText(x.actualStartAt, zone)}</td><td class="n">${x.adHoc ? '' : formatClock(x.plannedMs)}</td><td class="n">${formatClock(x.onAirMs)}</td><td class="n">${delta(x.deltaMs, x.withinPlan)}</td><td>${esc(status)}</td><td class="n">${x.checklist.length ? `${done}/${x.checklist.length}` : ''}</td><td class="n">${x.obsFailures || ''}</td></tr>`;
  });
  const segs = r.timeline.segments.map(
    (s) => `<tr><td>${esc(s.title)}</td><td class="n">${s.cues}</td><td class="n">${formatClock(s.plannedMs)}</td><td class="n">${formatClock(s.actualMs)}</td><td class="n">${delta(s.deltaMs, Math.abs(s.deltaMs) <= 0.1 * s.plannedMs)}</td></tr>`,
  );
  return `<table><thead><tr><th>${c.index}</th><th>${c.segment}</th><th>${c.cue}</th><th>${c.plannedStart}</th><th>${c.actualStart}</th><th>${c.planned}</th><th>${c.actual}</th><th>${c.delta}</th><th>${c.status}</th><th>${c.checklist}</th><th>${c.obs}</th></tr></thead><tbody>${rows.join('')}</tbody></table>
  <h3>${esc(l.sections.segments)}</h3><table><thead><tr><th>${c.segment}</th><th>#</th><th>${c.planned}</th><th>${c.actual}</th><th>${c.delta}</th></tr></thead><tbody>${segs.join('')}</tbody></table>`;
}

function products(r: Recap, l: RecapLabels, lang: ExportLang): string {
  const c = l.columns;
  const m = (v: number | null) => (v === null ? '' : esc(moneyFull(v)));
  const n = (v: number | null) => (v === null ? '' : v.toLocaleString('en-US'));
  const p = (v: number | null) => (v === null ? '' : percentText(v));
  const rows = r.products.map(
    (x) =>
      `<tr><td>${esc(x.title)}${x.productId ? '' : ` <span class="muted">(${esc(l.roles.unmatched!)})</span>`}</td><td>${esc(x.sku ?? x.platformProductId ?? '')}</td><td>${esc(x.role ? l.roles[x.role]! : '')}</td><td class="n">${m(x.price)}</td><td class="n">${m(x.gmv)}</td><td class="n">${n(x.units)}</td><td class="n">${n(x.orders)}</td><td class="n">${x.onAirMs ? formatClock(x.onAirMs) : ''}</td><td class="n">${x.pitches || ''}</td><td class="n">${m(x.gmvPerMinute)}</td><td class="n">${p(x.gmvShare)}</td><td class="n">${p(x.clickToOrder)}</td><td class="n">${m(x.commission)}</td><td class="n">${m(x.grossMargin)}</td></tr>`,
  );
  void lang;
  return `<table><thead><tr><th>${c.product}</th><th>${c.sku}</th><th>${c.role}</th><th>${c.price}</th><th>${c.gmv}</th><th>${c.units}</th><th>${c.orders}</th><th>${c.onAir}</th><th>${c.pitches}</th><th>${c.perMinute}</th><th>${c.share}</th><th>${c.clickToOrder}</th><th>${c.commission} <span class="est">${esc(l.estimate)}</span></th><th>${c.margin} <span class="est">${esc(l.estimate)}</span></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function roles(r: Recap, l: RecapLabels): string {
  const c = l.columns;
  const rows = r.roles.map((x) => `<tr><td>${esc(l.roles[x.role]!)}</td><td class="n">${x.products}</td><td class="n">${esc(moneyFull(x.gmv))}</td><td class="n">${x.share === null ? '' : percentText(x.share)}</td><td class="n">${formatClock(x.onAirMs)}</td></tr>`);
  return `<table><thead><tr><th>${c.role}</th><th>${c.products}</th><th>${c.gmv}</th><th>${c.share}</th><th>${c.onAir}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function traffic(r: Recap, l: RecapLabels): string {
  const c = l.columns;
  const n = (v: number | null) => (v === null ? '' : v.toLocaleString('en-US'));
  const rows = r.traffic.map((x) => `<tr><td>${esc(x.channel)}</td><td class="n">${n(x.views)}</td><td class="n">${n(x.viewers)}</td><td class="n">${x.gmv === null ? '' : esc(moneyFull(x.gmv))}</td><td class="n">${n(x.orders)}</td></tr>`);
  return `<table><thead><tr><th>${c.channel}</th><th>${c.views}</th><th>${c.viewers}</th><th>${c.gmv}</th><th>${c.orders}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Markers, OBS failures and outages in time order. */
export function eventRows(r: Recap, l: RecapLabels): { at: number; what: string; text: string }[] {
  const out = [
    ...r.timeline.markers.map((m) => ({ at: m.at, what: l.events.marker, text: m.label })),
    ...r.timeline.obsFailures.map((f) => ({ at: f.at, what: l.events.obs, text: [f.action, f.code, f.message].filter(Boolean).join(' · ') })),
    ...r.timeline.outages.map((o) => ({ at: o.startAt, what: o.kind === 'obs' ? l.events.outageObs : l.events.outageApp, text: `${formatClock(o.ms)}${o.reason ? ` · ${o.reason}` : ''}` })),
  ];
  return out.sort((a, b) => a.at - b.at);
}

/** A report lists this many events; the workbook's log sheet has every row. */
const REPORT_EVENTS = 200;

function events(r: Recap, l: RecapLabels): string {
  const all = eventRows(r, l);
  const list = all.slice(0, REPORT_EVENTS);
  if (list.length === 0) return `<p class="muted">${l.none}</p>`;
  const c = l.columns;
  const more = all.length > list.length ? `<p class="muted">${esc(l.moreEvents(all.length - list.length))}</p>` : '';
  return more + `<table><thead><tr><th>${c.time}</th><th>${c.what}</th><th>${c.summary}</th></tr></thead><tbody>${list.map((e) => `<tr><td class="n">${clockText(e.at, r.show.timeZone)}</td><td>${esc(e.what)}</td><td>${esc(e.text)}</td></tr>`).join('')}</tbody></table>`;
}

function conclusions(r: Recap, l: RecapLabels): string {
  const c = r.conclusions;
  const k = l.conclusions;
  if (!c.worked && !c.problems && c.actions.length === 0) return `<p class="muted">${esc(k.none)}</p>`;
  const actions = c.actions.length
    ? `<table><thead><tr><th>${esc(k.actions)}</th><th>${esc(k.owner)}</th></tr></thead><tbody>${c.actions.map((a) => `<tr><td>${a.done ? '✔ ' : ''}${esc(a.text)}</td><td>${esc(a.owner)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<h3>${esc(k.worked)}</h3><div class="box">${lines(c.worked) || l.none}</div><h3>${esc(k.problems)}</h3><div class="box">${lines(c.problems) || l.none}</div>${actions}`;
}

/**
 * The recap as one self-contained HTML document: charts as inline SVG, no script, nothing loaded
 * from anywhere (a CSP says so too), A4 print rules with page numbers for the PDF.
 */
export function recapHtml(r: Recap, lang: ExportLang): string {
  const l = recapLabels(lang);
  const section = (title: string, body: string) => `<h2>${esc(title)}</h2>${body}`;
  const flags = r.flags.length ? `<div class="flags"><b>${esc(l.sections.flags)}</b><ul>${r.flags.map((f) => `<li>${esc(l.flags[f.code])}${flagValues(f.code, f.values, l)}</li>`).join('')}</ul></div>` : '';
  const body = [
    `<h1>${esc(r.show.title)}</h1>`,
    `<div class="muted">${esc(l.title)} · ${esc(l.generated)} ${esc(dateTimeText(r.generatedAt, r.show.timeZone))}</div>`,
    facts(r, l, lang),
    flags,
    section(l.sections.headline, headline(r, l, lang)),
    section(l.sections.charts, charts(r, l, lang)),
    r.timeline.cues.length ? section(l.sections.timeline, timeline(r, l)) : '',
    r.products.length ? section(l.sections.products, products(r, l, lang)) : '',
    r.roles.length ? section(l.sections.roles, roles(r, l)) : '',
    r.traffic.length ? section(l.sections.traffic, traffic(r, l)) : '',
    section(l.sections.events, events(r, l)),
    section(l.sections.conclusions, conclusions(r, l)),
    section(l.sections.definitions, `<ol class="defs">${l.definitions.map((d) => `<li>${esc(d)}</li>`).join('')}</ol>`),
  ].join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.show.title)} · ${esc(l.title)}</title>
<style>${STYLE(l, lang)}</style></head>
<body>
${body}
</body></html>`;
}

function flagValues(code: string, values: Record<string, number>, l: RecapLabels): string {
  if (code === 'curve_outside_run') return '';
  const parts = Object.entries(values).map(([k, v]) => `${l.flagValues[k] ?? k} ${code === 'gmv_mismatch' ? moneyFull(v) : v.toLocaleString('en-US')}`);
  return parts.length ? ` <span class="muted">(${esc(parts.join(', '))})</span>` : '';
}
