import { z } from 'zod';
import { OverlayState } from './overlays';
import { ImportProgress } from './catalog-io';
import { ObsMirror, ObsStatus } from './obs';
import { LiveSettings, LiveSnapshot, LogRow } from './live';

export const DATA_TABLES = ['products', 'hosts', 'shows', 'media', 'recaps'] as const;

/** Every pushed event topic and its payload. Data changes say "refetch"; live state is whole. */
export const events = {
  'data.changed': z.object({ table: z.enum(DATA_TABLES), revision: z.number().int() }),
  /** The whole overlay picture after every change (see overlays.get). */
  'overlays.state': OverlayState,
  /** A big import's progress; the UI shows a bar and may call products.import.cancel. */
  'import.progress': ImportProgress,
  /** The OBS connection, whole, on every change. */
  'obs.status': ObsStatus,
  /** What OBS is showing (scenes, program, outputs), whole, on every change. */
  'obs.mirror': ObsMirror,
  /** The run, whole, after every change (see live.get; the rundown via live.plan on a new planVersion). */
  'live.state': LiveSnapshot,
  /** The cockpit settings after a change (the desktop shell re-registers its global shortcuts). */
  'live.settings': LiveSettings,
  /** As-run log rows as they are committed. */
  'live.log': z.object({ rows: z.array(LogRow) }),
  /** The overlay picture a rehearsal drives (the in-app preview only; OBS's pages keep `overlays.state`). */
  'overlays.rehearsal': OverlayState,
} as const;

export type Events = typeof events;
export type EventTopic = keyof Events;
export type EventPayload<T extends EventTopic> = z.infer<Events[T]>;
export type AnyEvent = { [T in EventTopic]: { topic: T; payload: EventPayload<T> } }[EventTopic];

export const EVENT_TOPICS = Object.keys(events) as EventTopic[];
