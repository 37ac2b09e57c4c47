import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_URL,
  buildCsp,
  buildWindowOptions,
  isAllowedNavigation,
  isSafeExternalUrl,
  originOf,
} from '../../../electron/main/security';
import { RENDERER_CSP } from '../../../electron/server/static';

describe('buildWindowOptions', () => {
  it('is hardened', () => {
    const opts = buildWindowOptions('/app/out/preload/index.cjs', { additionalArguments: ['--x=1'] });
    expect(opts.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
      additionalArguments: ['--x=1'],
    });
    expect(opts.show).toBe(false);
  });

  it('enables DevTools only when asked (development)', () => {
    expect(buildWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('isAllowedNavigation', () => {
  it('allows our app origin only', () => {
    expect(isAllowedNavigation(APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/#/live`)).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5170/',
      'app://other/index.html',
      'app://cuecart.evil/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('computes origins for custom schemes (WHATWG gives "null")', () => {
    expect(new URL(APP_URL).origin).toBe('null');
    expect(originOf(APP_URL)).toBe('app://cuecart');
    expect(originOf('http://127.0.0.1:5170/x?y')).toBe('http://127.0.0.1:5170');
  });
});

describe('isSafeExternalUrl', () => {
  it('passes http and https only', () => {
    expect(isSafeExternalUrl('https://docs.obsproject.com/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b=c')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'file:///etc/passwd',
      'app://cuecart/index.html',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/x',
      'data:text/html,hi',
      'mailto:a@b.c',
      'https://user:pass@example.com/',
      'https://',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('buildCsp', () => {
  const csp = buildCsp('http://127.0.0.1:5170');
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('keeps script-src to self only, with no unsafe-eval anywhere', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('wasm-unsafe-eval');
  });

  it('adds the local server to img-src, connect-src and frame-src only', () => {
    expect(directive('img-src')).toContain('http://127.0.0.1:5170');
    expect(directive('connect-src')).toContain('http://127.0.0.1:5170');
    expect(directive('frame-src')).toContain('http://127.0.0.1:5170');
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(csp.match(/127\.0\.0\.1/g)).toHaveLength(3);
  });

  it('is the browser policy when there is no server, and refuses non-http origins', () => {
    expect(buildCsp(null)).toBe(RENDERER_CSP);
    expect(() => buildCsp("http://x; script-src 'unsafe-eval'")).toThrow();
    expect(() => buildCsp('javascript:alert(1)')).toThrow();
  });
});
