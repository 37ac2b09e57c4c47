#!/usr/bin/env node
/**
 * `npm run serve -- [options]`: make sure out/ is built, then run the plain-Node entry
 * (out/main/serve.js: core + server, no Electron) with the same arguments. Signals go to the
 * child; its exit code becomes ours.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT } from './ensure-built.mjs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Forward our signals to `child`, and stop it if we are orphaned (`kill <npm pid>` ends npm and
 * its `sh -c` without signalling us). Resolves with the child's exit code.
 */
export function superviseChild(child, label) {
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of SIGNALS) process.on(s, forward);
  const parent = process.ppid;
  const orphanCheck = setInterval(() => {
    if (process.ppid !== parent) forward('SIGTERM');
  }, 1000);
  orphanCheck.unref();
  return new Promise((resolve) => {
    const done = (code) => {
      clearInterval(orphanCheck);
      for (const s of SIGNALS) process.off(s, forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`Cuecart: could not start ${label}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (SIGNALS.includes(signal) ? 0 : 1)));
  });
}

/** Run the serve entry; resolves with its exit code. */
export function runServe(args, { root = ROOT } = {}) {
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'serve.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  return superviseChild(child, 'the server');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!ensureBuilt()) process.exit(1);
  process.exit(await runServe(process.argv.slice(2)));
}
