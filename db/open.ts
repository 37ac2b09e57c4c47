import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as liveSchema from './live-schema';
import * as schema from './schema';

/** With its connection (`$client`), as drizzle() returns it: plain-SQL readers share it. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type LiveDb = BetterSQLite3Database<typeof liveSchema>;

export interface OpenDatabaseOptions {
  /** Folder with drizzle-kit's SQL files and meta/_journal.json. */
  migrationsFolder: string;
  /** Path of an Electron-ABI better_sqlite3.node (the desktop app); Node uses the default. */
  nativeBinding?: string;
  /** Where pre-migration backups go; default `<db dir>/backups`. */
  backupDir?: string;
  /** How many pre-migration backups to keep. */
  keepBackups?: number;
  now?: () => number;
  /** `FULL` syncs every commit to disk before it returns; default NORMAL. */
  synchronous?: 'NORMAL' | 'FULL';
}

export interface OpenedFile {
  sqlite: Database.Database;
  /** Number of migrations applied, and the tag of the newest. */
  schemaVersion: number;
  schemaTag: string;
  /** Path of the backup taken before migrating, if one was needed. */
  backupPath: string | null;
  close(): void;
}

export interface OpenedDatabase extends OpenedFile {
  db: Db;
}

export interface OpenedLiveDatabase extends OpenedFile {
  db: LiveDb;
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const file = path.join(migrationsFolder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

function appliedCount(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  if (!table) return 0;
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly backupPath: string | null,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Open (and create or migrate) a Cuecart database file.
 *
 * Migrating safely: drizzle runs all pending migrations in one transaction, where
 * `PRAGMA foreign_keys=OFF` is ignored, so a drizzle-kit table rebuild would fire
 * `ON DELETE CASCADE` and silently delete child rows (drizzle-orm #4938, #5782). We turn
 * foreign keys off *before* the transaction, run `foreign_key_check` after, and only then turn
 * them back on. The file is backed up first; if the check fails we restore the backup.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  const opened = openMigrated(file, options);
  return { ...opened, db: drizzle(opened.sqlite, { schema }) };
}

/**
 * The live-runs database (`live.db`): the same safe migration and its own migrations folder.
 * WAL with synchronous=NORMAL, like the catalog: a commit survives a crash of Cuecart the moment
 * it returns; the core syncs the WAL to disk in the background (electron/core/live/wal-sync.ts).
 */
export function openLiveDatabase(file: string, options: OpenDatabaseOptions): OpenedLiveDatabase {
  const opened = openMigrated(file, options);
  return { ...opened, db: drizzle(opened.sqlite, { schema: liveSchema }) };
}

function openMigrated(file: string, options: OpenDatabaseOptions): OpenedFile {
  const now = options.now ?? Date.now;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = connect(file, options.nativeBinding, options.synchronous ?? 'NORMAL');

  const journal = readJournal(options.migrationsFolder);
  const applied = appliedCount(sqlite);
  if (applied > journal.length) {
    sqlite.close();
    throw new MigrationError(
      `This data was written by a newer Cuecart (schema ${applied}, this build knows ${journal.length}). Update Cuecart to open it.`,
      null,
    );
  }

  let backupPath: string | null = null;
  if (applied < journal.length) {
    if (hasUserTables(sqlite)) {
      backupPath = backupBefore(sqlite, file, journal[applied]!.tag, options, now);
    }
    try {
      sqlite.pragma('foreign_keys = OFF');
      migrate(drizzle(sqlite), { migrationsFolder: options.migrationsFolder });
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new Error(`foreign_key_check found ${violations.length} broken reference(s)`);
      }
    } catch (error) {
      sqlite.close();
      if (backupPath) {
        restore(backupPath, file);
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(
        `Could not upgrade the database: ${reason}.${backupPath ? ` Your data was restored from ${backupPath}.` : ''}`,
        backupPath,
      );
    }
  }
  sqlite.pragma('foreign_keys = ON');

  const last = journal[journal.length - 1];
  return {
    sqlite,
    schemaVersion: journal.length,
    schemaTag: last?.tag ?? 'none',
    backupPath,
    close: () => sqlite.close(),
  };
}

function connect(file: string, nativeBinding: string | undefined, synchronous: 'NORMAL' | 'FULL'): Database.Database {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash or power
  // loss can roll back the last transactions (the as-run log bounds that by syncing its WAL in
  // the background, see electron/core/live/wal-sync.ts).
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

function backupBefore(
  sqlite: Database.Database,
  file: string,
  nextTag: string,
  options: OpenDatabaseOptions,
  now: () => number,
): string {
  const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.db')}-${stamp}-before-${nextTag}.db`);
  // VACUUM INTO writes a consistent, compact copy synchronously, WAL content included.
  sqlite.prepare('VACUUM INTO ?').run(target);
  pruneBackups(dir, path.basename(file, '.db'), options.keepBackups ?? 10);
  return target;
}

function pruneBackups(dir: string, prefix: string, keep: number): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.db'))
    .sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) fs.rmSync(path.join(dir, f));
}

function restore(backupPath: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(backupPath, file);
}
