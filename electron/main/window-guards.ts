import type { App, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../core/log';
import { APP_ORIGIN, isAllowedNavigation, isSafeExternalUrl } from './security';

/**
 * Guards applied to every web contents the app ever creates (the window, and anything a bug
 * might spawn): no navigation off our origin, no new windows (http(s) links go to the user's
 * browser instead), no <webview>.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  shell: Pick<Shell, 'openExternal'>,
  log: Logger,
  appOrigin: string = APP_ORIGIN,
): void {
  const refuseOffOrigin = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url, appOrigin)) return;
    event.preventDefault();
    log.warn('navigation refused', { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', refuseOffOrigin);
  contents.on('will-redirect', refuseOffOrigin);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log.warn('openExternal failed', { error: String(error) }));
    } else {
      log.warn('window.open refused', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
}

export function guardAllWebContents(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell, log));
}

/**
 * Cuecart needs no camera, microphone, notifications, geolocation, MIDI, HID or serial access:
 * every permission request and check is refused.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission refused', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
