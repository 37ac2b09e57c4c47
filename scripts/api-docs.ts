// Writes the control-API route table and the limits table into README.md between their markers,
// from the contract and the limits the doors enforce (npm run docs:api).
// test/unit/readme-api.test.ts fails when the README is stale.
import fs from 'node:fs';
import path from 'node:path';
import { restRoutes } from '../electron/server/rest-routes';
import { extraRouteDocs } from '../electron/server/route-docs';
import { limitsTable } from '../electron/server/limit-docs';

export function apiTable(): string {
  const rows = [
    ...restRoutes().map((r) => ({ verb: r.verb, path: r.path, write: r.write, summary: r.summary })),
    ...extraRouteDocs,
  ].sort((a, b) => a.path.localeCompare(b.path) || a.verb.localeCompare(b.verb));
  const lines = ['| method | path | what it does |', '| --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.verb} | \`/api/v1${r.path}\` | ${r.summary} |`);
  return lines.join('\n');
}

export function readmeWithTable(readme: string): string {
  return readme
    .replace(/<!-- api-routes:start -->[\s\S]*<!-- api-routes:end -->/, `<!-- api-routes:start -->\n${apiTable()}\n<!-- api-routes:end -->`)
    .replace(/<!-- limits:start -->[\s\S]*<!-- limits:end -->/, `<!-- limits:start -->\n${limitsTable()}\n<!-- limits:end -->`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = path.join(import.meta.dirname, '..', 'README.md');
  fs.writeFileSync(file, readmeWithTable(fs.readFileSync(file, 'utf8')));
  console.log('README.md: control API and limits tables updated');
}
