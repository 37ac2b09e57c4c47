import type { ExportLang, LogRow, Recap } from '../../../contract';
import { metricsCsv, metricsJson } from './report-data';
import { recapHtml } from './report-html';
import { recapXlsx } from './report-xlsx';

/** What a recap file is made from: the model, and for the workbook's log sheet the as-run rows. */
export interface ExportJob {
  recap: Recap;
  /** `html` is also what the PDF is printed from. */
  format: 'html' | 'xlsx' | 'csv' | 'json';
  lang: ExportLang;
  log: LogRow[];
}

/** One recap file's bytes. Every format renders from the one model. */
export async function buildFile(job: ExportJob): Promise<Buffer> {
  switch (job.format) {
    case 'html':
      return Buffer.from(recapHtml(job.recap, job.lang), 'utf8');
    case 'xlsx':
      return recapXlsx(job.recap, job.log, job.lang);
    case 'csv':
      return metricsCsv(job.recap, job.lang);
    case 'json':
      return metricsJson(job.recap);
  }
}
