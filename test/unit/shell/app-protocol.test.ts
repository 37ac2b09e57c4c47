import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveRendererFile } from '../../../electron/main/app-protocol';
import { buildCsp } from '../../../electron/main/security';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-proto-'));
fs.mkdirSync(path.join(dir, 'assets'));
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Cuecart</title>');
fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(os.tmpdir(), 'cuecart-secret.txt'), 'secret');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered standard + secure', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('maps URLs to files under the renderer folder only', () => {
    expect(resolveRendererFile(dir, 'app://cuecart/')).toBe(path.join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://cuecart/live')).toBe(path.join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://cuecart/assets/app.js')).toBe(path.join(dir, 'assets', 'app.js'));
    expect(resolveRendererFile(dir, 'app://other/index.html')).toBeNull();
    // Dot segments (even percent-encoded) never leave the folder.
    const inside = (file: string | null) => file === null || file.startsWith(dir + path.sep);
    for (const url of [
      'app://cuecart/../cuecart-secret.txt',
      'app://cuecart/%2e%2e/cuecart-secret.txt',
      'app://cuecart/..%2fcuecart-secret.txt',
      'app://cuecart/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://cuecart/assets%5c..%5c..%5cx.txt',
    ]) {
      expect(inside(resolveRendererFile(dir, url)), url).toBe(true);
    }
    expect(resolveRendererFile(dir, 'app://cuecart/..%2fcuecart-secret.txt')).toBeNull();
    expect(resolveRendererFile(dir, 'app://cuecart/assets%5c..%5c..%5cx.txt')).toBeNull();
    expect(resolveRendererFile(dir, 'app://cuecart/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(dir, 'https://cuecart/index.html')).toBeNull();
  });

  it('serves HTML with the CSP header, assets with their type, and 404 otherwise', async () => {
    const csp = buildCsp('http://127.0.0.1:5170');
    const handle = createAppProtocolHandler({ rendererDir: dir, csp });
    const html = await handle(new Request('app://cuecart/index.html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe(csp);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('Cuecart');
    const js = await handle(new Request('app://cuecart/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect((await handle(new Request('app://cuecart/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://cuecart/%2e%2e/cuecart-secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://cuecart/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
