import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus } from '../contract';
import { openDatabase, type OpenedDatabase } from '../../db/open';
import { appRouter } from './app/app.router';
import { systemClock, type Clock } from './clock';
import { loadDemo } from './demo/demo.service';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventBus } from './events';
import type { Handlers } from './handlers';
import { HostsDao } from './hosts/hosts.dao';
import { hostsRouter } from './hosts/hosts.router';
import { silentLogger, type Logger } from './log';
import { MediaStore } from './media/media.store';
import { findAppRoot } from './paths';
import { ProductsService } from './products/products.service';
import { productsRouter } from './products/products.router';
import { ShowsDao } from './shows/shows.dao';
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
}

export interface Core {
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly appVersion: string;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly media: MediaStore;
  readonly database: OpenedDatabase;
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
  fs.mkdirSync(options.dataDir, { recursive: true });

  const database = openDatabase(path.join(options.dataDir, 'cuecart.db'), {
    migrationsFolder,
    nativeBinding: options.nativeBinding,
    now: () => clock.now(),
  });
  if (database.backupPath) log.info('database migrated', { backup: database.backupPath });
  const { db } = database;
  const bus = new EventBus();
  const media = new MediaStore(options.dataDir, db, clock);
  const products = new ProductsService(db, clock, bus, media);
  const hosts = new HostsDao(db);
  const shows = new ShowsDao(db);
  const startedAt = clock.now();

  const status = (): AppStatus => ({
    app: 'cuecart',
    appVersion,
    schemaVersion: database.schemaVersion,
    schemaTag: database.schemaTag,
    dataDir: options.dataDir,
    startedAt,
    counts: { products: products.dao.count(), hosts: hosts.count(), shows: shows.count() },
  });

  const handlers: Handlers = {
    ...appRouter(status),
    ...productsRouter(products),
    ...hostsRouter(hosts),
    ...showsRouter(shows),
    'demo.load': () =>
      loadDemo(path.join(resourcesDir, 'demo', 'workspace.json'), { db, clock, bus, media }),
  };

  const dispatch = createDispatcher(handlers, {
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
    database,
    dispatch,
    close: async () => database.close(),
  };
}

function readVersion(root: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
