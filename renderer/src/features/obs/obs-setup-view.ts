import type { NativeConfig, ObsMirror, PreflightIssue } from '../../../../electron/contract';

/**
 * Pure helpers for the OBS setup screens (preflight, installer, native bindings). No React, so
 * the rules (which OBS inputs fit which overlay field, when a preflight is worth re-running)
 * are unit-testable. The kind rules match the core's preflight (electron/core/obs/preflight.ts).
 */

type Item = ObsMirror['scenes'][number]['items'][number];
export type NativeBindings = NativeConfig['bindings'];
export type NativeBinding = NonNullable<NativeBindings[keyof NativeBindings]>;

/** Text sources on every platform: GDI+ on Windows (v2/v3), FreeType 2 elsewhere. */
const TEXT_KIND = /^text_(gdiplus|ft2_source)/;
const IMAGE_FIELDS = new Set(['image', 'logo']);

export type FieldWants = 'text' | 'image';
export const fieldWants = (field: string): FieldWants => (IMAGE_FIELDS.has(field) ? 'image' : 'text');

/** Does an OBS input of this (unversioned or versioned) kind fit the field? */
export function kindFits(want: FieldWants, kind: string): boolean {
  return want === 'image' ? kind === 'image_source' : TEXT_KIND.test(kind);
}

/** The OBS inputs that can show a field, by name. */
export function inputsFor(mirror: Pick<ObsMirror, 'inputs'>, want: FieldWants): string[] {
  return mirror.inputs.filter((i) => kindFits(want, i.unversionedKind) || kindFits(want, i.kind)).map((i) => i.name);
}

/** Why a bound input would not work now: gone from OBS, or of the wrong kind. Null when fine. */
export function inputProblem(mirror: Pick<ObsMirror, 'inputs'>, want: FieldWants, name: string): 'missing' | 'wrongKind' | null {
  const input = mirror.inputs.find((i) => i.name === name);
  if (!input) return 'missing';
  return kindFits(want, input.unversionedKind) || kindFits(want, input.kind) ? null : 'wrongKind';
}

/** Top-level items of a scene (what SetSceneItemEnabled can toggle in that scene). */
export function sceneItemNames(mirror: Pick<ObsMirror, 'scenes'>, scene: string | undefined): string[] {
  return mirror.scenes.find((s) => s.name === scene)?.items.map((i) => i.sourceName) ?? [];
}

function itemNames(items: Item[]): string[] {
  return items.flatMap((i) => [i.sourceName, ...(i.children ? itemNames(i.children) : [])]);
}

/**
 * What preflight depends on in the mirror: scenes, the sources in them, inputs and their kinds,
 * and whether OBS is there. Not the program scene, visibility or output timecodes, which change
 * all the time during a show and cannot change the result.
 */
export function preflightSignature(connected: boolean, mirror: ObsMirror | undefined): string {
  if (!mirror) return 'none';
  const scenes = mirror.scenes.map((s) => `${s.name}\u0001${itemNames(s.items).join('\u0002')}`);
  const inputs = mirror.inputs.map((i) => `${i.name}\u0001${i.unversionedKind}`);
  return hash([connected, mirror.ready, ...scenes, '\u0003', ...inputs].join('\u0000'));
}

/** A short stable digest (FNV-1a, 32 bit) so a query key stays small. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Issues by severity, errors first, in the server's order within each. */
export function issuesBySeverity(issues: PreflightIssue[]): Array<{ severity: PreflightIssue['severity']; issues: PreflightIssue[] }> {
  return (['error', 'warning'] as const)
    .map((severity) => ({ severity, issues: issues.filter((i) => i.severity === severity) }))
    .filter((g) => g.issues.length > 0);
}

/** How many of a kind's fields are bound. */
export function boundCount(binding: NativeBinding | undefined, fields: readonly string[]): number {
  return fields.filter((f) => !!binding?.fields[f]).length;
}

/**
 * Bindings as the contract takes them: no empty field values, no half-picked scene item,
 * no kind with nothing bound.
 */
export function cleanBindings(bindings: NativeBindings): NativeBindings {
  const out: NativeBindings = {};
  for (const [kind, binding] of Object.entries(bindings) as Array<[keyof NativeBindings, NativeBinding | undefined]>) {
    if (!binding) continue;
    const fields = Object.fromEntries(Object.entries(binding.fields).filter(([, input]) => !!input));
    const item = binding.item?.sceneName && binding.item.sourceName ? binding.item : undefined;
    if (!item && Object.keys(fields).length === 0) continue;
    out[kind] = item ? { item, fields } : { fields };
  }
  return out;
}
