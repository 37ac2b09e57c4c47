import { useEffect, useState } from 'react';
import type { Transport } from '../../../api/transport';
import { useApi, useTransportState } from '../../../lib/api-context';

/** No word from the server for this long: the seat says so instead of showing a frozen clock. */
export const STALE_AFTER_MS = 3000;

const serverNow = (transport: Transport) => Date.now() + transport.health().serverOffsetMs;

/** Milliseconds until the clock counted from `anchor` shows its next whole second. */
export function msToNextSecond(now: number, anchor: number | null): number {
  if (anchor === null) return 1000 - (now % 1000) + 2;
  const into = (((now - anchor) % 1000) + 1000) % 1000;
  return 1000 - into + 2;
}

/**
 * The server clock (ours plus the measured offset), re-read exactly when a clock counted from
 * `anchor` turns to its next second: a clock never shows a stale second, and the page does no
 * work in between. Clocks are differences of server instants, so a late render never drifts them.
 */
export function useServerClock(anchor: number | null = null): number {
  const { transport } = useApi();
  const [now, setNow] = useState(() => serverNow(transport));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const value = serverNow(transport);
      setNow(value);
      timer = setTimeout(tick, msToNextSecond(value, anchor));
    };
    timer = setTimeout(tick, msToNextSecond(serverNow(transport), anchor));
    return () => clearTimeout(timer);
  }, [transport, anchor]);
  return now;
}

/**
 * Whether this seat is out of touch: its connection is down (known at once), or nothing has been
 * heard for 3 s although it looks open (a stalled link). Re-rendered only when that flips.
 */
export function useStale(): boolean {
  const { transport } = useApi();
  const state = useTransportState();
  const [silent, setSilent] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setSilent(Date.now() - transport.health().lastSeenAt > STALE_AFTER_MS), 250);
    return () => clearInterval(timer);
  }, [transport]);
  return state !== 'open' || silent;
}
