import type { ExportLang, FileOutput, RecapExportFormat } from '../../../contract';
import { fileStem, type PrintPdf } from '../../plans/runsheet/runsheet.service';
import type { RecapsService } from '../recaps.service';
import type { ExportThread } from './export-thread';
import { recapLabels } from './labels';

const MIME: Record<RecapExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * Recap files: the model is built here (reads sliced, cheap), the file on the export thread; the
 * PDF is the HTML report printed by the same printer as the cue cards (Electron's printToPDF on
 * the desktop, the system Chromium under `serve`).
 */
export class RecapExportService {
  constructor(
    private readonly recaps: RecapsService,
    private readonly thread: ExportThread,
    private readonly printPdf: PrintPdf,
  ) {}

  async export(id: string, runId: string | undefined, format: RecapExportFormat, lang: ExportLang): Promise<Omit<FileOutput, 'contentBase64'> & { bytes: Buffer }> {
    const { recap, log } = await this.recaps.getWithLog(id, runId);
    const day = new Date(recap.show.startAt).toISOString().slice(0, 10);
    const fileName = `${fileStem(recap.show.title)} ${lang === 'en' ? 'recap' : '复盘'} ${day}.${format}`;
    const built = format === 'pdf' ? 'html' : format;
    const bytes = await this.thread.run({ recap, format: built, lang, log: built === 'xlsx' ? log : [] });
    if (format !== 'pdf') return { fileName, mime: MIME[format], bytes };
    return { fileName, mime: MIME.pdf, bytes: await this.printPdf(bytes.toString('utf8'), recapLabels(lang).pdfUnavailable) };
  }
}
