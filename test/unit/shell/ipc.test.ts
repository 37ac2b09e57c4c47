import { describe, expect, it, vi } from 'vitest';
import type { AnyEvent, CallResult } from '../../../electron/contract';
import type { Dispatch } from '../../../electron/core/dispatcher';
import { FORBIDDEN_SENDER, forwardEvents, registerIpc, type IpcEventLike } from '../../../electron/main/ipc';
import { isTrustedSender, type FrameLike } from '../../../electron/main/security';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/preload/channels';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;

function frame(url: string, ids = { processId: 4, routingId: 1 }, parent: unknown = null): FrameLike {
  return { url, ...ids, parent };
}

function setup() {
  const mainFrame = frame('app://cuecart/index.html');
  const webContents = { mainFrame, isDestroyed: () => false };
  const win = { isDestroyed: () => false, webContents };
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => void handlers.set(channel, fn),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const ok: CallResult = { ok: true, output: { pong: 1 } };
  const dispatch = vi.fn<Dispatch>(async () => ok);
  const refused = vi.fn();
  const off = registerIpc(ipcMain, dispatch, { getWindow: () => win, onRefused: refused });
  const call = (event: IpcEventLike, method: unknown, input: unknown) => handlers.get(CALL_CHANNEL)!(event, method, input) as Promise<CallResult>;
  return { win, webContents, mainFrame, dispatch, refused, call, handlers, off, ok };
}

describe('IPC door', () => {
  it('a trusted call from our main frame reaches dispatch with door "ipc"', async () => {
    const t = setup();
    const result = await t.call({ senderFrame: t.mainFrame, sender: t.webContents }, 'app.status', {});
    expect(result).toEqual(t.ok);
    expect(t.dispatch).toHaveBeenCalledWith('app.status', {}, { door: 'ipc' });
  });

  it('accepts a distinct WebFrameMain wrapper of the same frame', async () => {
    const t = setup();
    const sameFrame = frame('app://cuecart/index.html#/live');
    expect(await t.call({ senderFrame: sameFrame, sender: t.webContents }, 'app.status', {})).toEqual(t.ok);
  });

  it.each([
    ['no sender frame', null],
    ['a subframe (overlay preview)', frame('app://cuecart/x.html', { processId: 4, routingId: 7 }, {})],
    ['another origin in the main frame', frame('https://evil.example/')],
    ['the local server origin', frame('http://127.0.0.1:5170/')],
    ['file://', frame('file:///tmp/x.html')],
    ['another process', frame('app://cuecart/index.html', { processId: 9, routingId: 1 })],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_name, senderFrame) => {
    const t = setup();
    const result = await t.call({ senderFrame, sender: t.webContents }, 'products.delete', { id: 'p1' });
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
    expect(t.dispatch).not.toHaveBeenCalled();
    expect(t.refused).toHaveBeenCalled();
  });

  it('refuses a call from other web contents even with a look-alike frame', async () => {
    const t = setup();
    const result = await t.call({ senderFrame: t.mainFrame, sender: { other: true } }, 'app.status', {});
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(t.dispatch).not.toHaveBeenCalled();
  });

  it('refuses when the window is gone', () => {
    const t = setup();
    expect(isTrustedSender(t.mainFrame, { isDestroyed: () => true, webContents: t.webContents })).toBe(false);
    expect(isTrustedSender(t.mainFrame, null)).toBe(false);
  });

  it('never throws: a non-string method and a throwing dispatcher give results', async () => {
    const t = setup();
    const bad = await t.call({ senderFrame: t.mainFrame, sender: t.webContents }, 42, {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    t.dispatch.mockRejectedValueOnce(new Error('boom /secret/path'));
    const failed = await t.call({ senderFrame: t.mainFrame, sender: t.webContents }, 'app.status', {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(failed)).not.toContain('secret');
  });

  it('unregisters its handler', () => {
    const t = setup();
    t.off();
    expect(t.handlers.has(CALL_CHANNEL)).toBe(false);
  });
});

describe('forwardEvents', () => {
  const event: AnyEvent = { topic: 'data.changed', payload: { table: 'products', revision: 3 } };

  function target(url: string, destroyed = false) {
    const send = vi.fn();
    return { send, win: { isDestroyed: () => destroyed, webContents: { isDestroyed: () => false, getURL: () => url, send } } };
  }

  it('sends bus events to the window on our origin', () => {
    let listener: ((e: AnyEvent) => void) | undefined;
    const t = target('app://cuecart/index.html');
    const stop = forwardEvents((l) => ((listener = l), () => (listener = undefined)), () => t.win);
    listener!(event);
    expect(t.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
    stop();
    expect(listener).toBeUndefined();
  });

  it('sends nothing to a window off our origin, destroyed, or missing', () => {
    for (const t of [target('https://evil.example/'), target('app://cuecart/', true)]) {
      let listener: ((e: AnyEvent) => void) | undefined;
      forwardEvents((l) => ((listener = l), () => {}), () => t.win);
      listener!(event);
      expect(t.send).not.toHaveBeenCalled();
    }
    let listener: ((e: AnyEvent) => void) | undefined;
    forwardEvents((l) => ((listener = l), () => {}), () => null);
    expect(() => listener!(event)).not.toThrow();
  });
});
