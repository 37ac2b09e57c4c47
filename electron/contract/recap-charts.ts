import type { Recap } from './recap-model';

// ECharts options for the recap's charts, built from the recap model. Plain TypeScript (no
// echarts import): the app page renders them in the browser, the HTML/PDF export renders the same
// options to SVG on the server, so both show the same picture.

export interface ChartWords {
  viewers: string;
  gmvPerMinute: string;
  gmv: string;
  minutesOnAir: string;
  planned: string;
  actual: string;
  minutes: string;
  roles: Record<string, string>;
  funnel: Record<string, string>;
  /** 分 → text ("¥1.2万"). */
  money(v: number): string;
  /** Clock time of an instant in the show's zone ("20:35"). */
  clock(at: number): string;
}

export type ChartOption = Record<string, unknown>;

export const CHART_IDS = ['curve', 'productGmv', 'airtime', 'plan', 'roles', 'funnel'] as const;
export type ChartId = (typeof CHART_IDS)[number];

const BAND_COLORS = ['rgba(64,150,255,0.10)', 'rgba(250,140,22,0.10)'];
const ROLE_COLORS: Record<string, string> = { hero: '#f5222d', traffic: '#1677ff', perk: '#fa8c16', profit: '#52c41a', regular: '#8c8c8c', unmatched: '#bfbfbf' };
const TOP_PRODUCTS = 15;
const FUNNEL_COLORS = ['#1d39c4', '#2f54eb', '#597ef7', '#85a5ff', '#adc6ff'];

/** At most `max` points, keeping each bucket's lowest and highest (peaks survive). */
export function downsample(t: readonly number[], v: readonly (number | null)[], max: number): [number, number | null][] {
  const n = t.length;
  if (n <= max) return t.map((x, i) => [x, v[i] ?? null]);
  const out: [number, number | null][] = [];
  const per = Math.ceil(n / Math.floor(max / 2));
  for (let start = 0; start < n; start += per) {
    let lo = start;
    let hi = start;
    for (let i = start; i < Math.min(n, start + per); i += 1) {
      if ((v[i] ?? Infinity) < (v[lo] ?? Infinity)) lo = i;
      if ((v[i] ?? -Infinity) > (v[hi] ?? -Infinity)) hi = i;
    }
    for (const i of lo <= hi ? [lo, hi] : [hi, lo]) if (out.at(-1)?.[0] !== t[i]) out.push([t[i]!, v[i] ?? null]);
  }
  return out;
}

const short = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Which charts the recap has data for. */
export function availableCharts(r: Recap): ChartId[] {
  const ids: ChartId[] = [];
  if (r.curve && r.curve.t.length > 1) ids.push('curve');
  if (r.products.some((p) => p.gmv !== null)) ids.push('productGmv');
  if (r.products.some((p) => p.gmv !== null && p.onAirMs > 0)) ids.push('airtime');
  if (r.run && r.timeline.cues.length > 0) ids.push('plan');
  if (r.roles.length > 0) ids.push('roles');
  if (r.funnel.length >= 2) ids.push('funnel');
  return ids;
}

export function chartOption(id: ChartId, r: Recap, w: ChartWords): ChartOption {
  switch (id) {
    case 'curve':
      return curveChart(r, w);
    case 'productGmv':
      return productGmvChart(r, w);
    case 'airtime':
      return airtimeChart(r, w);
    case 'plan':
      return planChart(r, w);
    case 'roles':
      return rolesChart(r, w);
    case 'funnel':
      return funnelChart(r, w);
  }
}

