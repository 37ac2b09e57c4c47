import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/server/cli-args';

describe('serve flags and environment', () => {
  it('defaults to 127.0.0.1:5170', () => {
    const a = parseServeArgs([], {});
    expect(a).toMatchObject({ host: '127.0.0.1', port: 5170, demo: false });
  });

  it('lets flags win over environment variables, and treats empty variables as unset', () => {
    const env = { CUECART_PORT: '6000', CUECART_HOST: '', CUECART_DATA_DIR: '/data/env' };
    expect(parseServeArgs([], env)).toMatchObject({ port: 6000, host: '127.0.0.1', dataDir: '/data/env' });
    expect(parseServeArgs(['--port', '7000', '--data-dir', '/x'], env)).toMatchObject({ port: 7000, dataDir: '/x' });
  });

  it('only listens on the LAN when asked', () => {
    expect(parseServeArgs(['--lan'], {}).host).toBe('0.0.0.0');
    expect(parseServeArgs(['--host', '192.168.1.5'], {}).host).toBe('192.168.1.5');
  });

  it('explains bad flags', () => {
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/--port must be a number/);
    expect(() => parseServeArgs(['--bogus'], {})).toThrow(/bogus/);
  });
});
