import { timeOfDay } from '../contract';
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
  for (const locale of ['zh-CN', 'en']) new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(1);
  await new Promise<void>((resolve) => setImmediate(resolve));
  await warmXlsxWriter();
}
