import type { ObsDrift, ObsMirror, Product, ProductOverride, RunCue } from '../../contract';
import type { ObsAction, SwitchMode } from '../obs';
import { obsActionsOf } from './cue-fire';

type MirrorItem = ObsMirror['scenes'][number]['items'][number];

/** What the log says OBS shows: the last scene a fired cue chose, and every source and text cues set since. */
export interface OnAir {
  scene: string | null;
  sources: Map<string, { scene: string; source: string; visible: boolean }>;
  texts: Map<string, string>;
}

/**
 * Fold the fired cues, in the order they fired, into the picture they leave on air. A cue that
 * keeps the scene adds its sources to the scene on air at that moment, as it did when it fired.
 */
export function expectedOnAir(
  fireOrder: readonly string[],
  cueById: (id: string) => RunCue | undefined,
  productOf: (cue: RunCue) => Product | null,
  overrideOf: (productId: string | null) => ProductOverride | undefined,
): OnAir {
  const onAir: OnAir = { scene: null, sources: new Map(), texts: new Map() };
  for (const id of fireOrder) {
    const cue = cueById(id);
    if (!cue) continue;
    for (const action of obsActionsOf(cue, productOf(cue), overrideOf(cue.productId), onAir.scene, 'program')) applyToOnAir(onAir, action);
  }
  return onAir;
}

/** One fired action's effect on the expected picture. */
export function applyToOnAir(onAir: OnAir, action: ObsAction): void {
  if (action.type === 'switchScene') onAir.scene = action.scene;
  else if (action.type === 'setSourceVisible') onAir.sources.set(`${action.scene}\u0000${action.source}`, { scene: action.scene, source: action.source, visible: action.visible });
  else if (action.type === 'setText') onAir.texts.set(action.input, action.text);
}

/** The batch that puts the expected picture back (after OBS restarted, or on "re-apply cue"). */
export function reapplyActions(onAir: OnAir, mode: SwitchMode): ObsAction[] {
  const actions: ObsAction[] = [];
  if (onAir.scene) actions.push({ type: 'switchScene', scene: onAir.scene, mode });
  for (const s of onAir.sources.values()) actions.push({ type: 'setSourceVisible', scene: s.scene, source: s.source, visible: s.visible });
  for (const [input, text] of onAir.texts) actions.push({ type: 'setText', input, text });
  return actions;
}

function findItem(items: readonly MirrorItem[], source: string): MirrorItem | null {
  for (const item of items) {
    if (item.sourceName === source) return item;
    const inner = item.children ? findItem(item.children, source) : null;
    if (inner) return inner;
  }
  return null;
}

/**
 * Where OBS differs from the expected picture: the program scene and each source's visibility
 * (texts are not compared: the mirror does not read text contents). null when they agree or
 * when OBS has not been read.
 */
export function driftOf(onAir: OnAir, mirror: ObsMirror, at: number): ObsDrift | null {
  if (!mirror.ready) return null;
  const scene = onAir.scene && onAir.scene !== mirror.programScene ? { expected: onAir.scene, actual: mirror.programScene } : null;
  const sources: ObsDrift['sources'] = [];
  const scenes = new Map(mirror.scenes.map((s) => [s.name, s.items]));
  for (const s of onAir.sources.values()) {
    const items = scenes.get(s.scene);
    const item = items ? findItem(items, s.source) : null;
    const actual = item ? item.enabled : null;
    if (actual !== s.visible) sources.push({ scene: s.scene, source: s.source, expected: s.visible, actual });
  }
  return scene || sources.length > 0 ? { at, scene, sources } : null;
}
