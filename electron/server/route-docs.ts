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
];
