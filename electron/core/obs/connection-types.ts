import type { Clock } from '../clock';
import type { BackoffOptions } from './backoff';
import type { ObsFailure } from './errors';
import type { Revisioned } from './snapshot';

export type ObsLogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Structured log sink; the composition root decides where it goes. */
export type ObsLog = (level: ObsLogLevel, message: string, data?: Record<string, unknown>) => void;

export interface ObsConnectSettings {
  host: string;
  port: number;
  /** Empty or undefined when OBS has authentication turned off. */
  password?: string;
}

/**
 * - disconnected: we were not asked to connect (or were asked to stop).
 * - connecting: trying, or waiting `nextRetryAt` for the next try; `reason` says why the last
 *   try failed, so the UI can show "OBS not reachable, retrying in 3 s".
 * - connected: identified; requests may be sent.
 * - failed: stopped for good (wrong password, unsupported version, kicked) until `connect()`
 *   is called again; `reason` says why.
 */
export type ObsConnectionState = 'disconnected' | 'connecting' | 'connected' | 'failed';

export interface ObsStatusBody {
  state: ObsConnectionState;
  reason?: ObsFailure;
  /** host:port we talk to, for "Connected to 192.168.1.20:4455". */
  target?: string;
  obsVersion?: string;
  obsWebSocketVersion?: string;
  rpcVersion?: number;
  /** Last measured round trip of a tiny request (GetStudioModeEnabled). */
  rttMs?: number;
  /** 1-based number of the current (or next) attempt since the last success. */
  attempt?: number;
  /** Epoch ms (injected clock) of the next attempt while waiting. */
  nextRetryAt?: number;
  /** Epoch ms (injected clock) when this session was identified. */
  connectedAt?: number;
}
export type ObsStatus = Revisioned<ObsStatusBody>;

export interface ObsConnectionOptions {
  clock: Clock;
  log?: ObsLog;
  /** Default timeout for every request and batch (ms). */
  requestTimeoutMs?: number;
  /** Max time for socket open + Hello + Identify (ms). */
  connectTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** RTT probe / liveness interval (ms); 0 turns it off. */
  heartbeatMs?: number;
  /** Consecutive probe timeouts after which the socket is treated as dead. */
  heartbeatMissesBeforeDrop?: number;
  /** How often a request answered with 207 NotReady is retried, and the base delay. */
  notReadyRetries?: number;
  notReadyDelayMs?: number;
  /** Injectable for tests: jitter source and a monotonic timer for RTT. */
  random?: () => number;
  monotonic?: () => number;
  /** Event categories to subscribe to (default: the low-volume ones the mirror needs; 0 = none). */
  eventSubscriptions?: number;
}

export interface CallOptions {
  timeoutMs?: number;
  /** Override the 207 NotReady retry count (0 = fail at once). */
  notReadyRetries?: number;
}

export interface BatchOptions extends CallOptions {
  executionType?: number;
  haltOnFailure?: boolean;
}
