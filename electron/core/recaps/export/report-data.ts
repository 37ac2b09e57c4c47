import Papa from 'papaparse';
import { METRIC_KEYS, type ExportLang, type Recap } from '../../../contract';
import { METRIC_UNITS, metricText } from '../../../contract/recap-format';
import { neutralise } from '../../products/export/neutralise';
import { recapLabels } from './labels';

const RAW_UNIT = { money: '分', rate: 'fraction', duration: 'ms', signedDuration: 'ms', count: 'count' } as const;

/**
 * The metrics as CSV, one per line: key, name, the value as the API gives it (分, fraction, ms,
 * count), its unit, the same as people read it, where it came from, and the previous show's.
 * UTF-8 with a BOM (Excel opens Chinese right), CRLF.
 */
export function metricsCsv(r: Recap, lang: ExportLang): Buffer {
  const l = recapLabels(lang);
  const c = l.columns;
  const rows = METRIC_KEYS.map((key) => [
    key,
    neutralise(l.metrics[key] + (key === 'commission' || key === 'grossMargin' ? ` (${l.estimate})` : '')),
    r.metrics[key] ?? '',
    RAW_UNIT[METRIC_UNITS[key]],
    neutralise(metricText(key, r.metrics[key], lang)),
    r.basis[key] ?? '',
    r.previous?.metrics[key] ?? '',
  ]);
  const csv = Papa.unparse({ fields: [c.key, c.metric, c.value, c.unit, 'text', c.basis, c.previous], data: rows }, { newline: '\r\n' });
  return Buffer.from(`\ufeff${csv}\r\n`, 'utf8');
}

/** The figures as JSON: headline metrics with their sources and flags, per product, per role, per segment. */
export function metricsJson(r: Recap): Buffer {
  const doc = {
    format: 'cuecart.recap.metrics',
    version: 1,
    generatedAt: r.generatedAt,
    show: r.show,
    run: r.run,
    metrics: r.metrics,
    basis: r.basis,
    flags: r.flags,
    totals: r.totals,
    previous: r.previous,
    products: r.products,
    roles: r.roles,
    funnel: r.funnel,
    traffic: r.traffic,
    segments: r.timeline.segments,
    imports: r.imports,
  };
  return Buffer.from(JSON.stringify(doc, null, 2), 'utf8');
}
