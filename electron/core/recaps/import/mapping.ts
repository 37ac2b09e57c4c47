import type { RecapKind } from '../../../contract';
import { HeaderVocabulary, headerKey, headerKeyWithoutUnit } from '../../spreadsheet';
import { PRESETS, REQUIRED, namesOf, type Preset } from './presets';

/** Per kind: the names that find its header row among title and period lines. */
export const VOCABULARY: Record<RecapKind, HeaderVocabulary> = {
  products: new HeaderVocabulary(namesOf('products')),
  totals: new HeaderVocabulary(namesOf('totals')),
  curve: new HeaderVocabulary(namesOf('curve')),
  traffic: new HeaderVocabulary(namesOf('traffic')),
};

function score(preset: Preset, keys: Set<string>): number {
  let n = 0;
  for (const names of Object.values(preset.columns)) if (names.some((name) => keys.has(headerKey(name)))) n += 1;
  return n;
}

/** The preset whose columns the header has most of (at least two), or null. */
export function detectPreset(kind: RecapKind, header: string[]): Preset | null {
  const keys = new Set(header.map(headerKey));
  let best: Preset | null = null;
  let bestScore = 1;
  for (const preset of PRESETS[kind]) {
    const s = score(preset, keys);
    if (s > bestScore) [best, bestScore] = [preset, s];
  }
  return best;
}

/**
 * A field (or null) per column: the detected preset's names first, then the other presets'.
 * Exact names beat names with their unit taken off ("用户支付金额(元)" = 用户支付金额).
 */
export function suggestMapping(kind: RecapKind, header: string[]): { mapping: (string | null)[]; preset: string | null } {
  const preset = detectPreset(kind, header);
  const order = preset ? [preset, ...PRESETS[kind].filter((p) => p !== preset)] : PRESETS[kind];
  const mapping: (string | null)[] = header.map(() => null);
  const exact = header.map(headerKey);
  const loose = header.map(headerKeyWithoutUnit);
  for (const pass of [exact, loose]) {
    for (const p of order) {
      for (const [field, names] of Object.entries(p.columns)) {
        if (mapping.includes(field)) continue;
        for (const name of names) {
          const key = pass === exact ? headerKey(name) : headerKeyWithoutUnit(name);
          const at = pass.findIndex((k, i) => k === key && mapping[i] === null);
          if (at >= 0) {
            mapping[at] = field;
            break;
          }
        }
      }
    }
  }
  return { mapping, preset: preset?.id ?? null };
}

/** Required groups with none of their fields mapped (each as the list of fields that would do). */
export function missingFields(kind: RecapKind, mapping: readonly (string | null)[]): string[][] {
  return REQUIRED[kind].filter((group) => !group.some((f) => mapping.includes(f)));
}
