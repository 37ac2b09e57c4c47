import { z } from 'zod';
import { Instant } from './common';

export const AppStatus = z.object({
  app: z.literal('cuecart'),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  schemaTag: z.string(),
  dataDir: z.string(),
  startedAt: Instant,
  counts: z.object({ products: z.number().int(), hosts: z.number().int(), shows: z.number().int() }),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const DemoLoadResult = z.object({
  products: z.number().int(),
  hosts: z.number().int(),
  shows: z.number().int(),
  images: z.number().int(),
});
