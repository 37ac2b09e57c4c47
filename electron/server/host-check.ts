import os from 'node:os';

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || host.startsWith('127.');
}

/**
 * The `Host` header values we answer to. Anything else is refused, which defeats DNS rebinding:
 * a page on evil.example that resolves to 127.0.0.1 still sends `Host: evil.example`.
 */
export function allowedHostnames(lan: boolean): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
  if (lan) {
    const host = os.hostname().toLowerCase();
    names.add(host);
    names.add(`${host}.local`);
    for (const list of Object.values(os.networkInterfaces())) {
      for (const addr of list ?? []) {
        names.add(addr.family === 'IPv6' ? `[${addr.address}]` : addr.address);
      }
    }
  }
  return names;
}

/** True when a `Host` header names us on our port. */
export function hostHeaderAllowed(header: string | undefined, allowed: Set<string>, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  if (portText !== undefined && Number(portText) !== port) return false;
  if (portText === undefined && port !== 80) return false;
  return allowed.has(name!);
}

/** Browsers send Origin on WebSocket upgrades: it must be one of our own addresses. */
export function originAllowed(origin: string | undefined, allowed: Set<string>, port: number): boolean {
  if (origin === undefined) return true; // not a browser (Stream Deck, scripts): the token decides
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && hostHeaderAllowed(url.host, allowed, port);
  } catch {
    return false;
  }
}
