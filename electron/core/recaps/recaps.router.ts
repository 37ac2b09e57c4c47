import type { RouterPart } from '../handlers';
import type { RecapExportService } from './export/export.service';
import type { RecapImportService } from './import/import.service';
import { demoRecapFiles } from './demo-files';
import { productHistory, type ProductHistoryDeps } from './product-history';
import type { RecapsService } from './recaps.service';

export interface RecapsRouterDeps {
  recaps: RecapsService;
  imports: RecapImportService;
  exports: RecapExportService;
  history: ProductHistoryDeps;
  resourcesDir: string;
}

type RecapMethod =
  | 'recaps.get'
  | 'recaps.list'
  | 'products.history'
  | 'recaps.import.preview'
  | 'recaps.import.apply'
  | 'recaps.import.remove'
  | 'recaps.totals.set'
  | 'recaps.matches.set'
  | 'recaps.conclusions.set'
  | 'recaps.export'
  | 'recaps.demoFiles';

/** Recaps: the model, history, platform imports, what people add, and the files out. */
export function recapsRouter(deps: RecapsRouterDeps): RouterPart<RecapMethod> {
  const { recaps } = deps;
  return {
    'recaps.get': ({ id, runId }) => recaps.get(id, runId),
    'recaps.list': (input) => recaps.list(input),
    'products.history': ({ id }) => productHistory(deps.history, id),
    'recaps.import.preview': (input, ctx) => deps.imports.preview(input, ctx.files?.in),
    'recaps.import.apply': (input, ctx) => deps.imports.apply(input, ctx.files?.in),
    'recaps.import.remove': ({ id, kind }) => recaps.removeImport(id, kind),
    'recaps.totals.set': ({ id, totals }) => recaps.setTotals(id, totals),
    'recaps.matches.set': (input) => recaps.setMatches(input),
    'recaps.conclusions.set': ({ id, ...conclusions }) => recaps.setConclusions(id, conclusions),
    'recaps.export': async ({ id, runId, format, lang }, ctx) => {
      const { bytes, ...file } = await deps.exports.export(id, runId, format, lang);
      // The control API takes the bytes as they are (no base64 round trip on the app's thread).
      if (ctx.files) {
        ctx.files.out = bytes;
        return { ...file, contentBase64: '' };
      }
      return { ...file, contentBase64: bytes.toString('base64') };
    },
    'recaps.demoFiles': () => demoRecapFiles(deps.resourcesDir),
  };
}
