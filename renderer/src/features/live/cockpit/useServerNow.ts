import { useEffect, useState } from 'react';
import { useApi } from '../../../lib/api-context';

/** No word from the server for this long: the seat says so instead of showing a frozen clock. */
export const STALE_AFTER_MS = 3000;

export interface ServerNow {
  /** The server's clock now (ours plus the measured offset). */
  now: number;
  /** Nothing heard from the server for STALE_AFTER_MS. */
  stale: boolean;
}

/**
 * The server clock, re-read several times a second. Clocks on screen are differences of server
 * instants (start, cue start) from this, so a late or missed render never drifts them; it only
 * shows the next value a moment later.
 */
export function useServerNow(intervalMs = 100): ServerNow {
  const { transport } = useApi();
  const read = (): ServerNow => {
    const { lastSeenAt, serverOffsetMs } = transport.health();
    const local = Date.now();
    return { now: local + serverOffsetMs, stale: local - lastSeenAt > STALE_AFTER_MS };
  };
  const [value, setValue] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setValue(read()), intervalMs);
    return () => clearInterval(timer);
  }, [transport, intervalMs]);
  return value;
}
