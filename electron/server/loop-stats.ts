import { monitorEventLoopDelay } from 'node:perf_hooks';

const TICK_MS = 5;

/**
 * With `CUECART_LOOP_STATS=1`, `serve` measures how late its event loop runs and on SIGUSR2
 * prints one line `loop-stats {...}` (milliseconds), then starts afresh. Tests and benches read
 * it to show that nothing held the loop the show runs on; off by default.
 *
 * - `p50`, `p99`, `max`: Node's monitorEventLoopDelay (wall clock). On a busy machine these
 *   include time the OS gave the process no CPU at all.
 * - `heldMax`: the longest a tick was late while the process was working: for each 5 ms tick,
 *   the smaller of its lateness and the CPU time the process used meanwhile. Time the process
 *   sat descheduled does not count; a handler that computes for 200 ms does.
 */
export function loopStatsOnSignal(env: NodeJS.ProcessEnv = process.env): void {
  if (env.CUECART_LOOP_STATS !== '1' || process.platform === 'win32') return;
  const delay = monitorEventLoopDelay({ resolution: TICK_MS });
  delay.enable();
  let heldMax = 0;
  let lastAt = performance.now();
  let lastCpu = process.cpuUsage();
  const tick = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const late = now - lastAt - TICK_MS;
    heldMax = Math.max(heldMax, Math.min(late, (cpu.user + cpu.system) / 1000));
    lastAt = now;
    lastCpu = process.cpuUsage();
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
