/**
 * Live state is pushed as whole snapshots with a revision (see ARCHITECTURE "Data"): a client
 * that missed a push, or got two out of order, keeps the highest revision and is right.
 */
export type Revisioned<T> = T & { revision: number };
export type SnapshotListener<T> = (snapshot: Revisioned<T>) => void;

export class SnapshotPublisher<T extends object> {
  private current: Revisioned<T>;
  private readonly listeners = new Set<SnapshotListener<T>>();

  constructor(
    initial: T,
    private readonly onListenerError: (error: unknown) => void = () => {},
  ) {
    this.current = Object.freeze({ ...initial, revision: 0 });
  }

  get(): Revisioned<T> {
    return this.current;
  }

  /** Replace the whole state: fields not in `next` are gone, so stale ones never linger. */
  publish(next: T): Revisioned<T> {
    this.current = Object.freeze({ ...next, revision: this.current.revision + 1 });
    const snapshot = this.current;
    for (const listener of [...this.listeners]) {
      // One broken listener (a closed door) must not stop the others from hearing about OBS.
      try {
        listener(snapshot);
      } catch (error) {
        this.onListenerError(error);
      }
    }
    return snapshot;
  }

  subscribe(listener: SnapshotListener<T>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
