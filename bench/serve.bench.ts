import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, openSocket, percentile, roundTrip, spawnUntil, stop, type Row } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');
const ECHO = path.join(ROOT, 'bench', 'echo-server.mjs');

/** Process start → first answered message, for Cuecart's serve and for a bare ws echo server. */
async function coldStart(runs: number): Promise<{ serve: number[]; echo: number[] }> {
  const serve: number[] = [];
  const echo: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-bench-'));
    let t0 = performance.now();
    const s = await spawnUntil(process.execPath, [SERVE, '--port', '0', '--data-dir', dataDir], /Open:\s+http:\/\/([^/]+)\/\?token=(\S+)\n/);
    const ws = await openSocket(`ws://${s.match[1]}/ws?token=${s.match[2]}`);
    await roundTrip(ws, JSON.stringify({ type: 'call', id: 1, method: 'app.status', input: {} }), (t) => t.includes('"result"'));
    serve.push(performance.now() - t0);
    ws.close();
    await stop(s.child);
    fs.rmSync(dataDir, { recursive: true, force: true });

    t0 = performance.now();
    const e = await spawnUntil(process.execPath, [ECHO], /READY (\d+)\n/);
    const ews = await openSocket(`ws://127.0.0.1:${e.match[1]}`);
    await roundTrip(ews, 'hi', () => true);
    echo.push(performance.now() - t0);
    ews.close();
    await stop(e.child);
  }
  return { serve, echo };
}

/** A small RPC (products.list, 20 rows) over the WebSocket vs a bare echo of a same-size frame. */
async function rpcRoundTrip(samples: number): Promise<{ rpc: number[]; echo: number[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-bench-'));
  const s = await spawnUntil(process.execPath, [SERVE, '--port', '0', '--data-dir', dataDir, '--demo'], /Open:\s+http:\/\/([^/]+)\/\?token=(\S+)\n/);
  const e = await spawnUntil(process.execPath, [ECHO], /READY (\d+)\n/);
  const ws = await openSocket(`ws://${s.match[1]}/ws?token=${s.match[2]}`);
  const ews = await openSocket(`ws://127.0.0.1:${e.match[1]}`);
  const rpc: number[] = [];
  const echo: number[] = [];
  let id = 0;
  for (let i = 0; i < samples + 20; i++) {
    id += 1;
    const frame = JSON.stringify({ type: 'call', id, method: 'products.list', input: { limit: 20 } });
    const a = await roundTrip(ws, frame, (t) => t.includes(`"id":${id},`) || t.includes(`"id":${id}}`));
    const b = await roundTrip(ews, frame, () => true);
    if (i >= 20) {
      rpc.push(a);
      echo.push(b);
    }
  }
  ws.close();
  ews.close();
  await stop(s.child);
  await stop(e.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { rpc, echo };
}

export async function benchServe(): Promise<Row[]> {
  const cold = await coldStart(5);
  const rt = await rpcRoundTrip(300);
  return [
    {
      figure: 'serve cold start → first RPC answer (median of 5, new data dir)',
      value: median(cold.serve),
      unit: 'ms',
      baseline: 'bare ws echo server start → first echo',
      baselineValue: median(cold.echo),
      target: '< 1000 ms',
      pass: median(cold.serve) < 1000,
    },
    {
      figure: 'RPC products.list(20) round trip p95 over WS',
      value: percentile(rt.rpc, 95),
      unit: 'ms',
      baseline: 'bare ws echo p95, same frame',
      baselineValue: percentile(rt.echo, 95),
    },
  ];
}
