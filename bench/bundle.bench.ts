import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'out', 'renderer');

const gz = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

/** JavaScript the renderer loads before first paint: index.html's module script and preloads. */
export function initialJsFiles(): string[] {
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(refs)].map((r) => path.join(OUT, r.replace(/^\.?\//, '')));
}

export function benchBundle(): Row[] {
  const initial = initialJsFiles().reduce((sum, f) => sum + gz(f), 0);
  // Baseline: React + ReactDOM themselves, production builds, gzipped the same way.
  const reactFiles = [
    path.join(ROOT, 'node_modules/react/cjs/react.production.js'),
    path.join(ROOT, 'node_modules/react-dom/cjs/react-dom-client.production.js'),
  ].filter((f) => fs.existsSync(f));
  const react = reactFiles.reduce((sum, f) => sum + gz(f), 0);
  return [
    {
      figure: 'renderer initial JS (gzip)',
      value: initial,
      unit: 'KB',
      baseline: 'react + react-dom alone (gzip)',
      baselineValue: react,
      target: '< 600 KB',
      pass: initial < 600,
    },
  ];
}
