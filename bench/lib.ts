import { spawn, type ChildProcess } from 'node:child_process';
import { WebSocket } from 'ws';

export interface Row {
  figure: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  target?: string;
  pass?: boolean;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

export const median = (v: number[]) => percentile(v, 50);

/** Spawn a process and resolve when a line of its stdout matches. */
export function spawnUntil(cmd: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${ready}: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Send one frame and wait for the first reply that `done` accepts; returns ms. */
export function roundTrip(ws: WebSocket, frame: string, done: (text: string) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const onMessage = (data: Buffer) => {
      if (!done(data.toString())) return;
      ws.off('message', onMessage);
      resolve(performance.now() - t0);
    };
    ws.on('message', onMessage);
    ws.send(frame);
  });
}

export function printTable(rows: Row[]): void {
  // Counts print as counts; KB with one decimal; times with two.
  const digits = (r: Row) => (r.unit === 'KB' ? 1 : r.unit === 'ms' || r.unit === 'ms/s' ? 2 : 0);
  const lines = rows.map((r) => [
    r.figure,
    `${r.value.toFixed(digits(r))} ${r.unit}`,
    `${r.baselineValue.toFixed(digits(r))} ${r.unit} (${r.baseline})`,
    r.baselineValue > 0 ? `${(r.value / r.baselineValue).toFixed(2)}×` : '-',
    r.target ? `${r.target} ${r.pass ? 'ok' : 'MISSED'}` : '',
  ]);
  const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
