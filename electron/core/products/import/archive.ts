import path from 'node:path';
import { AppError } from '../../../contract';
import { centralDirectory, LIMITS, readEntry } from '../../spreadsheet';

const refuse = (reason: string, message: string) => new AppError('BAD_INPUT', message, { reason });

const TABLE = /\.(csv|tsv|xlsx)$/i;
/** 淘宝助理 keeps its pictures as <name>.tbi (JPEG bytes); other exports use the usual endings. */
const PICTURE = /\.(tbi|jpe?g|png|gif|webp)$/i;

/** A spreadsheet export given with its picture folder. */
export interface ExportArchive {
  table: Buffer;
  tableName: string;
  /** Picture bytes by file name without extension, lower case (what 新图片 names). */
  pictures: Map<string, Buffer>;
}

/** A ZIP that is not itself a workbook: an export with its pictures (淘宝助理's CSV and folder). */
export function isExportArchive(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return false;
  try {
    // Every Office file has [Content_Types].xml: without it, this is a plain ZIP of files.
    return !centralDirectory(bytes).some((e) => e.name === '[Content_Types].xml');
  } catch {
    return false; // damaged: the spreadsheet reader says why
  }
}

/**
 * The one spreadsheet in the archive and every picture beside it. Every entry is checked as a
 * workbook's parts are (sizes, packing ratio, CRC) before its bytes are used; names are only
 * looked at, never used as paths.
 */
export function openExportArchive(bytes: Buffer): ExportArchive {
  const entries = centralDirectory(bytes).filter((e) => !e.name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(e.name));
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > LIMITS.maxUnzippedBytes) throw refuse('zip_bomb', 'The ZIP unpacks to more than 300 MB; it is refused as a possible zip bomb.');
    if (e.size > 1024 * 1024 && e.size > e.compressed * LIMITS.maxZipRatio) throw refuse('zip_bomb', `${e.name} packs ${Math.round(e.size / Math.max(1, e.compressed))}:1; it is refused as a possible zip bomb.`);
  }
  const tables = entries.filter((e) => TABLE.test(e.name));
  if (tables.length === 0) throw refuse('not_xlsx', 'This ZIP file is neither an Excel workbook nor an export with its spreadsheet (.csv or .xlsx) inside.');
  if (tables.length > 1) throw refuse('zip', `The ZIP holds ${tables.length} spreadsheets; put one export (with its picture folder) in it.`);
  const pictures = new Map<string, Buffer>();
  for (const e of entries) {
    if (!PICTURE.test(e.name)) continue;
    const name = path.posix.basename(e.name).replace(PICTURE, '').toLowerCase();
    if (!pictures.has(name)) pictures.set(name, readEntry(bytes, e));
  }
  return { table: readEntry(bytes, tables[0]!), tableName: tables[0]!.name, pictures };
}
