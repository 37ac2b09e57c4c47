import { describe, expect, it } from 'vitest';
import type { ObsMirror, PreflightIssue } from '../../electron/contract';
import {
  boundCount,
  cleanBindings,
  inputProblem,
  inputsFor,
  issuesBySeverity,
  preflightSignature,
  sceneItemNames,
} from '../../renderer/src/features/obs/obs-setup-view';

const item = (sourceName: string, children?: ObsMirror['scenes'][number]['items']) => ({
  id: 1,
  sourceName,
  sourceType: children ? ('group' as const) : ('input' as const),
  inputKind: null,
  enabled: true,
  index: 0,
  ...(children ? { children } : {}),
});
const output = { active: false, timecode: '00:00:00', durationMs: 0, measuredAt: 0 };
const mirror = (over: Partial<ObsMirror> = {}): ObsMirror => ({
  revision: 1,
  ready: true,
  sceneCollection: 'c',
  scenes: [
    { name: 'Main', items: [item('Title'), item('Group', [item('Price')])] },
    { name: 'BRB', items: [] },
  ],
  programScene: 'Main',
  previewScene: null,
  studioMode: false,
  inputs: [
    { name: 'Title', kind: 'text_ft2_source_v2', unversionedKind: 'text_ft2_source' },
    { name: 'Win text', kind: 'text_gdiplus_v3', unversionedKind: 'text_gdiplus' },
    { name: 'Logo', kind: 'image_source', unversionedKind: 'image_source' },
    { name: 'Bg', kind: 'color_source_v3', unversionedKind: 'color_source' },
  ],
  transitions: [],
  currentTransition: null,
  transitionDurationMs: null,
  stream: output,
  record: output,
  readAt: 0,
  ...over,
});

describe('OBS setup view helpers', () => {
  it('offers text sources for text fields and image sources for image/logo fields', () => {
    expect(inputsFor(mirror(), 'text')).toEqual(['Title', 'Win text']);
    expect(inputsFor(mirror(), 'image')).toEqual(['Logo']);
    expect(inputProblem(mirror(), 'text', 'Title')).toBeNull();
    expect(inputProblem(mirror(), 'image', 'Title')).toBe('wrongKind');
    expect(inputProblem(mirror(), 'text', 'Gone')).toBe('missing');
  });

  it('lists a scene’s own items (what can be toggled in it)', () => {
    expect(sceneItemNames(mirror(), 'Main')).toEqual(['Title', 'Group']);
    expect(sceneItemNames(mirror(), 'Nope')).toEqual([]);
  });

  it('re-runs preflight for scene, source, input and connection changes, not for outputs or program', () => {
    const base = preflightSignature(true, mirror());
    expect(preflightSignature(true, mirror({ revision: 9, programScene: 'BRB', record: { ...output, active: true, durationMs: 5000 } }))).toBe(base);
    expect(preflightSignature(false, mirror())).not.toBe(base);
    expect(preflightSignature(true, mirror({ scenes: [...mirror().scenes, { name: 'Outro', items: [] }] }))).not.toBe(base);
    const nested = mirror();
    nested.scenes[0]!.items[1]!.children!.push(item('Stock'));
    expect(preflightSignature(true, nested)).not.toBe(base);
    expect(preflightSignature(true, mirror({ inputs: mirror().inputs.slice(1) }))).not.toBe(base);
    expect(preflightSignature(true, undefined)).toBe('none');
  });

  it('groups issues errors first', () => {
    const issue = (code: PreflightIssue['code'], severity: PreflightIssue['severity']): PreflightIssue => ({
      code,
      severity,
      cueId: null,
      cueTitle: '',
      subject: 's',
      message: 'm',
    });
    const groups = issuesBySeverity([issue('source_missing', 'warning'), issue('scene_missing', 'error')]);
    expect(groups.map((g) => [g.severity, g.issues.map((i) => i.code)])).toEqual([
      ['error', ['scene_missing']],
      ['warning', ['source_missing']],
    ]);
    expect(issuesBySeverity([])).toEqual([]);
  });

  it('cleans bindings for the contract and counts bound fields', () => {
    const cleaned = cleanBindings({
      'lower-third': { item: { sceneName: 'Main', sourceName: '' }, fields: { name: 'Title', title: '' } },
      banner: { fields: {} },
      ticker: { item: { sceneName: 'Main', sourceName: 'Ticker' }, fields: {} },
    });
    expect(cleaned).toEqual({
      'lower-third': { fields: { name: 'Title' } },
      ticker: { item: { sceneName: 'Main', sourceName: 'Ticker' }, fields: {} },
    });
    expect(boundCount(cleaned['lower-third'], ['name', 'title', 'text', 'logo'])).toBe(1);
    expect(boundCount(undefined, ['name'])).toBe(0);
  });
});
