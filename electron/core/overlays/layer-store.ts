import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OVERLAY_KINDS } from '../../contract';
import { writeFileAtomic } from '../atomic-file';

/** One layer as it is kept across restarts (its content is checked again on load). */
const SavedSlot = z.object({
  visible: z.boolean(),
  layout: z.string().max(64).nullable(),
  content: z.record(z.string(), z.unknown()).nullable(),
  changedAt: z.number().int().nullable(),
  source: z.object({ productId: z.string().max(64), patch: z.record(z.string(), z.unknown()) }).nullable(),
});
export type SavedSlot = z.infer<typeof SavedSlot>;

export const SavedLayers = z.object({
  version: z.literal(1),
  revision: z.number().int().nonnegative(),
  slots: z.partialRecord(z.enum(OVERLAY_KINDS), SavedSlot),
});
export type SavedLayers = z.infer<typeof SavedLayers>;

/** Where the on-air layers are kept so that a restart — or a crash — brings them back. */
export interface LayerStore {
  load(): SavedLayers | null;
  save(layers: SavedLayers): void;
}

/**
 * The layers in a small JSON file beside the database, replaced whole on every change (a crash
 * leaves the old picture or the new one, never half of one). Not in SQLite on purpose: showing an overlay must never wait for the catalog's writer
 * (a big import holds it), and this file is written in well under a millisecond.
 */
export class FileLayerStore implements LayerStore {
  constructor(private readonly file: string) {}

  load(): SavedLayers | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return null; // first start
    }
    try {
      const parsed = SavedLayers.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // damaged: start with a clean picture rather than not at all
    }
  }

  save(layers: SavedLayers): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, JSON.stringify(layers));
  }
}
