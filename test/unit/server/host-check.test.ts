import { describe, expect, it } from 'vitest';
import { allowedHostnames, hostHeaderAllowed, originAllowed } from '../../../electron/server/host-check';
import { bearerToken, tokenMatches } from '../../../electron/server/token';

describe('Host and Origin checks (DNS rebinding)', () => {
  const local = allowedHostnames(false);

  it('accepts loopback names on our port only', () => {
    expect(hostHeaderAllowed('127.0.0.1:5170', local, 5170)).toBe(true);
    expect(hostHeaderAllowed('localhost:5170', local, 5170)).toBe(true);
    expect(hostHeaderAllowed('[::1]:5170', local, 5170)).toBe(true);
    expect(hostHeaderAllowed('127.0.0.1:5171', local, 5170)).toBe(false);
    expect(hostHeaderAllowed('127.0.0.1', local, 5170)).toBe(false);
  });

  it('refuses foreign, missing and malformed Host headers', () => {
    expect(hostHeaderAllowed('evil.example:5170', local, 5170)).toBe(false);
    expect(hostHeaderAllowed(undefined, local, 5170)).toBe(false);
    expect(hostHeaderAllowed('127.0.0.1:5170@evil', local, 5170)).toBe(false);
  });

  it('only adds this machine’s own addresses in LAN mode', () => {
    const lan = allowedHostnames(true);
    expect(lan.size).toBeGreaterThan(local.size);
    expect(lan.has('evil.example')).toBe(false);
  });

  it('accepts WebSocket origins that are our own pages or non-browser clients', () => {
    expect(originAllowed(undefined, local, 5170)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5170', local, 5170)).toBe(true);
    expect(originAllowed('http://evil.example', local, 5170)).toBe(false);
    expect(originAllowed('null', local, 5170)).toBe(false);
    expect(originAllowed('file://', local, 5170)).toBe(false);
  });

  it('compares bearer tokens exactly', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'ab')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
  });
});
