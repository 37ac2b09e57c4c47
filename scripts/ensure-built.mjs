#!/usr/bin/env node
/**
 * Build `out/` with electron-vite only when needed: when an output is missing, or older than any
 * source under electron/, renderer/, db/ (or the build config). `--force` always builds.
 * Prints one line; on a failed build, the build's own output, then one line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['electron', 'renderer', 'db'];
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json'];
export const OUTPUTS = ['out/main/index.js', 'out/main/serve.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SKIP = new Set(['node_modules', '.cache', 'out', 'dist']);

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (SKIP.has(name) || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** Why a build is needed ('missing' | 'stale'), or null when out/ is up to date. */
export function buildReason(root = ROOT) {
  let oldestOutput = Infinity;
  for (const rel of OUTPUTS) {
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) return 'missing';
    oldestOutput = Math.min(oldestOutput, fs.statSync(file).mtimeMs);
  }
  const newestSource = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p))));
  return newestSource > oldestOutput ? 'stale' : null;
}

function electronViteBin(root) {
  const dir = path.join(root, 'node_modules', 'electron-vite');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(dir, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['electron-vite']);
}

/** Build when needed; returns true when out/ is usable. Never throws for a failed build. */
export function ensureBuilt({ root = ROOT, force = false } = {}) {
  const reason = force ? 'forced' : buildReason(root);
  if (!reason) {
    console.log('Cuecart: build is up to date (out/).');
    return true;
  }
  const why = { missing: 'no build yet', stale: 'sources changed', forced: '--force' }[reason];
  process.stdout.write(`Cuecart: building the app (${why})... `);
  const started = Date.now();
  const result = spawnSync(process.execPath, [electronViteBin(root), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) {
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return true;
  }
  console.log('failed.');
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}\n`);
  console.error('Cuecart: the build failed (electron-vite output above).');
  return false;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = ensureBuilt({ force: process.argv.includes('--force') }) ? 0 : 1;
}
