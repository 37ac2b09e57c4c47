import type { BrowserWindowConstructorOptions } from 'electron';
import { RENDERER_CSP } from '../server/static';

/**
 * The window's security rules as pure functions (no `electron` import at runtime), so they
 * are unit-tested in plain Node. window-guards.ts wires them to Electron.
 */

/** The renderer is served from `app://cuecart/` (a privileged standard + secure scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cuecart';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null. Computed by hand because WHATWG `URL.origin` is
 * "null" for schemes Node does not know (such as `app:`), while Chromium treats our registered
 * standard scheme as a real origin.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/** In-window navigation stays on our app origin; everything else is refused. */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return originOf(url) === appOrigin.toLowerCase();
}

/**
 * Whether a URL may be handed to the OS (`shell.openExternal`): plain http(s) with a host and
 * no credentials. Everything else — javascript:, file:, data:, smb:, ms-*, custom app schemes
 * — can run code or open local files, so it is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (!parsed.hostname) return false;
  return parsed.username === '' && parsed.password === '';
}

/** The parts of `WebFrameMain` the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent?: unknown;
}

/** The parts of `BrowserWindow` the sender check reads. */
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: FrameLike; isDestroyed?(): boolean };
}

/**
 * An IPC message is trusted only when it comes from the main frame of our own window while
 * that frame shows our app origin. Subframes (overlay previews), other windows and any page
 * that somehow navigated away are refused.
 */
export function isTrustedSender(
  frame: FrameLike | null | undefined,
  win: WindowLike | null | undefined,
  appOrigin: string = APP_ORIGIN,
): boolean {
  if (!frame || !win || win.isDestroyed()) return false;
  if (win.webContents.isDestroyed?.()) return false;
  const main = win.webContents.mainFrame;
  const sameFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  if (!sameFrame || (frame.parent !== null && frame.parent !== undefined)) return false;
  return isAllowedNavigation(frame.url, appOrigin);
}

/** Hardened options for the one app window. */
export function buildWindowOptions(
  preloadPath: string,
  opts: { additionalArguments?: string[]; devTools?: boolean; icon?: string } = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Cuecart',
    show: false, // shown on 'ready-to-show', so there is no white flash
    backgroundColor: '#141414',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: opts.devTools ?? false,
      additionalArguments: opts.additionalArguments ?? [],
    },
  };
}

/** Directives that may also load from the local server (media images, overlay previews, API). */
const SERVER_DIRECTIVES = ['img-src', 'connect-src', 'frame-src'];

/**
 * The desktop window's CSP: the browser door's policy (RENDERER_CSP), plus the local server's
 * origin where the UI loads media and overlay previews from it. `script-src` stays `'self'`.
 */
export function buildCsp(serverOrigin: string | null, base: string = RENDERER_CSP): string {
  const origin = serverOrigin ? originOf(serverOrigin) : null;
  if (serverOrigin && (!origin || !/^https?:\/\//.test(origin))) {
    throw new Error(`Not an http(s) origin: ${serverOrigin}`);
  }
  return base
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((directive) => {
      const name = directive.split(/\s+/)[0]!;
      return origin && SERVER_DIRECTIVES.includes(name) ? `${directive} ${origin}` : directive;
    })
    .join('; ');
}
