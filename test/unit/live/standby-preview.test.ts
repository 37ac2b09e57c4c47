import { describe, expect, it } from 'vitest';
import type { ObsAction } from '../../../electron/core/obs';
import { PREVIEW_SETTLE_MS, StandbyPreview, type PreviewTarget } from '../../../electron/core/live/standby-preview';

// The studio-mode Preview follower's decisions, against a stand-in OBS: what it sends, when it
// waits, and what it leaves alone. Real OBS runs it in test/integration/live/live-obs.test.ts.

function rig() {
  let now = 1_000;
  const timers: { at: number; fn: () => void }[] = [];
  const state = {
    enabled: true,
    connected: true,
    busy: false,
    mirror: { ready: true, studioMode: true, previewScene: 'Main' as string | null, scenes: ['Main', 'Product', 'BRB', 'Lower Third'].map((name) => ({ name })) },
    target: { key: 'run\u0000c1\u0000Product', scene: 'Product', cueId: 'c1' } as PreviewTarget | null,
    answer: { ok: true } as { ok: boolean; code?: 'request_failed' | 'not_found'; message?: string },
  };
  const sent: string[] = [];
  const recorded: { cueId: string; ok: boolean }[] = [];
  const preview = new StandbyPreview({
    target: () => state.target,
    enabled: () => state.enabled,
    connected: () => state.connected,
    mirror: () => state.mirror,
    busy: () => state.busy,
    send: async (action: ObsAction) => {
      if (action.type !== 'setPreviewScene') throw new Error(`unexpected ${action.type}`);
      sent.push(action.scene);
      if (state.answer.ok) state.mirror.previewScene = action.scene;
      return state.answer;
    },
    record: (target, result) => recorded.push({ cueId: target.cueId, ok: result.ok }),
    now: () => now,
    timers: {
      setTimeout: (fn, ms) => {
        const t = { at: now + ms, fn };
        timers.push(t);
        return t;
      },
      clearTimeout: (h) => {
        const i = timers.indexOf(h as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
    },
  });
  /** Let `ms` pass: due timers run, and the sends they start settle. */
  const advance = async (ms = 0) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = Math.max(now, next.at);
      next.fn();
      await new Promise((r) => setImmediate(r));
    }
    now = until;
  };
  const standby = (cueId: string, scene: string) => {
    state.target = { key: `run\u0000${cueId}\u0000${scene}`, scene, cueId };
  };
  return { preview, state, sent, recorded, advance, standby };
}

describe('the standby cue in OBS studio-mode Preview', () => {
  it('puts each new standby in Preview once, and records it', async () => {
    const r = rig();
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product']);
    r.preview.kick(); // nothing changed: nothing sent
    await r.advance();
    r.standby('c2', 'Main');
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product', 'Main']);
    expect(r.recorded).toEqual([
      { cueId: 'c1', ok: true },
      { cueId: 'c2', ok: true },
    ]);
  });

  it('never sends while a cue batch is out: it looks again after it', async () => {
    const r = rig();
    r.state.busy = true;
    r.preview.kick();
    await r.advance(200);
    expect(r.sent).toEqual([]);
    r.state.busy = false;
    await r.advance(100);
    expect(r.sent).toEqual(['Product']);
  });

  it('does nothing outside studio mode, when switched off, or without a scene to show; fills Preview when studio mode comes on', async () => {
    const r = rig();
    r.state.mirror.studioMode = false;
    r.preview.kick();
    await r.advance();
    r.state.mirror.studioMode = true;
    r.state.enabled = false;
    r.preview.kick();
    await r.advance();
    r.state.enabled = true;
    r.state.target = null; // a rehearsal, or a cue that keeps the scene
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual([]);

    r.standby('c1', 'Product');
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product']);
    // Studio mode off and on again (OBS puts program in Preview): filled again.
    r.state.mirror.studioMode = false;
    r.preview.kick();
    await r.advance();
    r.state.mirror = { ...r.state.mirror, studioMode: true, previewScene: 'BRB' };
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product', 'Product']);
  });

  it('sets it again when OBS swaps it back right after, but leaves a Preview the producer picks later', async () => {
    const r = rig();
    r.preview.kick();
    await r.advance();
    r.preview.kick(); // the mirror saw our Preview
    await r.advance();
    r.state.mirror.previewScene = 'Main'; // the end of the transition swapped it back
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product', 'Product']);

    await r.advance(PREVIEW_SETTLE_MS + 1);
    r.state.mirror.previewScene = 'BRB'; // the producer, by hand
    r.preview.kick();
    await r.advance(1_000);
    expect(r.sent).toEqual(['Product', 'Product']);
  });

  it('records a refused Preview once and does not retry it; the next standby tries again', async () => {
    const r = rig();
    r.state.answer = { ok: false, code: 'request_failed', message: 'OBS is not in studio mode' };
    for (let i = 0; i < 5; i++) {
      r.preview.kick();
      await r.advance(10);
    }
    expect(r.sent).toEqual(['Product']);
    expect(r.recorded).toEqual([{ cueId: 'c1', ok: false }]);
    r.state.answer = { ok: true };
    r.standby('c2', 'Lower Third');
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product', 'Lower Third']);
  });

  it('tries a standby refused for a missing scene once more when the scene is back in OBS, and only then', async () => {
    const r = rig();
    const scenes = r.state.mirror.scenes;
    r.state.mirror.scenes = scenes.filter((s) => s.name !== 'Product'); // renamed in OBS
    r.state.answer = { ok: false, code: 'not_found', message: 'There is no scene "Product" in OBS.' };
    r.preview.kick();
    await r.advance(10);
    r.preview.kick(); // other OBS changes: still missing, nothing sent
    await r.advance(10);
    expect(r.sent).toEqual(['Product']);
    r.state.answer = { ok: true };
    r.state.mirror.scenes = scenes; // renamed back
    r.preview.kick();
    await r.advance(10);
    r.preview.kick();
    await r.advance(10);
    expect(r.sent).toEqual(['Product', 'Product']);
    expect(r.recorded).toEqual([
      { cueId: 'c1', ok: false },
      { cueId: 'c1', ok: true },
    ]);

    // OBS refuses a scene its own list shows: recorded once, no retry loop on later changes.
    r.standby('c2', 'Main');
    r.state.answer = { ok: false, code: 'not_found', message: 'There is no scene "Main" in OBS.' };
    for (let i = 0; i < 4; i++) {
      r.preview.kick();
      await r.advance(10);
    }
    expect(r.sent).toEqual(['Product', 'Product', 'Main']);
  });

  it('after Cuecart restarts, sends nothing for the standby it finds; after OBS drops and returns, fills Preview again', async () => {
    const r = rig();
    r.preview.adopt();
    r.preview.kick();
    await r.advance(1_000);
    expect(r.sent).toEqual([]);

    r.state.connected = false;
    r.preview.kick();
    await r.advance();
    r.state.connected = true;
    r.state.mirror.previewScene = 'Main';
    r.preview.kick();
    await r.advance();
    expect(r.sent).toEqual(['Product']);
  });
});
