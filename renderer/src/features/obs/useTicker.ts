import { useEffect, useRef, useState } from 'react';

/**
 * The current time, re-read on a schedule only while `enabled`: `nextDelay(now)` says how many
 * ms until the next re-render (e.g. the next whole second of a running timecode). Disabled, it
 * sets no timer at all, so an idle header costs nothing.
 */
export function useTicker(enabled: boolean, nextDelay: (now: number) => number = () => 1000): number {
  const [now, setNow] = useState(() => Date.now());
  // The latest schedule without re-arming the timer on every render.
  const delayRef = useRef(nextDelay);
  useEffect(() => {
    delayRef.current = nextDelay;
  });
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      // +5 ms so the render lands just after the boundary, not a hair before it.
      timer = setTimeout(
        () => {
          setNow(Date.now());
          schedule();
        },
        Math.max(50, delayRef.current(Date.now())) + 5,
      );
    };
    setNow(Date.now());
    schedule();
    return () => clearTimeout(timer);
  }, [enabled]);
  return now;
}
