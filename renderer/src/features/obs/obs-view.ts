import type { ObsMirror, ObsStatus } from '../../../../electron/contract';

/**
 * Pure helpers that turn the pushed OBS snapshots into what the screens show. No React here,
 * so the rules (what "reconnecting" means, how a timecode runs on) are unit-testable.
 */

export type ObsOutput = ObsMirror['stream'];
export type ObsErrorCode = NonNullable<ObsStatus['reason']>['code'];

/** What the UI calls the connection. "reconnecting" is `connecting` after a failure. */
export type ObsPhase = 'connected' | 'connecting' | 'reconnecting' | 'disconnected' | 'failed';

export function obsPhase(status: Pick<ObsStatus, 'state' | 'reason' | 'attempt'>): ObsPhase {
  if (status.state === 'connecting' && (status.reason || (status.attempt ?? 1) > 1)) return 'reconnecting';
  return status.state;
}

/** antd Badge status per phase: green, blue (pulsing), orange, grey, red. */
export const PHASE_BADGE = {
  connected: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  disconnected: 'default',
  failed: 'error',
} as const satisfies Record<ObsPhase, 'success' | 'processing' | 'warning' | 'default' | 'error'>;

/** Whole seconds until the next retry (rounded up), or null when no retry is scheduled. */
export function retryInSeconds(status: Pick<ObsStatus, 'nextRetryAt'>, now: number): number | null {
  if (status.nextRetryAt === undefined) return null;
  return Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000));
}

/** Elapsed ms of a stream/record output at `now`, run on from the last reading (never back). */
export function outputElapsedMs(output: ObsOutput, now: number): number {
  if (!output.active || output.paused) return output.durationMs;
  return output.durationMs + Math.max(0, now - output.measuredAt);
}

/** `HH:MM:SS` like OBS's own status bar (hours keep growing past 99 on a marathon show). */
export function formatTimecode(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** ms until the displayed second of a running output changes, so a ticker fires on time. */
export function msToNextSecond(output: ObsOutput, now: number): number {
  return 1000 - (outputElapsedMs(output, now) % 1000);
}

export type HostProblem = 'hostRequired' | 'hostScheme' | 'hostInvalid';

// A DNS name or IPv4 address, or an IPv6 address in brackets (as it goes into ws://host:port).
const HOST_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})?(?:\.[A-Za-z0-9_-]{1,63})*\.?|\[[0-9A-Fa-f:.]+\])$/;

/** Why a host is not usable, as an i18n key under `obs.validation`, or null when it is fine. */
export function hostProblem(raw: string | undefined): HostProblem | null {
  const host = (raw ?? '').trim();
  if (!host) return 'hostRequired';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return 'hostScheme';
  if (host.length > 253 || !HOST_RE.test(host)) return 'hostInvalid';
  return null;
}

/**
 * A pasted address like `ws://192.168.1.20:4455` or `obs-pc:4455` split into host and port,
 * so the producer can paste OBS's "Show Connect Info" URL. Null when there is nothing to split.
 */
export function splitAddress(raw: string): { host: string; port?: number } | null {
  const text = raw.trim();
  const m = /^(?:wss?:\/\/)?(\[[0-9A-Fa-f:.]+\]|[^/:\s]+)(?::(\d{1,5}))?\/?$/i.exec(text);
  if (!m || (m[1] === text && !m[2])) return null;
  const port = m[2] ? Number(m[2]) : undefined;
  return { host: m[1]!, ...(port && port <= 65535 ? { port } : {}) };
}

export function portValid(port: unknown): boolean {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** Newer snapshot wins; a snapshot with an equal or lower revision is a late duplicate. */
export function isNewer(next: { revision: number }, current: { revision: number } | undefined): boolean {
  return !current || next.revision > current.revision;
}
