/**
 * The core's write gate. Ordinary writes (an edited price, a saved show) run as they always did,
 * side by side. A bulk write — the catalog import, which keeps one SQLite transaction open on its
 * own connection while the file is still being read — takes the gate for itself: it waits for
 * the writes already under way to finish, and writes that arrive meanwhile wait for it. Without
 * the gate such a write would stall on SQLite's lock (blocking the event loop) or, worse, land
 * inside the import's transaction. Methods that touch no stored data (firing a cue, an overlay)
 * never meet the gate: an import must not delay the show.
 */
export class WriteGate {
  private running = 0;
  private bulk: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  /** Whether a bulk write holds the gate now. */
  get held(): boolean {
    return this.bulk !== null;
  }

  /** Resolves once no bulk write holds the gate. */
  async settled(): Promise<void> {
    while (this.bulk) await this.bulk;
  }

  /** An ordinary write: waits while a bulk write holds the gate. */
  async write<T>(run: () => Promise<T>): Promise<T> {
    while (this.bulk) await this.bulk;
    this.running += 1;
    try {
      return await run();
    } finally {
      this.running -= 1;
      if (this.running === 0) this.drained?.();
    }
  }

  /** A bulk write: one at a time, alone. */
  async exclusive<T>(run: () => Promise<T>): Promise<T> {
    while (this.bulk) await this.bulk;
    let release!: () => void;
    this.bulk = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      if (this.running > 0) {
        await new Promise<void>((resolve) => {
          this.drained = resolve;
        });
        this.drained = null;
      }
      return await run();
    } finally {
      this.bulk = null;
      release();
    }
  }
}
