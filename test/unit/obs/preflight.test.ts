import { describe, expect, it } from 'vitest';
import type { CueActions, ObsMirror } from '../../../electron/contract';
import { preflight, type PreflightCue } from '../../../electron/core/obs/preflight';

const item = (sourceName: string, extra: Partial<ObsMirror['scenes'][number]['items'][number]> = {}) => ({
  id: 1,
  sourceName,
  sourceType: 'input' as const,
  inputKind: 'text_ft2_source_v2',
  enabled: true,
  index: 0,
  ...extra,
});

const mirror: ObsMirror = {
  revision: 3,
  ready: true,
  sceneCollection: 'Show',
  scenes: [
    { name: 'Main', items: [item('Title'), item('Price Group', { sourceType: 'group', children: [item('Price')] })] },
    { name: 'Product', items: [item('Card')] },
  ],
  programScene: 'Main',
  previewScene: null,
  studioMode: false,
  inputs: [
    { name: 'Title', kind: 'text_ft2_source_v2', unversionedKind: 'text_ft2_source' },
    { name: 'Price', kind: 'text_ft2_source_v2', unversionedKind: 'text_ft2_source' },
    { name: 'Logo', kind: 'image_source', unversionedKind: 'image_source' },
  ],
  transitions: [],
  currentTransition: null,
  transitionDurationMs: null,
  stream: { active: false, timecode: '00:00:00.000', durationMs: 0, measuredAt: 0 },
  record: { active: false, timecode: '00:00:00.000', durationMs: 0, measuredAt: 0 },
  readAt: 1,
};

const cue = (id: string, actions: Partial<CueActions>): PreflightCue => ({ id, title: `cue ${id}`, actions: { scene: '', overlays: [], sources: [], texts: [], ...actions } });
const noOverlays = { browserSources: [], native: { enabled: false, bindings: {} } };

describe('preflight', () => {
  it('passes a show whose scenes and sources all exist, inside groups too', () => {
    const r = preflight('s1', [cue('a', { scene: 'Main', sources: [{ scene: '', source: 'Price', visible: true }] })], mirror, true, noOverlays, 5);
    expect(r).toMatchObject({ ok: true, issues: [], counts: { cues: 1, scenes: 1, sources: 1, overlays: 0 } });
  });

  it('lists a missing scene once with a create fix, and a missing source in the right scene', () => {
    const r = preflight(
      's1',
      [
        cue('a', { scene: 'Outro' }),
        cue('b', { scene: 'Outro' }),
        cue('c', { scene: 'Product', sources: [{ scene: '', source: 'Title', visible: false }] }),
      ],
      mirror,
      true,
      noOverlays,
      5,
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.subject])).toEqual([
      ['scene_missing', 'Outro'],
      ['source_missing', 'Product / Title'],
    ]);
    expect(r.issues[0]!.fix).toEqual({ type: 'create_scene', scene: 'Outro' });
  });

  it('checks the text sources a cue sets: missing, and not a text source', () => {
    const r = preflight(
      's1',
      [cue('a', { texts: [{ input: 'Price', text: '¥99' }, { input: 'Link no.', text: '12' }, { input: 'Logo', text: 'x' }] })],
      mirror,
      true,
      noOverlays,
      5,
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.subject])).toEqual([
      ['text_input_missing', 'Link no.'],
      ['text_input_wrong_kind', 'Logo'],
    ]);
  });

  it('asks to install overlays when cues use them and OBS has neither a browser source nor native bindings', () => {
    const overlays: CueActions['overlays'] = [{ op: 'hide', kind: 'countdown' }];
    const r = preflight('s1', [cue('a', { overlays })], mirror, true, noOverlays, 5);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'overlays_not_installed', fix: { type: 'install_overlays' } })]);
    expect(preflight('s1', [cue('a', { overlays })], mirror, true, { ...noOverlays, browserSources: ['Cuecart Overlays'] }, 5).ok).toBe(true);
  });

  it('checks native bindings: missing kinds, missing inputs and inputs of the wrong kind', () => {
    const overlays: CueActions['overlays'] = [{ op: 'hide', kind: 'lower-third' }, { op: 'hide', kind: 'ticker' }];
    const native = { enabled: true, bindings: { 'lower-third': { fields: { name: 'Title', title: 'Gone', logo: 'Price' } } } };
    const r = preflight('s1', [cue('a', { overlays })], mirror, true, { browserSources: [], native }, 5);
    expect(r.issues.map((i) => [i.code, i.subject])).toEqual([
      ['native_input_missing', 'Gone'],
      ['native_input_wrong_kind', 'Price'],
      ['native_binding_missing', 'ticker'],
    ]);
  });

  it('says OBS is not connected instead of guessing', () => {
    const r = preflight('s1', [cue('a', { scene: 'Main' })], { ...mirror, ready: false }, false, noOverlays, 5);
    expect(r).toMatchObject({ ok: false, obsConnected: false, issues: [{ code: 'obs_not_connected' }] });
  });
});
