/** Minimal structured logger; the shell and `serve` decide where lines go. Never log secrets. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const consoleLogger: Logger = {
  info: (m, f) => console.log(`[cuecart] ${m}`, f ?? ''),
  warn: (m, f) => console.warn(`[cuecart] ${m}`, f ?? ''),
  error: (m, f) => console.error(`[cuecart] ${m}`, f ?? ''),
};
