import fs from 'node:fs';

/**
 * Puts the as-run log on the disk platter without making a Go wait for it.
 *
 * live.db runs WAL with synchronous=NORMAL: a commit is in the operating system's hands as soon
 * as it returns, so a crash or kill of Cuecart loses nothing that was answered. Only an OS crash
 * or a power cut could lose commits not yet written out. This syncs the WAL file in the
 * background (libuv's thread pool, never the event loop) at most `intervalMs` after a write, so
 * that window is about a second, while a Go never waits for a disk flush (on some laptops an
 * fsync takes tens of milliseconds).
 */
export class WalSyncer {
  private fd: number | null = null;
  private ino: number | null = null;
  private dirty = false;
  private syncing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Completed background syncs (diagnostics, tests). */
  syncs = 0;

  constructor(
    private readonly walFile: string,
    private readonly intervalMs = 1000,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** A commit happened: the WAL will be synced within `intervalMs`. */
  noteWrite(): void {
    if (this.closed) return;
    this.dirty = true;
    if (this.timer === null && !this.syncing) this.timer = setTimeout(() => this.sync(), this.intervalMs);
  }

  private openFd(): number | null {
    // SQLite keeps reusing one WAL file while the database is open; reopen if it was replaced.
    try {
      const st = fs.statSync(this.walFile);
      if (this.fd !== null && this.ino === st.ino) return this.fd;
      if (this.fd !== null) fs.closeSync(this.fd);
      this.fd = fs.openSync(this.walFile, 'r+');
      this.ino = st.ino;
      return this.fd;
    } catch {
      return null; // no WAL right now (checkpointed away): nothing to sync
    }
  }

  private sync(): void {
    this.timer = null;
    if (!this.dirty || this.closed) return;
    this.dirty = false;
    const fd = this.openFd();
    if (fd === null) return;
    this.syncing = true;
    fs.fsync(fd, (error) => {
      this.syncing = false;
      if (error) this.onError(error);
      else this.syncs += 1;
      if (this.dirty) this.noteWrite();
    });
  }

  /** Final flush (before the database closes). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.fd !== null) {
      try {
        if (this.dirty) fs.fsyncSync(this.fd);
        fs.closeSync(this.fd);
      } catch (error) {
        this.onError(error);
      }
      this.fd = null;
    }
  }
}
