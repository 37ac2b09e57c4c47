import { EXPORT_LANGS, timeOfDay } from '../contract';
import { formatMoney } from './plans/runsheet/runsheet-model';
import { warmXlsxWriter } from './plans/runsheet/runsheet-xlsx';

/**
 * Pay a process's one-off costs before a show needs the thread that answers it: ICU's time-zone
 * and currency data (the first Intl formatter with a time zone takes about 60 ms) and ExcelJS's
 * writer (about 70 ms the first time). Run once, a moment after start; each step is its own
 * turn of the event loop, and a failure only costs the warm-up.
 */
export async function warmUp(): Promise<void> {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  for (const z of [zone, 'Asia/Shanghai']) timeOfDay(Date.now(), z);
  await new Promise<void>((resolve) => setImmediate(resolve));
  // The run sheet's and cue cards' own formats, in both languages (zh-CN locale data is big).
  for (const lang of EXPORT_LANGS) {
    for (const z of [zone, 'Asia/Shanghai']) new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(z ? { timeZone: z } : {}) }).format(Date.now());
    for (const currency of ['CNY', 'USD']) formatMoney(100, currency, lang);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await warmXlsxWriter();
}
