import type { AnyEvent, CallResult } from '../contract';
import type { Dispatch } from '../core/dispatcher';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import { APP_ORIGIN, isAllowedNavigation, isTrustedSender, type FrameLike, type WindowLike } from './security';

/** The slice of `ipcMain` we use; passed in so tests can hand a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender?: unknown;
}

export interface IpcOptions {
  /** The app window (or null while there is none). */
  getWindow: () => WindowLike | null;
  appOrigin?: string;
  onRefused?: (reason: string, url: string | null) => void;
}

export const FORBIDDEN_SENDER: CallResult = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Cuecart window.' },
};

/**
 * The IPC door: one handler, one trusted-sender check in front of the dispatcher. It always
 * resolves to a `CallResult` (an exception in `invoke` would reach the renderer as an opaque
 * Error with main-process details in its message).
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, options: IpcOptions): () => void {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  ipcMain.handle(CALL_CHANNEL, async (event, method, input): Promise<CallResult> => {
    const win = options.getWindow();
    const sameContents = !event.sender || !win || event.sender === (win.webContents as unknown);
    if (!sameContents || !isTrustedSender(event.senderFrame, win, appOrigin)) {
      options.onRefused?.('untrusted sender', event.senderFrame?.url ?? null);
      return FORBIDDEN_SENDER;
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'BAD_INPUT', message: 'The method name must be a string.' } };
    }
    try {
      return await dispatch(method, input, { door: 'ipc' });
    } catch {
      // The dispatcher never throws; this is a belt for a broken composition.
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Cuecart; see the log for details.' } };
    }
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** What event forwarding needs from a window. */
export interface EventTargetWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    isDestroyed(): boolean;
    getURL(): string;
    send(channel: string, ...args: unknown[]): void;
  };
}

/**
 * Push every core event to the window, but only while it shows our app (a window that somehow
 * left the app origin gets nothing).
 */
export function forwardEvents(
  subscribe: (listener: (event: AnyEvent) => void) => () => void,
  getWindow: () => EventTargetWindow | null,
  appOrigin: string = APP_ORIGIN,
): () => void {
  return subscribe((event) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    if (!isAllowedNavigation(win.webContents.getURL(), appOrigin)) return;
    win.webContents.send(EVENT_CHANNEL, event);
  });
}
