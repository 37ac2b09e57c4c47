/**
 * Control-API routes that are not plain contract methods (raw file bodies or downloads). They
 * are listed here so the README's generated route table stays complete.
 */
export const extraRouteDocs: { verb: string; path: string; write: boolean; summary: string }[] = [
  {
    verb: 'GET',
    path: '/shows/{id}/runsheet',
    write: false,
    summary: 'The run sheet file: `?format=xlsx` (default), or host cue cards as `html` or `pdf` (503 without Chromium); `?lang=zh-CN` (default) or `en`.',
  },
  {
    verb: 'GET',
    path: '/shows/{id}/bundle',
    write: false,
    summary: 'Download the show as a plan bundle (one JSON file with its products, hosts and images).',
  },
  {
    verb: 'POST',
    path: '/bundles',
    write: true,
    summary: 'Import a plan bundle sent as the body, all or nothing; `?onConflict=keep` (default), `update` or `copy` for SKUs and hosts that exist; `?preview=1` only checks and lists them. 201 with the new show id.',
  },
  {
    verb: 'POST',
    path: '/shows/{id}/recap/imports',
    write: true,
    summary:
      'A platform export (CSV or XLSX) as the body for the show\'s recap: `?kind=products|totals|curve|traffic`. Without `apply` a preview (mapping, matches, every refused row; 422 when the file does not fit); `?apply=1` imports it, `&replace=1` over a file of that kind (409 otherwise); a file that does not fit answers 400 with the reasons and changes nothing. Optional `headerRow`, `sheet`, `row` (totals), `mapping` (fields, comma-separated).',
  },
  {
    verb: 'GET',
    path: '/shows/{id}/recap/export',
    write: false,
    summary: 'The recap as a file: `?format=html|pdf|xlsx|csv|json` (PDF 503 without Chromium), `?lang=zh-CN` (default) or `en`, `runId` for another real run.',
  },
];
