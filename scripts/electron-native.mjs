#!/usr/bin/env node
/**
 * One install, two runtimes for better-sqlite3.
 *
 * `node_modules/better-sqlite3` stays built for Node: vitest, `npm run serve` and the benches
 * load it as usual. Electron has a different native ABI (NODE_MODULE_VERSION), so the desktop
 * app loads its own copy of the addon instead, through better-sqlite3's `nativeBinding` option:
 *
 *   .cache/electron-native/<electron version>-<platform>-<arch>/better_sqlite3.node
 *
 * This script makes that file WITHOUT touching node_modules: it copies the better-sqlite3
 * package (sources, no build/) to a temp dir, runs its own `prebuild-install --runtime=electron
 * --target=<version> --arch=<arch>` there (a prebuilt binary from the better-sqlite3 release),
 * and if that fails, `node-gyp rebuild --runtime=electron --target=<version>
 * --dist-url=https://electronjs.org/headers` (needs Python and a C++ toolchain). It does nothing
 * when the file exists (idempotent; `--force` rebuilds). It also refreshes a copy at
 * `.cache/electron-native/dist-<platform>-<arch>/better_sqlite3.node`, which electron-builder
 * ships as `resources/native/better_sqlite3.node` (electron-builder.yml).
 * Why not `electron-rebuild` / `install-app-deps`: they rebuild node_modules in place, which
 * breaks vitest under Node (vitest #6286), and can silently produce nothing.
 *
 * Usage: node scripts/electron-native.mjs [--force] [--arch <arch>] [--platform <platform>] [--verbose]
 * Exit code 0 when the binding is there, 1 (with one line on stderr) when it could not be made;
 * the download/compiler output is shown only with --verbose.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADERS_URL = 'https://electronjs.org/headers';
const STEP_TIMEOUT_MS = 10 * 60_000;

export function electronVersion(root = ROOT) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Same layout as `resolveShellPaths` in electron/main/paths.ts (a unit test checks both). */
export function nativeBindingPath(root, version, platform, arch) {
  return path.join(root, '.cache', 'electron-native', `${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

export function distBindingPath(root, platform, arch) {
  return path.join(root, '.cache', 'electron-native', `dist-${platform}-${arch}`, 'better_sqlite3.node');
}

/** A copy of the package to build in: sources only, never the Node-ABI build/. */
function stagePackage(root) {
  const src = path.join(root, 'node_modules', 'better-sqlite3');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-sqlite-'));
  for (const entry of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
    const from = path.join(src, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true });
  }
  return dir;
}

function run(command, args, cwd, verbose) {
  // Drop npm's own config from the environment (npm_config_build_from_source, target...), so
  // only our flags decide what is built.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
  const result = spawnSync(command, args, { cwd, env, stdio: verbose ? 'inherit' : 'ignore', timeout: STEP_TIMEOUT_MS });
  return result.status === 0;
}

function resolveBin(root, pkg, bin) {
  const dir = path.join(root, 'node_modules', pkg);
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const rel = typeof json.bin === 'string' ? json.bin : json.bin?.[bin];
  return rel ? path.join(dir, rel) : null;
}

/** Ensure the Electron-ABI binding exists; returns its path, or throws an Error with one line. */
export function ensureElectronNative({ root = ROOT, force = false, arch = process.arch, platform = process.platform, verbose = false } = {}) {
  const version = electronVersion(root);
  const target = nativeBindingPath(root, version, platform, arch);
  if (force || !fs.existsSync(target)) {
    const dir = stagePackage(root);
    try {
      const built = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
      const prebuild = resolveBin(root, 'prebuild-install', 'prebuild-install');
      const common = ['--runtime=electron', `--target=${version}`, `--arch=${arch}`];
      let ok = prebuild !== null && run(process.execPath, [prebuild, ...common, `--platform=${platform}`], dir, verbose) && fs.existsSync(built);
      if (!ok) {
        const gyp = resolveBin(root, 'node-gyp', 'node-gyp');
        ok = gyp !== null && run(process.execPath, [gyp, 'rebuild', '--release', ...common, `--dist-url=${HEADERS_URL}`], dir, verbose) && fs.existsSync(built);
      }
      if (!ok) {
        throw new Error(
          `no prebuilt better-sqlite3 for Electron ${version} (${platform}-${arch}) could be downloaded, and building it from source failed; \`node scripts/electron-native.mjs --verbose\` shows why`,
        );
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(built, `${target}.tmp`);
      fs.renameSync(`${target}.tmp`, target); // never leave a half-written binding behind
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const dist = distBindingPath(root, platform, arch);
  fs.mkdirSync(path.dirname(dist), { recursive: true });
  fs.copyFileSync(target, dist);
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      arch: { type: 'string' },
      platform: { type: 'string' },
    },
  });
  try {
    const file = ensureElectronNative({
      force: values.force,
      verbose: values.verbose,
      arch: values.arch ?? process.arch,
      platform: values.platform ?? process.platform,
    });
    if (!values.quiet) console.log(`Cuecart: Electron SQLite binding ready: ${path.relative(ROOT, file)}`);
  } catch (error) {
    console.error(`Cuecart: ${error instanceof Error ? error.message : String(error)}.`);
    process.exit(1);
  }
}
