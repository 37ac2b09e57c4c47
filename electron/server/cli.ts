import path from 'node:path';
import { createCore } from '../core';
import { consoleLogger } from '../core/log';
import { findAppRoot } from '../core/paths';
import { parseServeArgs, SERVE_USAGE } from './cli-args';
import { startServer } from './index';
import { loopStatsOnSignal } from './loop-stats';
import { loadOrCreateToken, VIEWER_TOKEN_FILE } from './token';

/** `npm run serve`: the core and the server without Electron (tests, LAN tablets, studio boxes). */
async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`cuecart: ${(error as Error).message}\n\n${SERVE_USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(SERVE_USAGE);
    return;
  }
  loopStatsOnSignal();
  const root = findAppRoot();
  const dataDir = path.resolve(args.dataDir);
  const viewerToken = loadOrCreateToken(dataDir, VIEWER_TOKEN_FILE);
  const core = createCore({ dataDir, log: consoleLogger, viewerToken });
  if (args.demo) {
    const result = await core.dispatch('demo.load', {}, { door: 'internal' });
    if (!result.ok) throw new Error(`demo workspace: ${result.error.message}`);
  }
  const token = loadOrCreateToken(core.dataDir);
  const server = await startServer({
    core,
    token,
    viewerToken,
    host: args.host,
    port: args.port,
    rendererDir: path.join(root, 'out', 'renderer'),
    log: consoleLogger,
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      throw new Error(`port ${args.port} is already in use (is Cuecart already running?). Try --port 0 or --port <n>.`);
    }
    throw error;
  });

  const lines = [
    `Cuecart ${core.appVersion} is ready.`,
    `  Open:  ${server.url}?token=${token}`,
    `  Token: ${token}`,
    `  Prompter (read-only): ${server.url}prompter?token=${viewerToken}`,
    `  API:   ${server.url}api/v1/status  (Authorization: Bearer <token>)`,
    `  Data:  ${core.dataDir}`,
  ];
  if (server.lan) lines.push('  LAN:   listening on the local network; share the token only with your team.');
  console.log(lines.join('\n'));

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`cuecart: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
