import { z } from 'zod';

export const DATA_TABLES = ['products', 'hosts', 'shows', 'media'] as const;

/** Every pushed event topic and its payload. Data changes say "refetch"; live state is whole. */
export const events = {
  'data.changed': z.object({ table: z.enum(DATA_TABLES), revision: z.number().int() }),
} as const;

export type Events = typeof events;
export type EventTopic = keyof Events;
export type EventPayload<T extends EventTopic> = z.infer<Events[T]>;
export type AnyEvent = { [T in EventTopic]: { topic: T; payload: EventPayload<T> } }[EventTopic];

export const EVENT_TOPICS = Object.keys(events) as EventTopic[];
