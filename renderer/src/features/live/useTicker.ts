import { useEffect, useState } from 'react';

/** Date.now(), re-read every `ms` while `enabled`; disabled it sets no timer at all. */
export function useTicker(enabled: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [enabled, ms]);
  return enabled ? now : Date.now();
}
