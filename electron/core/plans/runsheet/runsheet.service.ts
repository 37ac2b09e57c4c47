import sharp from 'sharp';
import type { ExportLang, FileOutput, Host } from '../../../contract';
import type { HostsDao } from '../../hosts/hosts.dao';
import type { MediaStore } from '../../media/media.store';
import type { ShowsService } from '../../shows/shows.service';
import { toBase64 } from '../../base64';
import { cueCardsHtml } from './cue-cards-html';
import { labels } from './labels';
import { htmlToPdf } from './pdf';
import type { RunsheetContext } from './runsheet-model';
import { runsheetXlsx } from './runsheet-xlsx';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A card's picture is read at arm's length: inlined as a thumbnail this wide at most. */
const CARD_IMAGE_PX = 480;

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
    await new Promise<void>((resolve) => setImmediate(resolve)); // reading a long show is a slice of its own
    const stem = fileStem(ctx.show.title);
    if (format === 'xlsx') {
      const bytes = await runsheetXlsx(ctx);
      return { fileName: `${stem}.xlsx`, mime: XLSX_MIME, bytes, contentBase64: await toBase64(bytes) };
    }
    const thumbs = await this.thumbnails([...ctx.products.values()].flatMap((p) => p.images.slice(0, 1)));
    const html = cueCardsHtml(ctx, (hash) => thumbs.get(hash) ?? null);
    const bytes = format === 'html' ? Buffer.from(html, 'utf8') : await this.printPdf(html, labels(lang).pdfUnavailable);
    const mime = format === 'html' ? 'text/html; charset=utf-8' : 'application/pdf';
    return { fileName: `${stem}.${format}`, mime, bytes, contentBase64: await toBase64(bytes) };
  }

  /**
   * data: URLs of small copies of the stored images, so the HTML works saved to disk and prints
   * offline, stays small whatever the originals weigh (a 200-product show with 1 MB photos made
   * a 270 MB page that Chromium could not print), and is made off the event loop (libvips).
   */
  private async thumbnails(hashes: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const hash of new Set(hashes)) {
      const found = await this.media.read(hash);
      if (!found) continue;
      try {
        const image = sharp(found.bytes, { failOn: 'none' });
        const { hasAlpha } = await image.metadata();
        const small = image.resize(CARD_IMAGE_PX, CARD_IMAGE_PX, { fit: 'inside', withoutEnlargement: true });
        const bytes = await (hasAlpha ? small.png() : small.jpeg({ quality: 82 })).toBuffer();
        out.set(hash, `data:image/${hasAlpha ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`);
      } catch {
        // an image libvips cannot read is left out of the card, not the whole export
      }
    }
    return out;
  }
}
