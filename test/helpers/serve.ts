import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ServeProcess {
  url: string;
  /** URL with `?token=` for a browser's first visit. */
  openUrl: string;
  token: string;
  dataDir: string;
  port: number;
  child: ChildProcess;
  stdout(): string;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = 'cuecart-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Start the real `serve` entry (the built `out/main/serve.js`, exactly what `npm run serve`
 * runs) on a free port with its own data directory, and wait for its ready banner.
 */
export async function startServe(
  opts: { dataDir?: string; args?: string[]; timeoutMs?: number; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<ServeProcess> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const entry = path.join(ROOT, 'out', 'main', 'serve.js');
  if (!fs.existsSync(entry)) throw new Error('out/main/serve.js missing: run `npm run build` first');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), entry, '--port', '0', '--data-dir', dataDir, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, CUECART_PORT: '', CUECART_HOST: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), opts.timeoutMs ?? 20_000);
    const check = () => {
      const m = /Open:\s+(\S+)\r?\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
  const u = new URL(openUrl);
  const token = u.searchParams.get('token')!;
  return {
    url: `${u.origin}/`,
    openUrl,
    token,
    dataDir,
    port: Number(u.port),
    child,
    stdout: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A JSON call to the control API with the token. */
export async function api(s: ServeProcess, method: string, route: string, body?: unknown) {
  const res = await fetch(new URL(`api/v1${route}`, s.url), {
    method,
    headers: {
      Authorization: `Bearer ${s.token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : null };
}
