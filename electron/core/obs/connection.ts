// JSON build on purpose: see obs-types.ts.
import OBSWebSocket, {
  OBSWebSocketError,
  type OBSEventTypes,
  type OBSRequestTypes,
  type OBSResponseTypes,
  type RequestBatchRequest,
  type ResponseMessage,
} from 'obs-websocket-js/json';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff';
import type {
  BatchOptions,
  CallOptions,
  ObsConnectSettings,
  ObsConnectionOptions,
  ObsLog,
  ObsStatus,
  ObsStatusBody,
} from './connection-types';
import { ObsEventRouter, type ObsEventHandler } from './event-router';
import { ObsError, connectionLost, describeConnectError, describeLiveClose, notConnected, type ObsFailure } from './errors';
import { startHeartbeat } from './heartbeat';
import { PendingRequests } from './pending-requests';
import { EVENT_SUBSCRIPTIONS, TERMINAL_CLOSE_CODES, supportsFeature, type ObsFeature } from './protocol';
import { ObsRequester } from './requester';
import { sendNow } from './send-now';
import { SnapshotPublisher } from './snapshot';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one place that talks to obs-websocket-js. Adds what the library lacks for a live show:
 * a timeout on every request, settling pending requests when the socket dies, reconnecting
 * forever (except when retrying cannot help), NotReady retries, and a status snapshot.
 *
 * Each attempt gets a fresh OBSWebSocket instance and a session number; callbacks from an older
 * session are ignored, so a late close or event from a dead socket can never touch the new one.
 */
export class ObsConnection {
  private readonly clock: ObsConnectionOptions['clock'];
  private readonly log: ObsLog;
  private readonly backoff: BackoffOptions;
  private readonly opts: Required<Omit<ObsConnectionOptions, 'clock' | 'log' | 'backoff'>>;
  private readonly pending = new PendingRequests();
  private readonly requester: ObsRequester;
  private readonly events: ObsEventRouter;
  private readonly statusPub: SnapshotPublisher<ObsStatusBody>;
  private readonly connectedListeners = new Set<() => void>();

  private settings: ObsConnectSettings | null = null;
  private wanted = false;
  private session = 0;
  /** The identified socket, or null: requests only go out on this one. */
  private live: OBSWebSocket | null = null;
  private attempting: OBSWebSocket | null = null;
  private failures = 0;
  private lastFailure: ObsFailure | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopHeartbeat: () => void = () => {};
  private attemptWaiters: Array<(status: ObsStatus) => void> = [];

  constructor(options: ObsConnectionOptions) {
    this.clock = options.clock;
    this.log = options.log ?? (() => {});
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.opts = {
      requestTimeoutMs: options.requestTimeoutMs ?? 3_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      heartbeatMs: options.heartbeatMs ?? 5_000,
      heartbeatMissesBeforeDrop: options.heartbeatMissesBeforeDrop ?? 2,
      notReadyRetries: options.notReadyRetries ?? 3,
      notReadyDelayMs: options.notReadyDelayMs ?? 250,
      random: options.random ?? Math.random,
      monotonic: options.monotonic ?? (() => performance.now()),
      eventSubscriptions: options.eventSubscriptions ?? EVENT_SUBSCRIPTIONS,
    };
    this.requester = new ObsRequester(() => this.live, this.pending, this.opts);
    this.events = new ObsEventRouter((event, error) =>
      this.log('error', 'obs.event handler threw', { event, error: String(error) }),
    );
    this.statusPub = new SnapshotPublisher<ObsStatusBody>({ state: 'disconnected' }, (error) =>
      this.log('error', 'obs.status listener threw', { error: String(error) }),
    );
  }

  // ---- status -------------------------------------------------------------------------

  status(): ObsStatus {
    return this.statusPub.get();
  }

  onStatus(listener: (status: ObsStatus) => void): () => void {
    return this.statusPub.subscribe(listener);
  }

  /** Called after every successful (re)identify; the mirror re-reads OBS from here. */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** OBS events, kept across reconnects. Only the low-volume categories are subscribed. */
  on<E extends keyof OBSEventTypes>(event: E, handler: ObsEventHandler<E>): () => void {
    return this.events.on(event, handler);
  }

  supports(feature: ObsFeature): boolean {
    return supportsFeature(this.status().obsWebSocketVersion, feature);
  }

  get isConnected(): boolean {
    return this.live !== null;
  }

  // ---- lifecycle ----------------------------------------------------------------------

  /**
   * Start connecting (and keep reconnecting) to OBS. Resolves with the status after the first
   * attempt settles: connected, failed (e.g. auth_failed) or connecting-with-retry. Never
   * rejects and never waits for OBS to appear: the caller watches `onStatus` for that.
   */
  connect(settings: ObsConnectSettings): Promise<ObsStatus> {
    const previous = this.teardown(notConnected);
    if (previous) void previous.disconnect().catch(() => {});
    this.settings = { ...settings };
    this.wanted = true;
    this.failures = 0;
    this.lastFailure = undefined;
    const settled = new Promise<ObsStatus>((resolve) => this.attemptWaiters.push(resolve));
    void this.attempt();
    return settled;
  }

  /** Stop for good (until the next `connect`); pending requests reject with not_connected. */
  async disconnect(): Promise<void> {
    this.wanted = false;
    const socket = this.teardown(notConnected);
    this.publish({ state: 'disconnected' });
    if (socket) await Promise.race([socket.disconnect().catch(() => {}), sleep(1_000)]);
  }

  /** Ends the current session (if any) without publishing; returns the socket to close. */
  private teardown(makeError: () => Error): OBSWebSocket | null {
    this.session++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopHeartbeat();
    this.stopHeartbeat = () => {};
    const socket = this.live ?? this.attempting;
    this.live = this.attempting = null;
    this.events.detach();
    this.pending.rejectAll(makeError);
    return socket;
  }

