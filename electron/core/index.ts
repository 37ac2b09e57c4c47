import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus } from '../contract';
import { openDatabase, openLiveDatabase, type OpenedDatabase } from '../../db/open';
import { appRouter } from './app/app.router';
import { securePrivateDir } from './data-dir';
import { systemClock, type Clock } from './clock';
import { loadDemo } from './demo/demo.service';
import { loadDemoRecaps } from './demo/demo-recaps';
import { createDispatcher, type Dispatch } from './dispatcher';
import { WriteGate } from './write-gate';
import { EventBus } from './events';
import type { Handlers } from './handlers';
import { HostsService } from './hosts/hosts.service';
import { LiveSettingsStore } from './live/live-settings';
import { liveRouter } from './live/live.router';
import { LiveService, type Timers } from './live/live.service';
import { PreviewThemeStore } from './live/preview-theme.store';
import { RunLogDao } from './live/run-log.dao';
import { WalSyncer } from './live/wal-sync';
import { hostsRouter } from './hosts/hosts.router';
import { silentLogger, type Logger } from './log';
import { MediaStore } from './media/media.store';
import { mediaRouter } from './media/media.router';
import { createObsBridge, type ObsBridgeOptions } from './obs';
import { NativeOverlaySync } from './obs/native-sync';
import { obsRouter } from './obs/obs.router';
import { OverlayInstaller } from './obs/overlay-install';
import { obsSetupRouter } from './obs/setup.router';
import { ObsService } from './obs/obs.service';
import { FileLayerStore } from './overlays/layer-store';
import { OverlayService } from './overlays/overlays.service';
import { overlaysRouter } from './overlays/overlays.router';
import { SettingsThemeStore } from './overlays/theme.store';
import { findAppRoot } from './paths';
import { plansRouter } from './plans/plans.router';
import { htmlToPdf } from './plans/runsheet/pdf';
import { RunsheetService, type PrintPdf } from './plans/runsheet/runsheet.service';
import { FileSecretStore, type SecretStore } from './secrets';
import { SettingsStore } from './settings.store';
import { ProductLookup } from './products/product-lookup';
import { ProductsService } from './products/products.service';
import type { CatalogSearch } from './products/search/catalog-search';
import { ImportService } from './products/import/import.service';
import { catalogIoRouter, productsRouter } from './products/products.router';
import { ShowsService } from './shows/shows.service';
import { RecapExportService } from './recaps/export/export.service';
import { ExportThread } from './recaps/export/export-thread';
import { RecapImportService } from './recaps/import/import.service';
import { RecapsDao } from './recaps/recaps.dao';
import { recapsRouter } from './recaps/recaps.router';
import { planCuesOf, RecapsService } from './recaps/recaps.service';
import { RunDigests } from './recaps/run-digest';
import { RunReads } from './recaps/run-reads';
import { warmUp } from './warm-up';
import { showsRouter } from './shows/shows.router';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  appVersion?: string;
  /** Defaults to `<app root>/db/migrations`; the packaged app passes its resources path. */
  migrationsFolder?: string;
  /** Defaults to `<app root>/resources`. */
  resourcesDir?: string;
  /** Electron-ABI better_sqlite3.node, passed by the desktop shell. */
  nativeBinding?: string;
  validateOutput?: boolean;
  /** Where the OBS password is kept; the desktop shell passes an OS-encrypted store. */
  secrets?: SecretStore;
  /** HTML to PDF (cue cards): the desktop shell passes Electron's printToPDF; otherwise a system Chromium is used. */
  printPdf?: PrintPdf;
  /** Smallest import file written by a worker thread (tests lower it to exercise that path). */
  importWorkerMinBytes?: number;
  /** Where an import runs (ImportServiceDeps.importThread): tests pick one to compare the two. */
  importThread?: 'auto' | 'thread' | 'app';
  /**
   * When the one-off warm-up (warm-up.ts) runs after start, in ms (default 2000); null: never.
   * Tests that measure the app thread's own CPU turn it off so it cannot land in their window.
   */
  warmUpAfterMs?: number | null;
  /** OBS timeouts and backoff (tests shorten them). */
  obs?: ObsBridgeOptions['connection'];
  /** Timers of the show runner's auto-follow (tests drive them by hand). */
  timers?: Timers;
  /** The read-only token (the server's); operators read it to open the host prompter. */
  viewerToken?: string;
}

export interface Core {
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly appVersion: string;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly media: MediaStore;
  /** Live overlay state; the server's read-only overlay channel reads snapshots from it. */
  readonly overlays: OverlayService;
  readonly database: OpenedDatabase;
  /** The catalog search index (built lazily; benchmarks and diagnostics look at it). */
  readonly catalogSearch: CatalogSearch;
  readonly obs: ObsService;
  /** The show runner: the server's prompter/preview channels and seats use it. */
  readonly live: LiveService;
  /** The server tells the core where overlay pages are served, for OBS browser sources. */
  setServerOrigin(origin: string): void;
  /** The one entry for every door. */
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}

