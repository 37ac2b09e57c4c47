import { setImmediate as afterIo } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../electron/core/clock';
import { ObsMirror } from '../../../electron/core/obs/mirror';
import { mirrorStandIn } from '../../helpers/obs/mirror-stand-in';

// While a cue's batch is out, the events OBS sends about it (they arrive just before its answer)
// change the mirror at once but are published after the answer was handled, in one publish.

async function readyMirror() {
  const obs = mirrorStandIn();
  const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
  await mirror.whenIdle();
  const published: { programScene: string | null; logo: boolean | undefined }[] = [];
  mirror.onChange((s) => published.push({ programScene: s.programScene, logo: s.scenes.find((c) => c.name === 'Main')?.items[0]?.enabled }));
  return { obs, mirror, published };
}

describe('OBS mirror: publishing held while a cue batch is out', () => {
  it('publishes an event at once when no batch is out', async () => {
    const { obs, mirror, published } = await readyMirror();
    obs.emit('CurrentProgramSceneChanged', { sceneName: 'BRB' });
    expect(published).toEqual([{ programScene: 'BRB', logo: true }]);
    expect(mirror.snapshot().programScene).toBe('BRB');
  });

  it("holds the batch's events, then publishes them once, after the caller's own continuation", async () => {
    const { obs, mirror, published } = await readyMirror();
    const release = mirror.holdPublishing();
    obs.emit('CurrentProgramSceneChanged', { sceneName: 'BRB' });
    obs.emit('SceneItemEnableStateChanged', { sceneName: 'Main', sceneItemId: 3, sceneItemEnabled: false });
    expect(published).toEqual([]);
    expect(mirror.snapshot().programScene).toBe('Main');

    release();
    // The Go answers in the microtasks after the batch settles: still nothing published then.
    await Promise.resolve();
    expect(published).toEqual([]);
    await afterIo();
    expect(published).toEqual([{ programScene: 'BRB', logo: false }]);
    release(); // a second release changes nothing
    await afterIo();
    expect(published).toHaveLength(1);
  });

  it('waits for the last of two batches out at once', async () => {
    const { obs, mirror, published } = await readyMirror();
    const first = mirror.holdPublishing();
    const second = mirror.holdPublishing();
    obs.emit('CurrentProgramSceneChanged', { sceneName: 'BRB' });
    first();
    await afterIo();
    expect(published).toEqual([]);
    second();
    await afterIo();
    expect(published).toEqual([{ programScene: 'BRB', logo: true }]);
  });

  it('publishes nothing after release when no event came', async () => {
    const { mirror, published } = await readyMirror();
    mirror.holdPublishing()();
    await afterIo();
    expect(published).toEqual([]);
  });
});
