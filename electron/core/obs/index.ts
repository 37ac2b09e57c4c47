import type { Clock } from '../clock';
import { ObsActions, type ActionResult, type ApplyOptions } from './actions';
import type { ObsAction } from './action-plan';
import { ObsConnection } from './connection';
import type { ObsConnectionOptions, ObsLog, ObsStatus } from './connection-types';
import { ObsMirror } from './mirror';
import type { ObsMirrorSnapshot } from './mirror-types';

export { ObsConnection } from './connection';
export { ObsMirror } from './mirror';
export { ObsActions, type ActionResult, type ApplyOptions } from './actions';
export { obsAction, type ObsAction, type SwitchMode } from './action-plan';
export { ObsError, type ObsErrorCode, type ObsFailure } from './errors';
export { outputElapsedMs } from './mirror-types';
export type * from './connection-types';
export type * from './mirror-types';

/** What the settings screen stores. `enabled: false` keeps the settings but stays offline. */
export interface ObsBridgeSettings {
  enabled: boolean;
  host: string;
  port: number;
  password?: string;
}

export interface ObsBridgeOptions {
  clock: Clock;
  log?: ObsLog;
  /** Timeouts, backoff, heartbeat; defaults suit a show (3 s requests, 250 ms → 5 s retries). */
  connection?: Omit<ObsConnectionOptions, 'clock' | 'log'>;
  outputPollMs?: number;
}

export interface ObsBridge {
  readonly connection: ObsConnection;
  /** The event-less session cue batches go out on (the main one while it is down). */
  readonly cueLink: ObsConnection;
  readonly mirror: ObsMirror;
  readonly actions: ObsActions;
  status(): ObsStatus;
  onStatus(listener: (status: ObsStatus) => void): () => void;
  mirrorSnapshot(): ObsMirrorSnapshot;
  onMirror(listener: (snapshot: ObsMirrorSnapshot) => void): () => void;
  applyActions(actions: readonly ObsAction[], options?: Pick<ApplyOptions, 'link'>): Promise<ActionResult[]>;
  /** Apply saved settings: connect, reconnect with new ones, or go offline. */
  configure(settings: ObsBridgeSettings): Promise<ObsStatus>;
  dispose(): Promise<void>;
}

/** The OBS side of the brain, built once by the composition root (createCore). */
export function createObsBridge(options: ObsBridgeOptions): ObsBridge {
  const connection = new ObsConnection({ ...options.connection, clock: options.clock, log: options.log });
  // A second session for cue batches only, subscribed to no events: obs-websocket 5.1 writes with
  // Nagle on and sends an event (SceneTransitionStarted) just before a scene switch's answer, so
  // on an event-subscribed socket the answer can wait up to 40 ms for the client's delayed ACK.
  // Cues fall back to the main session while this one is down.
  const cueLink = new ObsConnection({
    ...options.connection,
    clock: options.clock,
    log: (level, message, data) => options.log?.(level === 'error' ? 'warn' : level, `cue link: ${message}`, data),
    eventSubscriptions: 0,
  });
  const mirror = new ObsMirror(connection, { clock: options.clock, log: options.log, outputPollMs: options.outputPollMs });
  const actions = new ObsActions(connection, mirror, { cueLink });
  let applied: ObsBridgeSettings | null = null;

  return {
    connection,
    cueLink,
    mirror,
    actions,
    status: () => connection.status(),
    onStatus: (listener) => connection.onStatus(listener),
    mirrorSnapshot: () => mirror.snapshot(),
    onMirror: (listener) => mirror.onChange(listener),
    async applyActions(list, options) {
      // The batch's own events arrive just before its answer: publish them after it (mirror.ts).
      const release = mirror.holdPublishing();
      try {
        return await actions.applyActions(list, options);
      } finally {
        release();
      }
    },
    async configure(settings) {
      const same =
        applied !== null &&
        applied.enabled === settings.enabled &&
        applied.host === settings.host &&
        applied.port === settings.port &&
        (applied.password ?? '') === (settings.password ?? '');
      applied = { ...settings };
      if (!settings.enabled) {
        await Promise.all([connection.disconnect(), cueLink.disconnect()]);
        return connection.status();
      }
      // Saving unchanged settings must not drop a working connection mid-show; after a
      // failure (e.g. wrong password) the same "Connect" press does try again.
      const state = connection.status().state;
      if (same && (state === 'connected' || state === 'connecting')) return connection.status();
      const target = { host: settings.host, port: settings.port, password: settings.password };
      void cueLink.connect(target);
      return connection.connect(target);
    },
    async dispose() {
      mirror.dispose();
      await Promise.all([connection.disconnect(), cueLink.disconnect()]);
    },
  };
}
