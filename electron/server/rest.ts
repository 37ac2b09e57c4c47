import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, methods, type MethodName } from '../contract';
import type { Dispatch } from '../core/dispatcher';
import { coerceQuery, matchRoute, restRoutes } from './rest-routes';
import { authorized, readBody, sendError, sendJson, statusOf, type AccessTokens } from './http-util';
import { jsonBodyLimit, rawFileBody } from './body-limits';

/** Control API v1 (`/api/v1/...`): JSON over HTTP, Bearer token on every call. */
export function createRestHandler(dispatch: Dispatch, tokens: AccessTokens) {
  const routes = restRoutes();
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const role = authorized(req, res, tokens);
    if (!role) return;
    const sub = url.pathname.slice('/api/v1'.length) || '/';
    let found: ReturnType<typeof matchRoute>;
    try {
      found = matchRoute(routes, req.method ?? 'GET', sub);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sendError(res, 400, error.toShape());
      return;
    }
    if (!found) {
      sendError(res, 404, { code: 'NOT_FOUND', message: `No API route ${req.method} ${url.pathname}` });
      return;
    }
    if ('allowed' in found) {
      sendError(res, 405, { code: 'BAD_INPUT', message: `Method ${req.method} not allowed here`, details: { allowed: found.allowed } }, {
        Allow: found.allowed.join(', '),
      });
      return;
    }
    const { route, params } = found;
    if (route.write && role === 'viewer') {
      sendError(res, 403, { code: 'FORBIDDEN', message: 'This token can only read (viewer): use the operator token to change anything.' });
      return;
    }
    let input: Record<string, unknown>;
    try {
      if (route.verb === 'GET' || route.verb === 'DELETE') {
        input = { ...coerceQuery(methods[route.method].input, url.searchParams), ...params };
      } else {
        input = { ...(await readBodyInput(req, route.method)), ...params };
      }
    } catch (error) {
      const shape = error instanceof AppError ? error.toShape() : { code: 'BAD_INPUT' as const, message: 'Unreadable request body' };
      sendError(res, statusOf(shape), shape);
      return;
    }
    const result = await dispatch(route.method, input, { door: 'http', role });
    // 201 only where a resource was created; actions (show, apply, import) answer 200.
    if (result.ok) sendJson(res, route.method.endsWith('.create') ? 201 : 200, result.output);
    else sendError(res, statusOf(result.error), result.error);
  };
}

/** A JSON object, or for a method that takes one file, the file's raw bytes (e.g. an image/png body). */
async function readBodyInput(req: IncomingMessage, method: MethodName): Promise<Record<string, unknown>> {
  const raw = rawFileBody(method, req.headers['content-type'] ?? '');
  if (raw) {
    const body = await readBody(req, raw.limit);
    if (body.length === 0) throw new AppError('BAD_INPUT', 'The request has no file in its body.', { reason: 'empty' });
    return { [raw.field]: body.toString('base64') };
  }
  return readJsonObject(req, jsonBodyLimit(method));
}

async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  const body = await readBody(req, limit);
  if (body.length === 0) return {};
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('BAD_INPUT', 'Send the body as JSON (Content-Type: application/json)', { reason: 'content_type' });
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new AppError('BAD_INPUT', `Body is not valid JSON: ${(error as Error).message}`, { reason: 'json' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('BAD_INPUT', 'Body must be a JSON object', { reason: 'json' });
  }
  return value as Record<string, unknown>;
}
