import { AppError, type ErrorCode } from '../../contract';
import { CloseCode, RequestStatus } from './protocol';

/**
 * Stable codes the UI translates (zh-CN/en); the English message is a fallback for logs and
 * for doors without i18n. Messages are written for a producer, not for a developer.
 */
export type ObsErrorCode =
  | 'auth_failed'
  | 'unsupported_version'
  | 'kicked'
  | 'unreachable'
  | 'not_obs'
  | 'timeout'
  | 'connection_lost'
  | 'not_connected'
  | 'not_ready'
  | 'not_found'
  | 'wrong_kind'
  | 'request_failed'
  | 'protocol_error';

export interface ObsFailure {
  code: ObsErrorCode;
  message: string;
  /** obs-websocket's own number (close code or RequestStatus), for logs and support. */
  obsCode?: number;
}

/** The one error type this module throws or rejects with. */
export class ObsError extends Error implements ObsFailure {
  override readonly name = 'ObsError';
  constructor(
    readonly code: ObsErrorCode,
    message: string,
    readonly obsCode?: number,
  ) {
    super(message);
  }

  toFailure(): ObsFailure {
    return this.obsCode === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, obsCode: this.obsCode };
  }
}

export function isObsError(e: unknown): e is ObsError {
  return e instanceof ObsError;
}

/**
 * An OBS failure as the typed error a door answers (never INTERNAL): OBS away or busy is
 * UNAVAILABLE, a missing scene or source NOT_FOUND, a request OBS refused BAD_INPUT. The OBS
 * code goes along for the UI's translation.
 */
export function asAppError(error: unknown): unknown {
  if (!isObsError(error)) return error;
  const code: ErrorCode =
    error.code === 'not_found' ? 'NOT_FOUND' : error.code === 'request_failed' || error.code === 'wrong_kind' ? 'BAD_INPUT' : 'UNAVAILABLE';
  return new AppError(code, error.message, { reason: 'obs', obs: error.toFailure() });
}

/** Why a connection attempt or an open connection ended, in words a producer understands. */
export function describeClose(closeCode: number, reason: string, where: string): ObsFailure {
  switch (closeCode) {
    case CloseCode.AuthenticationFailed:
      return {
        code: 'auth_failed',
        message:
          'OBS rejected the password. Copy it from OBS → Tools → WebSocket Server Settings → Show Connect Info.',
        obsCode: closeCode,
      };
    case CloseCode.UnsupportedRpcVersion:
      return {
        code: 'unsupported_version',
        message: 'This OBS speaks a WebSocket protocol version Cuecart does not support. Use OBS 28 or newer.',
        obsCode: closeCode,
      };
    case CloseCode.SessionInvalidated:
      return {
        code: 'kicked',
        message: 'Someone disconnected Cuecart from the OBS side (WebSocket session kicked). Reconnect when ready.',
        obsCode: closeCode,
      };
    default:
      break;
  }
  if (closeCode >= 4000 && closeCode < 5000) {
    return {
      code: 'protocol_error',
      message: `OBS closed the connection because of a protocol error (${closeCode}${reason ? `: ${reason}` : ''}).`,
      obsCode: closeCode,
    };
  }
  if (closeCode === CloseCode.GoingAway) {
    return { code: 'connection_lost', message: 'OBS is shutting down.', obsCode: closeCode };
  }
  if (closeCode === -1 && /subprotocol/i.test(reason)) {
    return {
      code: 'not_obs',
      message: `Something answered at ${where}, but it is not the OBS WebSocket server (version 5). Check the port.`,
    };
  }
  if (closeCode === -1 || closeCode === CloseCode.Abnormal) {
    return {
      code: 'unreachable',
      message: `Cannot reach OBS at ${where}. Is OBS running, with Tools → WebSocket Server Settings → Enable turned on?`,
    };
  }
  return { code: 'connection_lost', message: `The connection to OBS was closed (${closeCode}).`, obsCode: closeCode };
}

/** A connection attempt failed (socket error, close during the handshake, or our timeout). */
export function describeConnectError(error: unknown, where: string): ObsFailure {
  if (error instanceof ObsError) return error.toFailure();
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === 'number') return describeClose(e.code, String(e.message ?? ''), where);
  return { code: 'unreachable', message: `Cannot connect to OBS at ${where}: ${String(error)}` };
}

/** An identified connection closed: a socket that just died means "lost", not "unreachable". */
export function describeLiveClose(closeCode: number, reason: string, where: string): ObsFailure {
  if (closeCode === CloseCode.Abnormal || closeCode === -1) {
    return {
      code: 'connection_lost',
      message: 'Lost the connection to OBS (OBS closed, crashed or the network dropped). Reconnecting…',
    };
  }
  return describeClose(closeCode, reason, where);
}

export function connectionLost(): ObsError {
  return new ObsError('connection_lost', 'The connection to OBS was lost before it answered.');
}

export function notConnected(): ObsError {
  return new ObsError('not_connected', 'Cuecart is not connected to OBS.');
}

export function requestTimeout(requestType: string, ms: number): ObsError {
  return new ObsError(
    'timeout',
    `OBS did not answer ${requestType} within ${ms} ms. OBS may be frozen or overloaded; the change may or may not have happened.`,
  );
}

/** Maps a failed RequestStatus to our codes, keeping OBS's own comment (it names the thing). */
export function describeRequestFailure(requestType: string, status: number, comment?: string): ObsFailure {
  const detail = comment ? `: ${comment}` : '';
  if (status === RequestStatus.NotReady) {
    return { code: 'not_ready', message: `OBS is busy (loading) and could not do ${requestType} yet.`, obsCode: status };
  }
  if (status === RequestStatus.ResourceNotFound) {
    return { code: 'not_found', message: `OBS could not find it (${requestType}${detail}).`, obsCode: status };
  }
  return { code: 'request_failed', message: `OBS refused ${requestType}${detail}`, obsCode: status };
}
