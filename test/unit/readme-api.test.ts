import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithTable } from '../../scripts/api-docs';
import { ROOT } from '../helpers/serve';

describe('README', () => {
  it('documents every control-API route of the contract and every limit the doors enforce (run `npm run docs:api` to refresh)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- api-routes:start -->');
    expect(readme).toContain('<!-- limits:start -->');
    expect(readme).toBe(readmeWithTable(readme));
  });
});
