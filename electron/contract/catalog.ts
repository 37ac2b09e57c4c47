import { z } from 'zod';
import { Id, Instant, Line, MediaHash, Money } from './common';

export const HOST_ROLES = ['host', 'assistant'] as const; // 主播 / 助播
export const Host = z.object({
  id: Id,
  name: Line(60).min(1),
  title: Line(80).default(''),
  handle: Line(80).default(''),
  role: z.enum(HOST_ROLES).default('host'),
  avatar: MediaHash.nullable().default(null),
  notes: z.string().max(5000).default(''),
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

export const ShowSummary = z.object({
  id: Id,
  title: Line(200).min(1),
  platform: z.enum(PLATFORMS),
  startAt: Instant,
  plannedLengthMs: z.number().int().min(0),
  status: z.enum(SHOW_STATUSES),
  canvas: z.enum(CANVASES),
  goalGmv: Money.nullable(),
  goalOrders: z.number().int().min(0).nullable(),
  notes: z.string(),
  hostIds: z.array(Id),
  cueCount: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ShowSummary = z.infer<typeof ShowSummary>;