/** Composition root: builds the brain from a data directory and a clock. No Electron here. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const root = options.migrationsFolder && options.resourcesDir ? '' : findAppRoot();
  const migrationsFolder = options.migrationsFolder ?? path.join(root, 'db', 'migrations');
  const resourcesDir = options.resourcesDir ?? path.join(root, 'resources');
  const appVersion = options.appVersion ?? readVersion(root);
  securePrivateDir(options.dataDir);

  const database = openDatabase(path.join(options.dataDir, 'cuecart.db'), {
    migrationsFolder,
    nativeBinding: options.nativeBinding,
    now: () => clock.now(),
  });
  // Again now that the database, its -wal and -shm and any backup exist (a new file is 0644).
  securePrivateDir(options.dataDir);
  if (database.backupPath) log.info('database migrated', { backup: database.backupPath });
  const { db } = database;
  const bus = new EventBus();
  const settingsStore = new SettingsStore(db, clock);
  const media = new MediaStore(options.dataDir, db, clock);
  const products = new ProductsService(db, database.sqlite, clock, bus, media);
  // SKUs from before sku_key existed get their key; old look-alikes are kept and reported.
  const lookAlikes = products.skuKeys.fill();
  if (lookAlikes.length > 0) log.warn('products whose SKUs look alike (kept; a new look-alike is refused)', { lookAlikes });
  const gate = new WriteGate();
  const importer = new ImportService({
    sqlite: database.sqlite,
    clock,
    bus,
    media,
    products,
    settings: settingsStore,
    gate,
    nativeBinding: options.nativeBinding,
    workerMinBytes: options.importWorkerMinBytes,
    importThread: options.importThread,
  });
  // A big catalog gets its search index built in the background now, not on the first keystroke.
  if (products.dao.count() >= 5000) products.search.warm();
  const hosts = new HostsService(db, clock, bus, media);
  const shows = new ShowsService(db, clock, bus, hosts.dao, products.dao);
  const productLookup = new ProductLookup((id) => products.dao.get(id), bus);
  const overlayDeps = {
    clock,
    bus,
    product: (id: string) => productLookup.get(id),
    host: (id: string) => hosts.list().find((h) => h.id === id) ?? null,
    mediaExists: (hash: string) => media.exists(hash),
    showExists: (id: string) => shows.dao.get(id) !== null,
    onPersistError: (error: unknown) => log.warn('overlay layers not saved', { error: String(error) }),
  };
  const themeStore = new SettingsThemeStore(settingsStore);
  const overlays = new OverlayService({
    ...overlayDeps,
    themes: themeStore,
    layers: new FileLayerStore(path.join(options.dataDir, 'live-overlays.json')),
  });
  const bridge = createObsBridge({
    clock,
    connection: options.obs,
    log: (level, message, data) => (level === 'debug' ? undefined : log[level](`obs: ${message}`, data)),
  });
  const obs = new ObsService(
    bridge,
    settingsStore,
    options.secrets ?? new FileSecretStore(options.dataDir),
    bus,
  );
  const nativeSync = new NativeOverlaySync({ bridge, overlays, settings: settingsStore, media, clock, bus });
  let serverOrigin: string | null = null;
  const installer = new OverlayInstaller(bridge, nativeSync, () => serverOrigin);
  // The show runner keeps its runs and the as-run log in live.db: a catalog import holding
  // cuecart.db's write lock can never delay a Go.
  const liveDatabase = openLiveDatabase(path.join(options.dataDir, 'live.db'), {
    migrationsFolder: path.join(path.dirname(migrationsFolder), 'live-migrations'),
    nativeBinding: options.nativeBinding,
    now: () => clock.now(),
  });
  const walSync = new WalSyncer(path.join(options.dataDir, 'live.db-wal'), 1000, (error) => log.warn('as-run log sync failed', { error: String(error) }));
  securePrivateDir(options.dataDir); // live.db, its -wal and -shm are new files too
  const runLog = new RunLogDao(liveDatabase.sqlite, () => walSync.noteWrite());
  const liveSettings = new LiveSettingsStore(settingsStore, (next) => bus.emit('live.settings', next));
  const live = new LiveService({
    clock,
    bus,
    log,
    dao: runLog,
    shows,
    product: (id) => productLookup.get(id),
    overlays,
    // A rehearsal's overlays drive only the preview channel; kept in their own file across a crash.
    createPreview: () =>
      new OverlayService({
        ...overlayDeps,
        themes: new PreviewThemeStore(themeStore),
        layers: new FileLayerStore(path.join(options.dataDir, 'live-overlays-rehearsal.json')),
        topic: 'overlays.rehearsal',
      }),
    obs: bridge,
    settings: liveSettings,
    deferWrite: (write) => {
      gate.write(async () => write()).catch((error: unknown) => log.warn('deferred write failed', { error: String(error) }));
    },
    timers: options.timers,
  });
  // Recaps read the run log (live.db, read-only) and keep their own data in the main database.
  const recapDao = new RecapsDao(database.sqlite);
  const runReads = new RunReads(runLog, liveDatabase.sqlite);
  const recapDeps = { dao: recapDao, runs: runReads, digests: new RunDigests(runReads), shows, products: products.dao, hosts: hosts.dao };
  const recaps = new RecapsService({
    ...recapDeps,
    clock,
    bus,
    setPlatformId: (id, platform, pid) => void products.update({ id, platformIds: { ...products.get(id).platformIds, [platform]: pid } }),
  });
  const recapImports = new RecapImportService({
    sqlite: database.sqlite,
    dao: recapDao,
    runs: runReads,
    settings: settingsStore,
    clock,
    bus,
    products: products.dao,
    show: (id) => shows.summary(id),
    planCues: (id) => planCuesOf(shows, id),
  });
  const exportThread = new ExportThread();
  // The recap PDF goes through the cue cards' printer: Electron's on the desktop, Chromium under serve.
  const printPdf = options.printPdf ?? ((html: string, unavailable: string) => htmlToPdf(html, unavailable));
  void obs.start();
  const startedAt = clock.now();
  // One-off costs (ICU data, the XLSX writer) paid before a show needs them; off the start path.
  const warmAfter = options.warmUpAfterMs === undefined ? 2000 : options.warmUpAfterMs;
  const warm = warmAfter === null ? null : setTimeout(() => void warmUp().catch((error: unknown) => log.warn('warm-up failed', { error: String(error) })), warmAfter);
  warm?.unref();

  const status = (): AppStatus => ({
    app: 'cuecart',
    appVersion,
    schemaVersion: database.schemaVersion,
    schemaTag: database.schemaTag,
    dataDir: options.dataDir,
    startedAt,
    counts: { products: products.dao.count(), hosts: hosts.dao.count(), shows: shows.dao.count() },
  });

  const handlers: Handlers = {
    ...appRouter(status),
    ...productsRouter(products),
    ...catalogIoRouter(products, importer, clock),
    ...hostsRouter(hosts),
    ...showsRouter(shows),
    ...mediaRouter(media, bus),
    ...plansRouter({
      runsheets: new RunsheetService(shows, hosts.dao, media, options.printPdf),
      shows,
      hosts: hosts.dao,
      media,
      clock,
      appVersion,
      bundles: {
        db,
        clock,
        bus,
        media,
        hosts: hosts.dao,
        products: products.dao,
        shows,
        onProductsWritten: () => products.search.invalidate(),
      },
    }),
    ...noted(overlaysRouter(overlays), live),
    ...liveRouter(live, runLog, liveSettings, options.viewerToken ?? null),
    ...obsRouter(obs),
    ...recapsRouter({ recaps, imports: recapImports, exports: new RecapExportService(recaps, exportThread, printPdf), history: recapDeps, resourcesDir }),
    ...obsSetupRouter({
      bridge,
      native: nativeSync,
      installer,
      clock,
      cuesOf: (id) => {
        shows.summary(id); // NOT_FOUND for an unknown show
        return shows.rundown(id).flatMap((segment) => segment.cues);
      },
    }),
    'demo.load': async () => {
      const loaded = await loadDemo(path.join(resourcesDir, 'demo', 'workspace.json'), { db, clock, bus, media });
      products.search.invalidate(); // the demo writes rows directly; search re-reads them
      // Its past shows get a run log and the platform's files, so Recaps has something to show.
      await loadDemoRecaps({ resourcesDir, shows, runLog, products: products.dao, imports: recapImports, recaps });
      return loaded;
    },
  };

  const dispatch = createDispatcher(handlers, {
    gate,
    // Checking outputs against the contract costs time on every call: on under tests only.
    validateOutput: options.validateOutput ?? Boolean(process.env.VITEST),
    onInternalError: (method, error) =>
      log.error('internal error', { method, error: error instanceof Error ? error.stack : String(error) }),
  });

  return {
    dataDir: options.dataDir,
    resourcesDir,
    appVersion,
    clock,
    bus,
    media,
    overlays,
    database,
    catalogSearch: products.search,
    obs,
    live,
    dispatch,
    setServerOrigin: (origin) => {
      serverOrigin = origin.replace(/\/$/, '');
    },
    close: async () => {
      if (warm) clearTimeout(warm);
      // A running import finishes (or rolls back) before the connection goes.
      await gate.settled();
      nativeSync.dispose();
      live.dispose();
      await exportThread.dispose();
      await obs.dispose();
      walSync.close();
      liveDatabase.close();
      database.close();
    },
  };
}

/** During a real run, overlay calls made outside the cockpit (REST, scripts) go on record too. */
function noted(part: ReturnType<typeof overlaysRouter>, live: LiveService): ReturnType<typeof overlaysRouter> {
  return {
    ...part,
    'overlays.show': (input, ctx) => {
      const state = part['overlays.show'](input, ctx);
      live.noteOverlayCall('show', input.kind, 'productId' in input ? (input.productId ?? null) : null, ctx);
      return state;
    },
    'overlays.hide': (input, ctx) => {
      const state = part['overlays.hide'](input, ctx);
      live.noteOverlayCall('hide', input.kind, null, ctx);
      return state;
    },
    'overlays.clear': (input, ctx) => {
      const state = part['overlays.clear'](input, ctx);
      live.noteOverlayCall('clear', null, null, ctx);
      return state;
    },
  };
}

function readVersion(root: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
