import { z } from 'zod';
import { CANVASES, HOST_ROLES, PLATFORMS, PRODUCT_ROLES, SHOW_STATUSES } from '../../contract';

/** The shape of `resources/demo/workspace.json`. Image paths are relative to that file. */
export const DemoWorkspace = z.object({
  version: z.literal(1),
  products: z
    .array(
      z.object({
        sku: z.string(),
        title: z.string(),
        shortTitle: z.string(),
        brand: z.string(),
        category: z.string(),
        tags: z.array(z.string()),
        listPrice: z.number().int(), // 分
        livePrice: z.number().int(),
        floorPrice: z.number().int().nullable(),
        currency: z.string(),
        stock: z.number().int().nullable(),
        limitPerBuyer: z.number().int().nullable(),
        role: z.enum(PRODUCT_ROLES),
        sellingPoints: z.array(z.string()),
        talkingPoints: z.string(),
        faq: z.array(z.object({ q: z.string(), a: z.string() })),
        link: z.string(),
        images: z.array(z.string()).min(1),
        notes: z.string(),
        /** What it costs the shop (分) and the creator's commission (basis points): the recap's estimates. */
        costPrice: z.number().int().nullable().default(null),
        commissionRate: z.number().int().nullable().default(null),
      }),
    )
    .min(20),
  hosts: z
    .array(
      z.object({
        key: z.string(),
        name: z.string(),
        title: z.string(),
        handle: z.string(),
        role: z.enum(HOST_ROLES),
        avatar: z.string().nullable(),
        notes: z.string(),
      }),
    )
    .min(3),
  shows: z
    .array(
      z.object({
        key: z.string(),
        title: z.string(),
        platform: z.enum(PLATFORMS),
        /** Days from the day the demo is loaded, and local start time "HH:MM". */
        startInDays: z.number().int(),
        startTime: z.string().regex(/^\d\d:\d\d$/),
        plannedLengthMin: z.number().int(),
        status: z.enum(SHOW_STATUSES),
        canvas: z.enum(CANVASES),
        goalGmv: z.number().int().nullable(),
        goalOrders: z.number().int().nullable(),
        notes: z.string(),
        hosts: z.array(z.string()),
        cues: z.array(
          z.object({
            segment: z.string(),
            kind: z.enum(['pitch', 'flash_sale', 'giveaway', 'interaction', 'break', 'generic']),
            title: z.string(),
            sku: z.string().nullable(),
            durationSec: z.number().int(),
            livePrice: z.number().int().nullable(),
            mechanism: z.string(),
            notes: z.string(),
            /** Steps in the platform's console at this cue (上架, 开讲解...). */
            checklist: z.array(z.string()).default([]),
          }),
        ),
      }),
    )
    .min(2),
});
export type DemoWorkspace = z.infer<typeof DemoWorkspace>;
