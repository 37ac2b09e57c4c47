/**
 * The wire names shared by the preload and the main process. Pure constants and string
 * helpers: no Node or Electron imports, so both the sandboxed preload and main can use them.
 */

/** Renderer → main: `invoke(CALL_CHANNEL, method, input)` resolves to a `CallResult`. */
export const CALL_CHANNEL = 'cuecart:call';
/** Main → renderer: every core event, as an `AnyEvent`. */
export const EVENT_CHANNEL = 'cuecart:event';

/**
 * The local server's http origin reaches the preload as a command-line switch on the renderer
 * process (`webPreferences.additionalArguments`), read synchronously from `process.argv`.
 */
export const SERVER_ORIGIN_SWITCH = '--cuecart-server-origin=';

export function serverOriginArg(origin: string): string {
  return `${SERVER_ORIGIN_SWITCH}${origin}`;
}

/**
 * The origin given by main, or '' when absent or not a plain loopback/LAN http(s) origin.
 * Only `scheme://host[:port]` is accepted: no path, credentials, query or fragment.
 */
export function serverOriginFromArgv(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith(SERVER_ORIGIN_SWITCH));
  if (!arg) return '';
  const value = arg.slice(SERVER_ORIGIN_SWITCH.length);
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return url.origin === value ? value : '';
  } catch {
    return '';
  }
}
