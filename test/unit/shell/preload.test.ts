import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { METHOD_NAMES, type AnyEvent } from '../../../electron/contract';
import { ALLOWED_METHODS, createBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL, serverOriginArg, serverOriginFromArgv } from '../../../electron/preload/channels';
import type { CuecartBridge as RendererBridge } from '../../../renderer/src/api/transport';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, method: unknown) => ({ ok: true, output: { method } })),
    on: vi.fn((channel: string, l: Listener) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l)),
    removeListener: vi.fn((channel: string, l: Listener) => void listeners.get(channel)?.delete(l)),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer-must-not-leak' }, payload);
  };
  return { ipc, emit, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('preload bridge', () => {
  it('allow-list equals the contract METHOD_NAMES', () => {
    expect([...ALLOWED_METHODS].sort()).toEqual([...METHOD_NAMES].sort());
    expect(ALLOWED_METHODS.size).toBeGreaterThan(0);
  });

  it('has the shape the renderer expects on window.cuecart', () => {
    expectTypeOf(createBridge(fakeIpc().ipc, 'linux', '')).toExtend<RendererBridge>();
  });

  it('every contract method goes through IPC with method and input', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc, 'linux', '');
    for (const method of METHOD_NAMES) {
      await expect(bridge.call(method, { a: 1 })).resolves.toEqual({ ok: true, output: { method } });
      expect(ipc.invoke).toHaveBeenLastCalledWith(CALL_CHANNEL, method, { a: 1 });
    }
  });

  it.each(['nope', 'app.status ', '__proto__', 'constructor', 'toString', '', 'products.list\0'])(
    'refuses %j without touching IPC',
    async (method) => {
      const { ipc } = fakeIpc();
      const result = await createBridge(ipc, 'linux', '').call(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a non-string method without touching IPC', async () => {
    const { ipc } = fakeIpc();
    const result = await createBridge(ipc, 'linux', '').call(42 as unknown as string, {});
    expect(result.ok).toBe(false);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an UNAVAILABLE result instead of rejecting', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(createBridge(ipc, 'linux', '').call('app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });

  it('subscribe delivers events only (never the IPC event) and unsubscribes', () => {
    const { ipc, emit, count } = fakeIpc();
    const bridge = createBridge(ipc, 'linux', '');
    const a = vi.fn();
    const b = vi.fn();
    const offA = bridge.subscribe(a);
    const offB = bridge.subscribe(b);
    expect(count(EVENT_CHANNEL)).toBe(1); // one IPC listener fans out
    const event: AnyEvent = { topic: 'data.changed', payload: { table: 'hosts', revision: 1 } };
    emit(EVENT_CHANNEL, event);
    expect(a).toHaveBeenCalledWith(event);
    expect(a.mock.calls[0]).toHaveLength(1);
    offA();
    offA();
    emit(EVENT_CHANNEL, event);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    offB();
    expect(count(EVENT_CHANNEL)).toBe(0);
  });

  it('one throwing listener does not starve the others', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc, 'linux', '');
    const good = vi.fn();
    bridge.subscribe(() => {
      throw new Error('bad listener');
    });
    bridge.subscribe(good);
    emit(EVENT_CHANNEL, { topic: 'data.changed', payload: { table: 'shows', revision: 2 } });
    expect(good).toHaveBeenCalled();
  });
});

describe('server origin switch', () => {
  it('round-trips a plain http origin', () => {
    expect(serverOriginFromArgv(['/electron', '--type=renderer', serverOriginArg('http://127.0.0.1:5170')])).toBe(
      'http://127.0.0.1:5170',
    );
  });

  it.each([
    [[]],
    [['--cuecart-server-origin=javascript:alert(1)']],
    [['--cuecart-server-origin=http://127.0.0.1:5170/path']],
    [['--cuecart-server-origin=http://user:pw@127.0.0.1:5170']],
    [['--cuecart-server-origin=file:///etc']],
    [['--cuecart-server-origin=']],
  ])('gives "" for %j', (argv) => {
    expect(serverOriginFromArgv(argv)).toBe('');
  });
});

describe('preload entry', () => {
  const exposed = new Map<string, unknown>();

  beforeEach(() => {
    exposed.clear();
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, output: null })), on: vi.fn(), removeListener: vi.fn() },
    }));
  });

  it('exposes window.cuecart with call, subscribe, platform, serverOrigin, and nothing else', async () => {
    const argv = process.argv;
    process.argv = [...argv, serverOriginArg('http://127.0.0.1:43210')];
    try {
      await import('../../../electron/preload/index');
    } finally {
      process.argv = argv;
    }
    expect([...exposed.keys()]).toEqual(['cuecart']);
    const api = exposed.get('cuecart') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'platform', 'serverOrigin', 'subscribe']);
    expect(api.platform).toBe(process.platform);
    expect(api.serverOrigin).toBe('http://127.0.0.1:43210');
    expect(Object.values(api).some((v) => v && typeof v === 'object')).toBe(false); // no ipcRenderer
  });
});
