import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { build as viteBuild, type Plugin } from 'vite';

/**
 * The overlay pages (OBS browser sources, no React) are their own small build in out/overlays,
 * run after the renderer's so the renderer build stays as it is. Chrome 95 is the oldest
 * browser source we support (OBS 28's CEF).
 */
function overlayPages(): Plugin {
  return {
    name: 'cuecart-overlay-pages',
    apply: 'build',
    async closeBundle() {
      await viteBuild({
        configFile: false,
        root: resolve(__dirname, 'renderer/overlays'),
        base: '/overlays/',
        logLevel: 'warn',
        build: {
          outDir: resolve(__dirname, 'out/overlays'),
          emptyOutDir: true,
          target: 'chrome95',
          modulePreload: false,
          rollupOptions: { input: resolve(__dirname, 'renderer/overlays/overlay.html') },
        },
      });
    },
  };
}

// One build for the three runtimes: main (Electron main process, plus the `serve` entry that
// runs the same core and server in plain Node), preload (sandboxed, so CommonJS with zod
// bundled in) and the renderer (React).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // `dependencies` stay imports of node_modules (electron-vite's default); so must these dev
      // dependencies that `serve` loads at run time: playwright-core finds its own package.json
      // and browser protocol files beside itself, and bundled into out/main/chunks it cannot
      // (cue-card PDFs from `npm run serve` answered 503 no_driver). The desktop app prints with
      // Electron instead and never loads it.
      externalizeDeps: { include: ['playwright-core'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          serve: resolve(__dirname, 'electron/server/cli.ts'),
          // The spreadsheet reader's worker thread (found next to the bundle at run time).
          'spreadsheet-worker': resolve(__dirname, 'electron/core/spreadsheet/worker.ts'),
          // The catalog import's own thread: reads, checks and prepares the writes of a big file.
          'import-worker': resolve(__dirname, 'electron/core/products/import/import-worker.ts'),
          // The recap export thread (charts to SVG, the HTML report, workbooks).
          'recap-worker': resolve(__dirname, 'electron/core/recaps/export/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), overlayPages()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      // The app, and the host prompter as its own light page (/prompter).
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html'), prompter: resolve(__dirname, 'renderer/prompter.html') } },
    },
  },
});
