import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, type FileOutput } from '../contract';
import type { Dispatch } from '../core/dispatcher';
import { authorized, SECURITY_HEADERS, sendFailure, sendJson, verbAllowed, type AccessTokens, type Role } from './http-util';
import { contentDisposition } from './plan-routes';

/**
 * The as-run log over HTTP: `GET /api/v1/show/log` (the current run) and
 * `GET /api/v1/runs/{runId}/log`, `?format=json` (default; `since=<seq>` pages) or `csv` (a file).
 * Read-only: the viewer token may read it. Returns null (at once) for any other path.
 */
export function createLogRoutes(dispatch: Dispatch, tokens: AccessTokens) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | null => {
    const path = url.pathname.replace(/\/+$/, '');
    const ofRun = /^\/api\/v1\/runs\/([^/]+)\/log$/.exec(path);
    if (path !== '/api/v1/show/log' && !ofRun) return null;
    return (async () => {
      const role = authorized(req, res, tokens);
      if (!role) return;
      if (!verbAllowed(req, res, 'GET')) return;
      try {
        const runId = ofRun ? decodeURIComponent(ofRun[1]!) : undefined;
        const format = url.searchParams.get('format') ?? 'json';
        if (format === 'json') {
          const since = url.searchParams.get('since');
          const limit = url.searchParams.get('limit');
          const input = { ...(runId ? { runId } : {}), ...(since !== null ? { since: Number(since) } : {}), ...(limit !== null ? { limit: Number(limit) } : {}) };
          sendJson(res, 200, await call(dispatch, role, 'live.log', input));
        } else if (format === 'csv') {
          const lang = url.searchParams.get('lang') ?? 'zh-CN';
          const file = (await call(dispatch, role, 'live.log.export', { ...(runId ? { runId } : {}), format: 'csv', lang })) as FileOutput;
          const bytes = Buffer.from(file.contentBase64, 'base64');
          res.writeHead(200, {
            ...SECURITY_HEADERS,
            'Content-Type': file.mime,
            'Content-Length': bytes.length,
            'Content-Disposition': contentDisposition('attachment', file.fileName),
            'Cache-Control': 'no-store',
          });
          res.end(bytes);
        } else {
          throw new AppError('BAD_INPUT', 'format must be "json" or "csv"', { reason: 'format' });
        }
      } catch (error) {
        sendFailure(res, error);
      }
    })();
  };
}

async function call(dispatch: Dispatch, role: Role, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(method, input, { door: 'http', role });
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.output;
}
