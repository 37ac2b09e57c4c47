import { OVERLAY_CANVASES, OVERLAY_KINDS, type OverlayThemePatch } from '../../../../../electron/contract';

/**
 * Two theme patches as one (the later wins, nested objects merge), so edits made while a save
 * is on its way go out together in the next one instead of one request per slider step.
 */
export function mergePatches(a: OverlayThemePatch | null, b: OverlayThemePatch): OverlayThemePatch {
  if (!a) return b;
  const out: OverlayThemePatch = { ...a, ...b };
  if (a.colors || b.colors) out.colors = { ...a.colors, ...b.colors };
  if (a.layouts || b.layouts) out.layouts = { ...a.layouts, ...b.layouts };
  if (a.placement || b.placement) {
    const placement: NonNullable<OverlayThemePatch['placement']> = {};
    for (const canvas of OVERLAY_CANVASES) {
      const pa = a.placement?.[canvas];
      const pb = b.placement?.[canvas];
      if (!pa && !pb) continue;
      const merged: Record<string, object> = {};
      for (const kind of OVERLAY_KINDS) {
        if (pa?.[kind] || pb?.[kind]) merged[kind] = { ...pa?.[kind], ...pb?.[kind] };
      }
      placement[canvas] = merged;
    }
    out.placement = placement;
  }
  return out;
}
