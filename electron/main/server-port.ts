/**
 * Start the local server on the preferred port (5170, so OBS browser sources and Companion
 * buttons keep their URLs), or on a free port when another program holds it.
 */
export async function startOnPreferredPort<T>(
  start: (port: number) => Promise<T>,
  preferred: number,
  onFallback?: (error: NodeJS.ErrnoException) => void,
): Promise<T> {
  try {
    return await start(preferred);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (preferred === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw error;
    onFallback?.(error as NodeJS.ErrnoException);
    return start(0);
  }
}

/** The http origin the window uses for media and overlay URLs. */
export function serverOriginFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
