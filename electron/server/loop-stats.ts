import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const TICK_MS = 5;

/**
 * CPU time of the main thread alone, in ms, where Linux tells it (schedstat, nanoseconds);
 * elsewhere the whole process's (which also counts the thread pool and GC helpers).
 */
function mainThreadCpu(): () => number {
  const file = `/proc/self/task/${process.pid}/schedstat`;
  try {
    fs.readFileSync(file, 'utf8');
    return () => Number(fs.readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
  }
}

/**
 * With `CUECART_LOOP_STATS=1`, `serve` measures how late its event loop runs and on SIGUSR2
 * prints one line `loop-stats {...}` (milliseconds), then starts afresh. Tests and benches read
 * it to show that nothing held the loop the show runs on; off by default.
 *
 * - `p50`, `p99`, `max`: Node's monitorEventLoopDelay (wall clock). On a busy machine these
 *   include time the OS gave the process no CPU at all.
 * - `heldMax`: the longest a tick was late while the main thread was working: for each 5 ms
 *   tick, the smaller of its lateness and the CPU time the main thread used meanwhile. Time the
 *   process sat descheduled (a busy machine) does not count; a handler that computes for 200 ms
 *   does.
 */
export function loopStatsOnSignal(env: NodeJS.ProcessEnv = process.env): void {
  if (env.CUECART_LOOP_STATS !== '1' || process.platform === 'win32') return;
  const delay = monitorEventLoopDelay({ resolution: TICK_MS });
  delay.enable();
  const cpuNow = mainThreadCpu();
  let heldMax = 0;
  let lastAt = performance.now();
  let lastCpu = cpuNow();
  const tick = setInterval(() => {
    const now = performance.now();
    const cpu = cpuNow();
    heldMax = Math.max(heldMax, Math.min(now - lastAt - TICK_MS, cpu - lastCpu));
    lastAt = now;
    lastCpu = cpu;
  }, TICK_MS);
  tick.unref();
  process.on('SIGUSR2', () => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const stats = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), heldMax: Math.round(heldMax * 100) / 100, count: delay.count };
    console.log(`loop-stats ${JSON.stringify(stats)}`);
    delay.reset();
    heldMax = 0;
  });
}