  private get target(): string {
    return this.settings ? `${this.settings.host}:${this.settings.port}` : '';
  }

  private async attempt(): Promise<void> {
    const settings = this.settings;
    if (!settings || !this.wanted) return;
    const session = ++this.session;
    const socket = new OBSWebSocket();
    sendNow(socket);
    this.attempting = socket;
    this.publish({ state: 'connecting', target: this.target, attempt: this.failures + 1, reason: this.lastFailure });
    socket.on('ConnectionClosed', (error) => this.onClosed(session, error));
    // Events are routed from the start: OBS may send some right after Identified.
    this.events.attach(socket);

    try {
      const url = `ws://${settings.host}:${settings.port}`;
      const identified = await this.pending.track(
        socket.connect(url, settings.password || undefined, { eventSubscriptions: this.opts.eventSubscriptions }),
        this.opts.connectTimeoutMs,
        () => new ObsError('unreachable', `OBS at ${this.target} did not complete the handshake in time.`),
      );
      if (session !== this.session) return;
      this.attempting = null;
      this.live = socket;
      const t0 = this.opts.monotonic();
      const version = await this.call('GetVersion');
      if (session !== this.session) return;
      this.failures = 0;
      this.lastFailure = undefined;
      this.publish({
        state: 'connected',
        target: this.target,
        obsVersion: version.obsVersion,
        obsWebSocketVersion: identified.obsWebSocketVersion,
        rpcVersion: identified.negotiatedRpcVersion,
        rttMs: Math.round(this.opts.monotonic() - t0),
        connectedAt: this.clock.now(),
      });
      this.log('info', 'obs.connected', { target: this.target, obsVersion: version.obsVersion });
      this.beginHeartbeat(session);
      for (const listener of [...this.connectedListeners]) {
        try {
          listener();
        } catch (error) {
          this.log('error', 'obs.onConnected listener threw', { error: String(error) });
        }
      }
    } catch (error) {
      if (session !== this.session) return;
      this.endSession(describeConnectError(error, this.target));
    }
  }

  private onClosed(session: number, error: OBSWebSocketError): void {
    // During an attempt the connect() promise rejects with the same close and handles it.
    if (session !== this.session || this.live === null) return;
    this.endSession(describeLiveClose(error.code, error.message, this.target));
  }

  /** The session is over: settle everything, then retry or stop depending on why. */
  private endSession(failure: ObsFailure): void {
    const socket = this.teardown(() =>
      failure.code === 'connection_lost' ? connectionLost() : new ObsError(failure.code, failure.message, failure.obsCode),
    );
    if (socket) void socket.disconnect().catch(() => {});
    if (!this.wanted) return;
    this.lastFailure = failure;
    const terminal = failure.obsCode !== undefined && TERMINAL_CLOSE_CODES.has(failure.obsCode);
    if (terminal) {
      this.wanted = false;
      this.log('warn', 'obs.failed', { ...failure });
      this.publish({ state: 'failed', target: this.target, reason: failure });
      return;
    }
    this.failures++;
    const delay = backoffDelay(this.failures, this.backoff, this.opts.random);
    this.log('info', 'obs.retry', { code: failure.code, inMs: delay, attempt: this.failures + 1 });
    this.publish({
      state: 'connecting',
      target: this.target,
      reason: failure,
      attempt: this.failures + 1,
      nextRetryAt: this.clock.now() + delay,
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt();
    }, delay);
  }

  private settleWaiters(): void {
    const waiters = this.attemptWaiters;
    this.attemptWaiters = [];
    for (const resolve of waiters) resolve(this.status());
  }

  private publish(body: ObsStatusBody): void {
    // Drop undefined keys so snapshots compare and serialize cleanly.
    const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as ObsStatusBody;
    this.statusPub.publish(clean);
    // An attempt has settled once we are anything but "connecting right now".
    const inFlight = clean.state === 'connecting' && clean.nextRetryAt === undefined;
    if (!inFlight) this.settleWaiters();
  }

  private beginHeartbeat(session: number): void {
    this.stopHeartbeat = startHeartbeat({
      intervalMs: this.opts.heartbeatMs,
      missesBeforeDrop: this.opts.heartbeatMissesBeforeDrop,
      monotonic: this.opts.monotonic,
      // GetStudioModeEnabled: the smallest answer OBS gives (GetVersion lists every request).
      probe: () => this.call('GetStudioModeEnabled', undefined, { notReadyRetries: 0 }),
      onRtt: (rttMs) => {
        const { revision: _revision, ...body } = this.status();
        if (session === this.session && body.state === 'connected' && body.rttMs !== rttMs) {
          this.publish({ ...body, rttMs });
        }
      },
      onDead: () => {
        if (session !== this.session) return;
        this.endSession({ code: 'timeout', message: 'OBS stopped answering (frozen or overloaded). Reconnecting…' });
      },
    });
  }

  // ---- requests -----------------------------------------------------------------------

  /** One request with a timeout (default 3 s); 207 NotReady is retried a few times. */
  call<T extends keyof OBSRequestTypes>(
    requestType: T,
    requestData?: OBSRequestTypes[T],
    options?: CallOptions,
  ): Promise<OBSResponseTypes[T]> {
    return this.requester.call(requestType, requestData, options);
  }

  /** One RequestBatch (default SerialRealtime, haltOnFailure false) with a timeout. */
  callBatch(requests: RequestBatchRequest[], options?: BatchOptions): Promise<ResponseMessage[]> {
    return this.requester.callBatch(requests, options);
  }
}
