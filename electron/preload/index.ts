import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { serverOriginFromArgv } from './channels';

/**
 * Sandboxed preload (bundled to CommonJS, zod included): exposes `window.cuecart` and nothing
 * else — never ipcRenderer itself. The server origin arrives as a command-line switch from main
 * (see channels.ts): available synchronously before any page script runs, and no extra IPC
 * channel that page code could poke.
 */
contextBridge.exposeInMainWorld(
  'cuecart',
  createBridge(ipcRenderer, process.platform, serverOriginFromArgv(process.argv)),
);
