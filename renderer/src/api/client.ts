import {
  AppError,
  type AnyEvent,
  type EventPayload,
  type EventTopic,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../electron/contract';
import { bridgeTransport, type CallOptions, type Transport } from './transport';
import { wsTransport } from './ws-transport';
import { getToken, seatName } from './token';

/** The typed API client generated from the contract: `api.call('products.list', { q })`. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>>;
  on<T extends EventTopic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void;
  transport: Transport;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    transport,
    async call(method, input, options) {
      const result = await transport.call(method, input, options);
      if (result.ok) return result.output as never;
      throw new AppError(result.error.code, result.error.message, result.error.details);
    },
    on(topic, listener) {
      return transport.subscribe((event: AnyEvent) => {
        if (event.topic === topic) listener(event.payload as never);
      });
    },
  };
}

/**
 * Electron bridge when the preload provided one, else a WebSocket to the serving origin. The
 * seat name (for the as-run log: who pressed Go) and the token can be given (the prompter).
 */
export function connectApi(onReconnect?: () => void, opts: { token?: string | null; seat?: string } = {}): ApiClient {
  if (window.cuecart) return createApiClient(bridgeTransport(window.cuecart));
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = opts.token !== undefined ? opts.token : getToken();
  const seat = opts.seat ?? seatName();
  const url = `${proto}//${location.host}/ws?token=${encodeURIComponent(token ?? '')}&seat=${encodeURIComponent(seat)}`;
  return createApiClient(wsTransport(url, onReconnect));
}
