import { z } from 'zod';
import { Id, Instant, Line, MediaHash, Text } from './common';

export const HOST_ROLES = ['host', 'assistant'] as const; // 主播 / 助播

/** What a user writes about a host; the same rules at every door. */
export const HostFields = z.object({
  name: Line(60).min(1),
  /** The lower-third title (首席美妆官). */
  title: Line(80).default(''),
  /** The platform handle (@小溪的美妆间). */
  handle: Line(80).default(''),
  role: z.enum(HOST_ROLES).default('host'),
  avatar: MediaHash.nullable().default(null),
  notes: Text(5000).default(''),
});
export type HostFields = z.infer<typeof HostFields>;
export type HostDraft = z.input<typeof HostFields>;

export const Host = HostFields.extend({
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Host = z.infer<typeof Host>;

export const PLATFORMS = [
  'douyin',
  'taobao',
  'kuaishou',
  'wechat',
  'xiaohongshu',
  'tiktok',
  'youtube',
  'other',
] as const;
export const SHOW_STATUSES = ['draft', 'ready', 'live', 'done'] as const;
export const CANVASES = ['16:9', '9:16'] as const;
