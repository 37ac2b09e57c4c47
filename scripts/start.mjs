#!/usr/bin/env node
/**
 * `npm start`: the desktop app when Electron can run here, else the same app in the browser.
 *
 * 1. Build out/ if sources changed (ensure-built.mjs).
 * 2. Find the Electron binary. Electron 45 downloads it lazily on first use; we run the
 *    package's own install.js with a time limit and quiet output (requiring `electron` would
 *    download with no limit and print a stack trace when offline).
 * 3. Make the Electron-ABI SQLite binding (electron-native.mjs), then `electron .`.
 * If any of that is impossible (offline first run, no display, no toolchain), print one line
 * and run the serve entry instead, which prints the URL (with its token) to open.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, ROOT } from './ensure-built.mjs';
import { electronVersion, ensureElectronNative, nativeBindingPath } from './electron-native.mjs';
import { runServe, superviseChild } from './serve.mjs';

const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_S = Number(process.env.CUECART_ELECTRON_DOWNLOAD_TIMEOUT || 180);

/** The Electron executable as node_modules/electron/index.js computes it, or null. */
function electronExecutable() {
  let rel = '';
  try {
    rel = fs.readFileSync(path.join(ELECTRON_DIR, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded yet
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
  return rel ? path.join(ELECTRON_DIR, 'dist', rel) : null;
}

/** Run the electron package's installer with a time limit; resolves to null or a reason. */
function downloadElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], { cwd: ELECTRON_DIR, stdio: 'ignore' });
    // Say something only if it takes a while: offline, it fails within a second.
    const notice = setTimeout(
      () => console.log(`Cuecart: downloading the Electron runtime (first run only, up to ${DOWNLOAD_TIMEOUT_S} s)...`),
      2_000,
    );
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('the download timed out');
    }, DOWNLOAD_TIMEOUT_S * 1000);
    const done = (reason) => {
      clearTimeout(notice);
      clearTimeout(limit);
      resolve(reason);
    };
    child.on('error', () => done('could not run its installer'));
    child.on('exit', (code) => done(code === 0 ? null : 'could not download it'));
  });
}

/** Electron's path when it is present and actually starts here, else `{ reason }`. */
async function obtainElectron() {
  if (!fs.existsSync(path.join(ELECTRON_DIR, 'package.json'))) return { reason: 'the electron package is not installed' };
  let exe = electronExecutable();
  if (!exe || !fs.existsSync(exe)) {
    const reason = await downloadElectron();
    if (reason) return { reason };
    exe = electronExecutable();
    if (!exe || !fs.existsSync(exe)) return { reason: 'could not download it' };
  }
  // Loads the binary and its shared libraries without opening a window.
  const probe = spawnSync(exe, ['-e', 'process.exit(0)'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: 30_000,
  });
  if (probe.status !== 0) return { reason: 'it does not start on this system' };
  return { exe };
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function fallBack(reason, args) {
  console.log(`Cuecart: ${reason}; serving the same app in your browser instead.`);
  return runServe(args);
}

function launchElectron(exe, args) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  const child = spawn(exe, ['.', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  return superviseChild(child, 'Electron');
}

async function main() {
  const args = process.argv.slice(2);
  if (!ensureBuilt()) return 1;
  const electron = await obtainElectron();
  if (!electron.exe) return fallBack(`the Electron runtime is not available (${electron.reason})`, args);
  if (!hasDisplay()) return fallBack('there is no display to open a window on (DISPLAY is not set)', args);

  const version = electronVersion();
  if (!fs.existsSync(nativeBindingPath(ROOT, version, process.platform, process.arch))) {
    console.log(`Cuecart: preparing SQLite for Electron ${version} (first run only)...`);
    try {
      ensureElectronNative();
    } catch (error) {
      return fallBack(`SQLite for Electron is not available: ${error instanceof Error ? error.message : String(error)}`, args);
    }
  } else {
    ensureElectronNative(); // refreshes the dist copy; no build
  }
  return launchElectron(electron.exe, args);
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`Cuecart: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
