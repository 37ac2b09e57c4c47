import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FIXTURE, writeObsConfig } from './fixture';

/**
 * Starts real OBS Studio for integration tests: Debian's obs-studio 29 (obs-websocket 5.1) under
 * its own Xvfb display, with a temp HOME holding a known scene collection (see fixture.ts).
 *
 * Cleanup is belt and braces, because a leaked OBS eats a core of a 2-core CI box:
 * `stop()` in afterAll; a process 'exit' hook; and a detached watchdog shell that SIGKILLs the
 * process groups and removes the temp HOME once the test process is gone (even after SIGKILL).
 */
export interface ObsInstance {
  host: string;
  port: number;
  password: string;
  home: string;
  display: string;
  images: { logo: string; altImage: string };
  fixture: typeof FIXTURE;
  /** SIGKILL OBS (a crash, as far as clients can tell). Xvfb stays up. */
  kill(): Promise<void>;
  /** SIGSTOP OBS: its sockets stay open but nothing answers, like a hung OBS. Resolves once
   *  every thread of it has stopped (a signal is delivered when a thread next runs, and on a
   *  busy machine that can be after the test's next request went out). */
  freeze(): Promise<void>;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** Start OBS again (killing it first if it runs) on the same port; resolves when it listens. */
  restart(): Promise<void>;
  /** Stop everything and delete the temp HOME. Safe to call twice. */
  stop(): Promise<void>;
  /** The end of OBS's stdout/stderr, for failure messages. */
  logTail(lines?: number): string;
}

export interface LaunchOptions {
  /** How long to wait for the WebSocket port (OBS 29 here: 0.5–10 s). */
  startTimeoutMs?: number;
  password?: string;
}

const OBS_BIN = process.env.CUECART_OBS_BIN ?? 'obs';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Kill a detached child's whole process group (OBS may spawn helpers such as obs-ffmpeg-mux). */
function killGroup(child: ChildProcess | null, signal: NodeJS.Signals): void {
  if (!child?.pid || exited(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Waits (up to 5 s) until every thread of `pid` is in state T (stopped), read from /proc. */
async function allThreadsStopped(pid: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    let running = 0;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        // The state is the field after the parenthesised command name (which may hold spaces).
        const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        if (state !== 'T' && state !== 't') running += 1;
      }
    } catch {
      return; // gone: nothing left to wait for
    }
    if (running === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Xvfb picks a free display itself and writes its number to fd 3 (-displayfd). */
async function startXvfb(): Promise<{ xvfb: ChildProcess; display: string }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x720x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const fd3 = xvfb.stdio[3] as Readable;
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s')), 10_000);
    fd3.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}`));
    });
  });
  return { xvfb, display };
}

export async function launchObs(options: LaunchOptions = {}): Promise<ObsInstance> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const password = options.password ?? randomBytes(9).toString('base64url');
  const home = mkdtempSync(join(tmpdir(), 'cuecart-obs-'));
  const port = await freePort();
  const images = writeObsConfig(home, port, password);
  const logPath = join(home, 'obs-output.log');
  const pidFile = join(home, 'pids');

  const { xvfb, display } = await startXvfb();
  let obs: ChildProcess | null = null;
  let stopped = false;

  const writePids = () => writeFileSync(pidFile, [xvfb.pid, obs?.pid].filter(Boolean).join(' '));
  writePids();
  // Watchdog: outlives a SIGKILLed test worker and cleans up after it.
  const watchdog = spawn(
    'sh',
    ['-c', 'while kill -0 "$0" 2>/dev/null && [ -f "$1" ]; do sleep 1; done; for p in $(cat "$1" 2>/dev/null); do kill -9 "-$p" 2>/dev/null; done; rm -rf "$2"', String(process.pid), pidFile, home],
    { stdio: 'ignore', detached: true },
  );
  watchdog.unref();

  const onExit = () => {
    killGroup(obs, 'SIGKILL');
    killGroup(xvfb, 'SIGKILL');
  };
  process.once('exit', onExit);

  const logTail = (lines = 30) => {
    try {
      return readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no OBS output)';
    }
  };

  const startObs = async () => {
    const out = openSync(logPath, 'a');
    const child = spawn(
      OBS_BIN,
      ['--minimize-to-tray', '--disable-shutdown-check', '--disable-missing-files-check', '--multi', '--collection', FIXTURE.collection, '--profile', FIXTURE.profile],
      {
        cwd: home,
        detached: true,
        stdio: ['ignore', out, out],
        env: {
          ...process.env,
          HOME: home,
          // OBS prefers XDG_CONFIG_HOME over HOME/.config; pin it so a CI runner's own value
          // cannot point OBS at a real profile.
          XDG_CONFIG_HOME: join(home, '.config'),
          DISPLAY: display,
          LIBGL_ALWAYS_SOFTWARE: '1',
          QT_QPA_PLATFORM: 'xcb',
        },
      },
    );
    closeSync(out);
    obs = child;
    writePids();
    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (exited(child)) throw new Error(`OBS exited during start (code ${child.exitCode}).\n${logTail()}`);
      if (await portOpen(port)) return;
      await sleep(200);
    }
    throw new Error(`OBS did not open its WebSocket port ${port} within ${startTimeoutMs} ms.\n${logTail()}`);
  };

  const kill = async () => {
    const child = obs;
    if (!child) return;
    killGroup(child, 'SIGKILL');
    await waitExit(child, 5_000);
    obs = null;
    writePids();
  };

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const child = obs;
    if (child && !exited(child)) {
      // A clean quit first (OBS saves its config); a hung OBS gets SIGKILL after 5 s.
      killGroup(child, 'SIGCONT');
      killGroup(child, 'SIGTERM');
      if (!(await waitExit(child, 5_000))) killGroup(child, 'SIGKILL');
      await waitExit(child, 2_000);
    }
    killGroup(xvfb, 'SIGKILL');
    await waitExit(xvfb, 2_000);
    process.removeListener('exit', onExit);
    // Removing the pid file tells the watchdog to stop; it deletes HOME too (rm -rf is
    // idempotent), so do it here as well for a synchronous, predictable end.
    rmSync(home, { recursive: true, force: true });
  };

  try {
    await startObs();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    host: '127.0.0.1',
    port,
    password,
    home,
    display,
    images,
    fixture: FIXTURE,
    kill,
    freeze: async () => {
      killGroup(obs, 'SIGSTOP');
      if (obs?.pid) await allThreadsStopped(obs.pid);
    },
    thaw: () => killGroup(obs, 'SIGCONT'),
    restart: async () => {
      await kill();
      await startObs();
    },
    stop,
    logTail,
  };
}
