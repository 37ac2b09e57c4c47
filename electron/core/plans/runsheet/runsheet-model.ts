import {
  formatClock,
  lengthCheck,
  timeOfDay,
  type CueActions,
  type ExportLang,
  type Host,
  type Product,
  type ShowDetail,
} from '../../../contract';
import { labels, platformName } from './labels';

/** What every export of a show reads: the show with times, its products and hosts, a language. */
export interface RunsheetContext {
  show: ShowDetail;
  products: Map<string, Product>;
  hosts: Map<string, Host>;
  lang: ExportLang;
}

/** One line of the run sheet, in the columns producers use. Prices in minor units. */
export interface RunsheetRow {
  cueId: string;
  time: string;
  durationMs: number;
  segment: string;
  cue: string;
  kind: string;
  product: string;
  sku: string;
  price: number | null;
  currency: string;
  mechanism: string;
  perk: string;
  talkingPoints: string;
  hosts: string;
  stock: number | null;
  actions: string;
  notes: string;
  warnings: string;
}

/** One formatter per language and currency: making one costs far more than using it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, lang: ExportLang): string {
  try {
    const key = `${lang} ${currency}`;
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
      moneyFormats.set(key, format);
    }
    return format.format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** On-air actions as one readable line: "Scene: 主画面 · Show product-card · Hide countdown · Logo on". */
export function describeActions(actions: CueActions, lang: ExportLang): string {
  const L = labels(lang).actions;
  const parts: string[] = [];
  if (actions.scene) parts.push(`${L.scene}: ${actions.scene}`);
  for (const o of actions.overlays) parts.push(o.op === 'show' ? `${L.show} ${o.overlay.kind}` : `${L.hide} ${o.kind}`);
  for (const s of actions.sources) parts.push(`${s.scene ? `${s.scene} / ` : ''}${s.source} ${s.visible ? L.on : L.off}`);
  return parts.join(' · ');
}

export function runsheetRows(ctx: RunsheetContext): RunsheetRow[] {
  const { show, products, hosts, lang } = ctx;
  const L = labels(lang);
  const warningsByCue = new Map<string, string[]>();
  for (const w of show.warnings) warningsByCue.set(w.cueId, [...(warningsByCue.get(w.cueId) ?? []), L.warnings[w.code]]);
  const rows: RunsheetRow[] = [];
  for (const segment of show.segments) {
    for (const cue of segment.cues) {
      const product = cue.productId ? products.get(cue.productId) : undefined;
      const hostIds = cue.hostIds.length > 0 ? cue.hostIds : show.hostIds;
      const row: RunsheetRow = {
        cueId: cue.id,
        time: timeOfDay(cue.startAt, show.timeZone),
        durationMs: cue.durationMs,
        segment: segment.title,
        cue: cue.title || product?.shortTitle || product?.title || L.kinds[cue.kind],
        kind: L.kinds[cue.kind],
        product: product?.title ?? '',
        sku: product?.sku ?? '',
        price: null,
        currency: product?.currency ?? 'CNY',
        mechanism: '',
        perk: '',
        talkingPoints: '',
        hosts: hostIds.map((id) => hosts.get(id)?.name ?? '').filter(Boolean).join(', '),
        stock: null,
        actions: describeActions(cue.actions, lang),
        notes: cue.notes,
        warnings: (warningsByCue.get(cue.id) ?? []).join('; '),
      };
      switch (cue.kind) {
        case 'pitch':
          Object.assign(row, {
            price: cue.livePrice ?? product?.livePrice ?? null,
            mechanism: cue.mechanism,
            perk: cue.perk,
            talkingPoints: cue.talkingPoints || product?.talkingPoints || '',
            stock: cue.stock,
          });
          break;
        case 'flash_sale':
          Object.assign(row, {
            price: cue.price ?? product?.livePrice ?? null,
            mechanism: [L.flash(cue.seconds), cue.quantity !== null ? L.units(cue.quantity) : '', cue.mechanism].filter(Boolean).join(' · '),
            stock: cue.quantity,
          });
          break;
        case 'giveaway':
          Object.assign(row, {
            perk: [cue.prize && `${L.giveaway.prize}: ${cue.prize}`, cue.winners && `${L.giveaway.winners}: ${cue.winners}`].filter(Boolean).join(' · '),
            mechanism: `${L.giveaway.countdown} ${formatClock(cue.countdownSec * 1000)}`,
            talkingPoints: cue.rules,
          });
          break;
        case 'interaction':
          row.talkingPoints = [cue.prompt, ...cue.questions.map((q) => `· ${q}`)].filter(Boolean).join('\n');
          break;
        case 'break':
        case 'generic':
          break;
        default:
          cue satisfies never;
      }
      rows.push(row);
    }
  }
  return rows;
}

/** The header facts of a show, as label/value pairs. */
export function headerFacts(ctx: RunsheetContext): [string, string][] {
  const { show, hosts, lang } = ctx;
  const H = labels(lang).header;
  const dateFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(show.timeZone ? { timeZone: show.timeZone } : {}) });
  const { deltaMs, state } = lengthCheck(show.totalMs, show.plannedLengthMs);
  const delta = state === 'exact' ? H.exact : `${H[state]} ${formatClock(Math.abs(deltaMs))}`;
  const facts: [string, string][] = [
    [H.platform, platformName(show.platform, lang)],
    [H.start, `${dateFmt.format(show.startAt)} ${timeOfDay(show.startAt, show.timeZone)}`],
    [H.planned, formatClock(show.plannedLengthMs)],
    [H.total, `${formatClock(show.totalMs)} (${delta})`],
    [H.hosts, show.hostIds.map((id) => hosts.get(id)?.name ?? '').filter(Boolean).join(', ')],
  ];
  if (show.goalGmv !== null || show.goalOrders !== null) {
    const gmv = show.goalGmv !== null ? formatMoney(show.goalGmv, 'CNY', lang) : '';
    facts.push([H.goal, [gmv, show.goalOrders !== null ? String(show.goalOrders) : ''].filter(Boolean).join(' · ')]);
  }
  return facts;
}
