import fs from 'node:fs';
import type { ExportLang, FileOutput, Host } from '../../../contract';
import type { HostsDao } from '../../hosts/hosts.dao';
import type { MediaStore } from '../../media/media.store';
import type { ShowsService } from '../../shows/shows.service';
import { cueCardsHtml } from './cue-cards-html';
import { labels } from './labels';
import { htmlToPdf } from './pdf';
import type { RunsheetContext } from './runsheet-model';
import { runsheetXlsx } from './runsheet-xlsx';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Images larger than this stay out of the cards: a card is read at arm's length, not zoomed. */
const MAX_INLINE_IMAGE = 1.5 * 1024 * 1024;

/** A file name from a show title: keeps CJK and letters, drops what file systems refuse. */
export function fileStem(title: string): string {
  // Control characters go too (a code-point filter: lint forbids them in a regex literal).
  const printable = [...title].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  const stem = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return stem || 'show';
}

/** HTML to an A4 PDF; `unavailable` is the message for an UNAVAILABLE answer. */
export type PrintPdf = (html: string, unavailable: string) => Promise<Buffer>;

export class RunsheetService {
  constructor(
    private readonly shows: ShowsService,
    private readonly hosts: HostsDao,
    private readonly media: MediaStore,
    /** The desktop shell prints with Electron's own Chromium; `serve` drives the system's. */
    private readonly printPdf: PrintPdf = (html, unavailable) => htmlToPdf(html, unavailable),
  ) {}

  context(id: string, lang: ExportLang): RunsheetContext {
    const show = this.shows.get(id);
    return {
      show,
      products: this.shows.productsOf(show.segments),
      hosts: new Map(this.hosts.list().map((h): [string, Host] => [h.id, h])),
      lang,
    };
  }

  async export(id: string, format: 'xlsx' | 'html' | 'pdf', lang: ExportLang): Promise<FileOutput & { bytes: Buffer }> {
    const ctx = this.context(id, lang);
    const stem = fileStem(ctx.show.title);
    if (format === 'xlsx') {
      const bytes = await runsheetXlsx(ctx);
      return { fileName: `${stem}.xlsx`, mime: XLSX_MIME, bytes, contentBase64: bytes.toString('base64') };
    }
    const html = cueCardsHtml(ctx, (hash) => this.inlineImage(hash));
    const bytes = format === 'html' ? Buffer.from(html, 'utf8') : await this.printPdf(html, labels(lang).pdfUnavailable);
    const mime = format === 'html' ? 'text/html; charset=utf-8' : 'application/pdf';
    return { fileName: `${stem}.${format}`, mime, bytes, contentBase64: bytes.toString('base64') };
  }

  /** A data: URL for a stored image, so the HTML works saved to disk and prints offline. */
  private inlineImage(hash: string): string | null {
    const file = this.media.resolve(hash);
    if (!file || file.size > MAX_INLINE_IMAGE) return null;
    return `data:${file.mime};base64,${fs.readFileSync(file.file).toString('base64')}`;
  }
}
