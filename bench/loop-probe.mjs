// Preloaded into a serve process (`node --import ./bench/loop-probe.mjs out/main/serve.js …`) by
// the import-load bench and test: measures the process's own event-loop delay with
// perf_hooks.monitorEventLoopDelay, without any code in the app for it. SIGUSR2 prints the
// figures since the last reset as one `LOOP {...}` line on stdout and resets them.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
const gaps = [];
let last = performance.now();
// Also keep the longest stalls with when they ended, for diagnosis.
setInterval(() => {
  const now = performance.now();
  if (now - last > 40) gaps.push([Math.round(now), Math.round(now - last)]);
  last = now;
}, 5).unref();

process.on('SIGUSR2', () => {
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const out = { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), count: h.count, stalls: gaps.splice(0).slice(-40) };
  process.stdout.write(`LOOP ${JSON.stringify(out)}\n`);
  h.reset();
});
