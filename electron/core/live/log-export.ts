import Papa from 'papaparse';
import type { ExportLang, FileOutput, LogRow, RunCue } from '../../contract';
import { describeRow, LOG_WORDS } from '../../contract/live-log-text';
import { neutralise } from '../products/export/neutralise';
import type { RunRecord } from './run-log.dao';

function timeText(at: number, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone || undefined,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${String(at % 1000).padStart(3, '0')}`;
}

/** The log of a run as a file: CSV for people (summary column, Excel-safe) or JSON for tools. */
export function exportLog(run: RunRecord, rows: readonly LogRow[], format: 'csv' | 'json', lang: ExportLang): FileOutput {
  const stamp = new Date(run.armedAt).toISOString().slice(0, 10);
  const base = `${run.showTitle} ${stamp}${run.rehearsal ? ' rehearsal' : ''} as-run`.replace(/[\\/:*?"<>|]+/g, '_');
  if (format === 'json') {
    const body = { format: 'cuecart.as-run', version: 1, run: { ...run, plan: undefined, cueCount: run.plan.length }, rows };
    return { fileName: `${base}.json`, mime: 'application/json', contentBase64: Buffer.from(JSON.stringify(body, null, 1)).toString('base64') };
  }
  const titles = new Map<string, string>(run.plan.map((c) => [c.id, c.title]));
  for (const row of rows) {
    if (row.kind === 'cue.insert') {
      const cue = row.details.cue as RunCue | undefined;
      if (cue) titles.set(cue.id, cue.title);
    }
    if (row.kind === 'plan.reload' && Array.isArray(row.details.cues)) {
      for (const cue of row.details.cues as RunCue[]) titles.set(cue.id, cue.title);
    }
  }
  const cueTitle = (id: string | null) => (id ? (titles.get(id) ?? id) : '');
  const timeZone = typeof run.show.timeZone === 'string' ? run.show.timeZone : undefined;
  const w = LOG_WORDS[lang];
  const data = rows.map((row) =>
    [String(row.seq), timeText(row.at, timeZone), row.kind, row.source, cueTitle(row.cueId), describeRow(row, cueTitle, lang), JSON.stringify(row.details)].map(neutralise),
  );
  const csv = Papa.unparse({ fields: [w.seq, w.time, w.kind, w.source, w.cue, w.summary, w.details], data }, { newline: '\r\n' });
  return { fileName: `${base}.csv`, mime: 'text/csv; charset=utf-8', contentBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') };
}
