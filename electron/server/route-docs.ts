/**
 * Control-API routes that are not plain contract methods (raw file bodies or downloads). They
 * are listed here so the README's generated route table stays complete.
 */
export const extraRouteDocs: { verb: string; path: string; write: boolean; summary: string }[] = [];
