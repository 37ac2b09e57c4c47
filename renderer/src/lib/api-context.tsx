import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { TransportState } from '../api/transport';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed client for the current door (Electron bridge or WebSocket). */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** The transport's connection state; re-renders when it changes. */
export function useTransportState(): TransportState {
  const { transport } = useApi();
  return useSyncExternalStore(
    (listener) => transport.onState(listener),
    () => transport.state,
  );
}