const base = (): ChartOption => ({ animation: false, backgroundColor: 'transparent', textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' } });

/** Viewers over time with the cues as bands and the markers as lines, on one time axis; GMV per minute beside it. */
function curveChart(r: Recap, w: ChartWords): ChartOption {
  const c = r.curve!;
  // ~800 points draw a four-hour curve as finely as a page shows it (peaks kept: see downsample).
  const online = downsample(c.t, c.online, 800);
  // Bands are labelled with the cue's number (the timeline and the plan chart use the same numbers).
  const cueTitle = new Map(r.timeline.cues.map((x) => [x.id, String(x.index)]));
  const bands = r.timeline.turns.map((turn, i) => [
    { xAxis: turn.startAt, name: cueTitle.get(turn.cueId) ?? '', itemStyle: { color: BAND_COLORS[i % 2] } },
    { xAxis: turn.endAt },
  ]);
  const series: ChartOption[] = [
    {
      type: 'line',
      name: w.viewers,
      data: online,
      showSymbol: false,
      lineStyle: { width: 1.5 },
      areaStyle: { opacity: 0.12 },
      markArea: { silent: true, label: { show: r.timeline.turns.length <= 40, position: 'insideTop', fontSize: 9, color: '#888' }, data: bands },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#d4380d' },
        label: { formatter: '{b}', fontSize: 9, color: '#d4380d' },
        data: r.timeline.markers.slice(0, 60).map((m) => ({ xAxis: m.at, name: short(m.label || '●', 8) })),
      },
    },
  ];
  const yAxis: ChartOption[] = [{ type: 'value', name: w.viewers, splitLine: { lineStyle: { opacity: 0.3 } } }];
  if (c.gmv) {
    const perMinute = downsample(c.t, c.gmv.map((g) => (g === null || c.resolutionMs <= 0 ? null : Math.round((g * 60_000) / c.resolutionMs))), 400);
    series.push({ type: 'bar', name: w.gmvPerMinute, yAxisIndex: 1, data: perMinute, barMaxWidth: 4, itemStyle: { opacity: 0.6 } });
    yAxis.push({ type: 'value', name: w.gmvPerMinute, splitLine: { show: false }, axisLabel: { formatter: (v: number) => w.money(v) } });
  }
  return {
    ...base(),
    grid: { left: 56, right: c.gmv ? 72 : 24, top: 36, bottom: 36 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', axisLabel: { formatter: (v: number) => w.clock(v) } },
    yAxis,
    series,
  };
}

function productGmvChart(r: Recap, w: ChartWords): ChartOption {
  const top = r.products.filter((p) => p.gmv !== null).slice(0, TOP_PRODUCTS).reverse();
  return {
    ...base(),
    grid: { left: 150, right: 64, top: 12, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => w.money(v) } },
    yAxis: { type: 'category', data: top.map((p) => short(p.title, 16)), axisLabel: { fontSize: 11 } },
    series: [
      {
        type: 'bar',
        name: w.gmv,
        data: top.map((p) => ({ value: p.gmv, itemStyle: { color: ROLE_COLORS[p.role ?? 'unmatched'] } })),
        label: { show: true, position: 'right', fontSize: 10, formatter: (x: { value: number }) => w.money(x.value) },
        barMaxWidth: 18,
      },
    ],
  };
}

/** Minutes on air against GMV: which products earned their minutes. */
function airtimeChart(r: Recap, w: ChartWords): ChartOption {
  const pts = r.products.filter((p) => p.gmv !== null && p.onAirMs > 0);
  return {
    ...base(),
    grid: { left: 64, right: 24, top: 24, bottom: 44 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: w.minutesOnAir, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: w.gmv, axisLabel: { formatter: (v: number) => w.money(v) } },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        data: pts.map((p) => ({ value: [Math.round(p.onAirMs / 6000) / 10, p.gmv], name: p.title, itemStyle: { color: ROLE_COLORS[p.role ?? 'unmatched'] } })),
        label: { show: pts.length <= 25, position: 'top', fontSize: 9, formatter: (x: { name: string }) => short(x.name, 8) },
      },
    ],
  };
}

function planChart(r: Recap, w: ChartWords): ChartOption {
  const cues = r.timeline.cues;
  const min = (ms: number) => Math.round(ms / 6000) / 10;
  return {
    ...base(),
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: cues.map((c) => String(c.index)), axisLabel: { fontSize: 10, interval: cues.length > 40 ? 'auto' : 0 } },
    yAxis: { type: 'value', name: w.minutes },
    series: [
      { type: 'bar', name: w.planned, data: cues.map((c) => (c.adHoc ? null : min(c.plannedMs))), itemStyle: { color: '#bfbfbf' }, barGap: '0%' },
      {
        type: 'bar',
        name: w.actual,
        data: cues.map((c) => ({ value: min(c.onAirMs), itemStyle: { color: c.withinPlan === false ? '#fa541c' : '#1677ff' } })),
      },
    ],
  };
}

function rolesChart(r: Recap, w: ChartWords): ChartOption {
  return {
    ...base(),
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        data: r.roles.map((x) => ({ name: w.roles[x.role] ?? x.role, value: x.gmv, itemStyle: { color: ROLE_COLORS[x.role] } })),
        label: { formatter: (x: { name: string; percent: number }) => `${x.name} ${x.percent}%`, fontSize: 11 },
      },
    ],
  };
}

function funnelChart(r: Recap, w: ChartWords): ChartOption {
  return {
    ...base(),
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        left: '10%',
        width: '80%',
        sort: 'none',
        minSize: '8%',
        label: { position: 'inside', fontSize: 11, color: '#fff', textBorderWidth: 0, formatter: (x: { name: string; value: number }) => `${x.name} ${x.value.toLocaleString()}` },
        data: r.funnel.map((s, i) => ({ name: w.funnel[s.stage] ?? s.stage, value: s.value, itemStyle: { color: FUNNEL_COLORS[i % FUNNEL_COLORS.length] } })),
      },
    ],
  };
}
