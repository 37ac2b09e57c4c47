import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths';
import { DEFAULT_PORT } from './index';

export interface ServeArgs {
  host: string;
  port: number;
  dataDir: string;
  demo: boolean;
  help: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

  --port <n>        port (default ${DEFAULT_PORT}; env CUECART_PORT; 0 picks a free one)
  --host <addr>     bind address (default 127.0.0.1; env CUECART_HOST)
  --lan             listen on the local network (same as --host 0.0.0.0)
  --data-dir <dir>  data folder (env CUECART_DATA_DIR; default: the desktop app's folder)
  --demo            load the bilingual demo workspace at start
  --help            this text`;

/** Flags win over environment variables, which win over defaults. Throws a readable Error. */
export function parseServeArgs(argv: string[], rawEnv: NodeJS.ProcessEnv = process.env): ServeArgs {
  // An empty variable means unset.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      lan: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const portText = values.port ?? env.CUECART_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535 (got "${portText}")`);
  }
  const host = values.lan ? '0.0.0.0' : (values.host ?? env.CUECART_HOST ?? '127.0.0.1');
  return {
    host,
    port,
    dataDir: values['data-dir'] ?? env.CUECART_DATA_DIR ?? defaultDataDir(),
    demo: values.demo || env.CUECART_DEMO === '1',
    help: values.help,
  };
}
