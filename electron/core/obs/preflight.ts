import type { CueActions, NativeConfig, ObsMirror, PreflightIssue, PreflightReport } from '../../contract';
import { NATIVE_FIELDS } from '../overlays/native-mapping';

type Item = ObsMirror['scenes'][number]['items'][number];

export interface PreflightCue {
  id: string;
  title: string;
  actions: CueActions;
}

export interface OverlayInstallState {
  /** Browser sources in OBS whose URL points at our overlay pages. */
  browserSources: string[];
  native: NativeConfig;
}

const TEXT_KINDS = /^text_(gdiplus|ft2_source)/;
const IMAGE_FIELDS = new Set(['image', 'logo']);

function sourceNames(items: Item[], into = new Set<string>()): Set<string> {
  for (const item of items) {
    into.add(item.sourceName);
    if (item.children) sourceNames(item.children, into);
  }
  return into;
}

/**
 * Check a show's cues against what OBS has now. Pure: the service gathers the mirror and the
 * overlay installation; this says what is missing, in the order a producer would fix it.
 */
export function preflight(
  showId: string,
  cues: PreflightCue[],
  mirror: ObsMirror,
  connected: boolean,
  install: OverlayInstallState,
  now: number,
): PreflightReport {
  const issues: PreflightIssue[] = [];
  const counts = { cues: cues.length, scenes: 0, sources: 0, overlays: 0 };
  if (!connected || !mirror.ready) {
    issues.push({
      code: 'obs_not_connected',
      severity: 'error',
      cueId: null,
      cueTitle: '',
      subject: 'OBS',
      message: 'OBS is not connected: connect it in Settings to check this show.',
    });
    return { showId, ok: false, checkedAt: now, obsConnected: false, counts, issues };
  }

  const scenes = new Map(mirror.scenes.map((s) => [s.name, sourceNames(s.items)]));
  const inputKinds = new Map(mirror.inputs.map((i) => [i.name, i.unversionedKind]));
  const missingScenes = new Set<string>();
  const overlayKinds = new Set<string>();

  for (const cue of cues) {
    const { scene, sources, overlays, texts } = cue.actions;
    const title = cue.title;
    if (scene) {
      counts.scenes += 1;
      if (!scenes.has(scene)) {
        if (!missingScenes.has(scene)) {
          issues.push({
            code: 'scene_missing',
            severity: 'error',
            cueId: cue.id,
            cueTitle: title,
            subject: scene,
            message: `Scene "${scene}" is not in OBS.`,
            fix: { type: 'create_scene', scene },
          });
        }
        missingScenes.add(scene);
      }
    }
    for (const s of sources) {
      counts.sources += 1;
      const where = s.scene || scene || mirror.programScene || '';
      const names = scenes.get(where);
      if (names && !names.has(s.source)) {
        issues.push({
          code: 'source_missing',
          severity: 'error',
          cueId: cue.id,
          cueTitle: title,
          subject: `${where} / ${s.source}`,
          message: `Source "${s.source}" is not in scene "${where}".`,
        });
      }
    }
    for (const t of texts) {
      counts.sources += 1;
      const kind = inputKinds.get(t.input);
      if (kind === undefined || !TEXT_KINDS.test(kind)) {
        issues.push({
          code: kind === undefined ? 'text_input_missing' : 'text_input_wrong_kind',
          severity: 'error',
          cueId: cue.id,
          cueTitle: title,
          subject: t.input,
          message: kind === undefined ? `There is no text source "${t.input}" in OBS.` : `"${t.input}" is a ${kind}, not a text source.`,
        });
      }
    }
    for (const o of overlays) {
      counts.overlays += 1;
      overlayKinds.add(o.op === 'show' ? o.overlay.kind : o.kind);
    }
  }

  if (overlayKinds.size > 0) issues.push(...overlayIssues([...overlayKinds], install, inputKinds));
  return { showId, ok: !issues.some((i) => i.severity === 'error'), checkedAt: now, obsConnected: true, counts, issues };
}

function overlayIssues(kinds: string[], install: OverlayInstallState, inputKinds: Map<string, string>): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  if (install.browserSources.length > 0) return issues;
  if (!install.native.enabled) {
    issues.push({
      code: 'overlays_not_installed',
      severity: 'error',
      cueId: null,
      cueTitle: '',
      subject: kinds.join(', '),
      message: 'The show uses overlays, but OBS has no Cuecart overlay source and native-source mode is off.',
      fix: { type: 'install_overlays' },
    });
    return issues;
  }
  for (const kind of kinds) {
    const binding = install.native.bindings[kind as keyof NativeConfig['bindings']];
    if (!binding) {
      issues.push({
        code: 'native_binding_missing',
        severity: 'error',
        cueId: null,
        cueTitle: '',
        subject: kind,
        message: `Overlay "${kind}" is not bound to any OBS source.`,
        fix: { type: 'install_overlays' },
      });
      continue;
    }
    const known = new Set<string>(NATIVE_FIELDS[kind as keyof typeof NATIVE_FIELDS] ?? []);
    for (const [field, input] of Object.entries(binding.fields)) {
      if (!known.has(field)) continue;
      const kindOfInput = inputKinds.get(input);
      if (kindOfInput === undefined) {
        issues.push({ code: 'native_input_missing', severity: 'error', cueId: null, cueTitle: '', subject: input, message: `OBS input "${input}" (${kind} ${field}) does not exist.` });
        continue;
      }
      const wantsImage = IMAGE_FIELDS.has(field);
      const fits = wantsImage ? kindOfInput === 'image_source' : TEXT_KINDS.test(kindOfInput);
      if (!fits) {
        issues.push({
          code: 'native_input_wrong_kind',
          severity: 'error',
          cueId: null,
          cueTitle: '',
          subject: input,
          message: `OBS input "${input}" is a ${kindOfInput}; ${kind} ${field} needs ${wantsImage ? 'an image source' : 'a text source'}.`,
        });
      }
    }
  }
  return issues;
}
