import type { AnyEvent, EventPayload, EventTopic } from '../contract';
import type { DATA_TABLES } from '../contract/events';

export type EventListener = (event: AnyEvent) => void;

/** In-process fan-out of pushed events to every door. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private revision = 0;

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<T extends EventTopic>(topic: T, payload: EventPayload<T>): void {
    const event = { topic, payload } as AnyEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed socket, say) must never break the caller or the others.
      }
    }
  }

  /** Data changed: clients refetch. The revision only grows, so clients can drop stale pushes. */
  dataChanged(table: (typeof DATA_TABLES)[number]): number {
    this.revision += 1;
    this.emit('data.changed', { table, revision: this.revision });
    return this.revision;
  }

  get currentRevision(): number {
    return this.revision;
  }
}
