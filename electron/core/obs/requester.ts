import {
  OBSWebSocketError,
  type OBSRequestTypes,
  type OBSResponseTypes,
  type RequestBatchRequest,
  type ResponseMessage,
} from 'obs-websocket-js/json';
import type OBSWebSocket from 'obs-websocket-js/json';
import type { BatchOptions, CallOptions } from './connection-types';
import { ObsError, describeRequestFailure, isObsError, notConnected, requestTimeout } from './errors';
import type { PendingRequests } from './pending-requests';
import { BatchExecution, RequestStatus } from './protocol';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RequesterOptions {
  requestTimeoutMs: number;
  notReadyRetries: number;
  notReadyDelayMs: number;
}

/**
 * Sends requests on the current identified socket, each with a timeout, and retries
 * 207 NotReady (obs-websocket 5.3+ answers it while loading a scene collection or exiting).
 */
export class ObsRequester {
  constructor(
    private readonly socket: () => OBSWebSocket | null,
    private readonly pending: PendingRequests,
    private readonly opts: RequesterOptions,
  ) {}

  async call<T extends keyof OBSRequestTypes>(
    requestType: T,
    requestData?: OBSRequestTypes[T],
    options: CallOptions = {},
  ): Promise<OBSResponseTypes[T]> {
    const timeoutMs = options.timeoutMs ?? this.opts.requestTimeoutMs;
    const retries = options.notReadyRetries ?? this.opts.notReadyRetries;
    for (let i = 0; ; i++) {
      const socket = this.socket();
      if (!socket) throw notConnected();
      try {
        const request = socket.call(requestType, requestData).catch((error: unknown) => {
          throw toRequestError(requestType, error);
        });
        return await this.pending.track(request, timeoutMs, () => requestTimeout(requestType, timeoutMs));
      } catch (error) {
        if (isObsError(error) && error.code === 'not_ready' && i < retries) {
          await sleep(this.opts.notReadyDelayMs * (i + 1));
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * One RequestBatch with a timeout. Per-request failures come back in the results, never
   * thrown. If OBS answered NotReady to every request nothing ran, so the whole batch is
   * retried; a partly-run batch is never re-sent (it would repeat the parts that worked).
   */
  async callBatch(requests: RequestBatchRequest[], options: BatchOptions = {}): Promise<ResponseMessage[]> {
    const timeoutMs = options.timeoutMs ?? this.opts.requestTimeoutMs;
    const retries = options.notReadyRetries ?? this.opts.notReadyRetries;
    const batchOptions = {
      executionType: options.executionType ?? BatchExecution.SerialRealtime,
      haltOnFailure: options.haltOnFailure ?? false,
    };
    for (let i = 0; ; i++) {
      const socket = this.socket();
      if (!socket) throw notConnected();
      const request = socket.callBatch(requests, batchOptions).catch((error: unknown) => {
        throw toRequestError('RequestBatch', error);
      });
      const results = await this.pending.track(request, timeoutMs, () => requestTimeout('RequestBatch', timeoutMs));
      const allNotReady = results.length > 0 && results.every((r) => r.requestStatus.code === RequestStatus.NotReady);
      if (!allNotReady || i >= retries) return results;
      await sleep(this.opts.notReadyDelayMs * (i + 1));
    }
  }
}

function toRequestError(requestType: string, error: unknown): ObsError {
  if (error instanceof OBSWebSocketError) {
    const failure = describeRequestFailure(requestType, error.code, error.message);
    return new ObsError(failure.code, failure.message, failure.obsCode);
  }
  // obs-websocket-js throws plain Errors ("Not connected", "Socket not identified") when the
  // socket went away between our check and the send.
  return notConnected();
}
