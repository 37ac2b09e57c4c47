import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, formatBytes, HTTP_STATUS, type AppErrorShape } from '../contract';
import { bearerToken, tokenMatches } from './token';

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: AppErrorShape, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error }, headers);
}

/** How long a refused body may keep arriving after the answer before the connection is cut. */
export const DRAIN_MS = 30_000;

export function tooLarge(limit: number, what = 'Request body'): AppError {
  return new AppError('BAD_INPUT', `${what} is larger than ${formatBytes(limit)} (limit ${limit} bytes)`, { reason: 'too_large', limit });
}

/**
 * Read a request body up to `limit` bytes; larger bodies are refused (too_large, answered 413),
 * never truncated. A declared Content-Length over the limit is refused before reading. The rest
 * of a refused body is read and dropped rather than the socket destroyed: destroying it while
 * the client still sends makes the kernel reset the connection, and the client then sees
 * ECONNRESET instead of our answer. The connection stays usable (keep-alive) once the body is
 * through; one still sending after DRAIN_MS is cut.
 */
/** From this declared body size on, the body is gathered in one buffer as it arrives. */
const PREALLOCATE_FROM = 256 * 1024;

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // A small request's body comes in the same packet as its head. One microtask after the
  // 'request' event, the parser has buffered all of it (as many bytes as Content-Length says):
  // take it at once, rather than through the stream's ticks (a Go's answer waited about 0.2 ms
  // for those on a 2-core VM). Anything else streams in below.
  await undefined;
  const declared = Number(req.headers['content-length']);
  if (declared === 0) return Buffer.alloc(0);
  if (declared <= limit && req.readableFlowing === null && req.readableLength === declared) return req.read(declared) as Buffer;
  return readStreamed(req, limit);
}

function readStreamed(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      req.removeAllListeners('data');
      req.on('data', () => undefined);
      req.resume();
      const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
      timer.unref();
      req.once('end', () => clearTimeout(timer));
      req.once('close', () => clearTimeout(timer));
      reject(tooLarge(limit));
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      refuse();
      return;
    }
    // A big body of a declared length is copied into place chunk by chunk as it arrives: joining
    // 15 MB of chunks at the end held the event loop for ~10 ms in one go (a Go waited for it).
    const into = Number.isFinite(declared) && declared > PREALLOCATE_FROM ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size + chunk.length > limit || (into && size + chunk.length > into.length)) {
        chunks.length = 0;
        refuse();
        return;
      }
      if (into) chunk.copy(into, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    // Never more than what arrived (the rest of `into` was never written).
    req.on('end', () => resolve(into ? into.subarray(0, size) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The HTTP status for an error: its code's, or 413 for a body or file over its limit. */
export function statusOf(error: AppErrorShape): number {
  return error.details?.reason === 'too_large' ? 413 : HTTP_STATUS[error.code];
}

/** The operator token changes things; the viewer token (prompter, observers) only reads. */
export interface AccessTokens {
  operator: string;
  viewer: string;
}

export type Role = 'operator' | 'viewer';

/** Which token a presented value is, if any. */
export function roleOf(tokens: AccessTokens, given: string | null | undefined): Role | null {
  if (tokenMatches(tokens.operator, given)) return 'operator';
  if (tokenMatches(tokens.viewer, given)) return 'viewer';
  return null;
}

/**
 * The caller's role, or null after answering 401 (no or wrong token). With `write`, a viewer is
 * answered 403 too (and gets null): file routes that change data check it here.
 */
export function authorized(req: IncomingMessage, res: ServerResponse, tokens: AccessTokens, opts: { write?: boolean } = {}): Role | null {
  const role = roleOf(tokens, bearerToken(req.headers.authorization));
  if (!role) {
    sendError(res, 401, { code: 'UNAUTHORIZED', message: 'Missing or wrong access token (Authorization: Bearer <token>)' }, {
      'WWW-Authenticate': 'Bearer realm="cuecart"',
    });
    return null;
  }
  if (opts.write && role === 'viewer') {
    sendError(res, 403, { code: 'FORBIDDEN', message: 'This token can only read (viewer): use the operator token to change anything.' });
    return null;
  }
  return role;
}

/** Answers 405 and returns false unless the request uses `verb`. */
export function verbAllowed(req: IncomingMessage, res: ServerResponse, verb: string): boolean {
  if (req.method === verb) return true;
  sendError(res, 405, { code: 'BAD_INPUT', message: `Method ${req.method} not allowed here`, details: { allowed: [verb] } }, { Allow: verb });
  return false;
}

/** A failure of a file route as JSON: its code's status, 413 for bodies over the limit. */
export function sendFailure(res: ServerResponse, error: unknown): void {
  const shape = error instanceof AppError ? error.toShape() : { code: 'BAD_INPUT' as const, message: 'Unreadable request' };
  if (!res.headersSent) sendError(res, statusOf(shape), shape);
}

/**
 * A request Node's parser refuses before it reaches a route (request line or headers over 16 KB,
 * a malformed request): answer 431 or 400 with a typed error, then keep reading and dropping what
 * the client still sends until it is done (or DRAIN_MS). Node's default closes at once, and
 * closing a socket with unread bytes sends a reset, so the client saw ECONNRESET instead of the
 * answer. Node may report one broken connection more than once: it is answered once.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex, answered: WeakSet<Duplex>): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'BAD_INPUT', message: 'The request line and headers are larger than 16 KB.', details: { reason: 'too_large' } }
      : { code: 'BAD_INPUT', message: 'Not a well-formed HTTP request.', details: { reason: 'malformed' } },
  });
  const status = tooLarge ? 431 : 400;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.on('data', () => undefined);
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
}
