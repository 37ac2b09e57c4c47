import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../electron/core/clock';
import { ObsMirror } from '../../../electron/core/obs/mirror';
import { mirrorStandIn as standIn } from '../../helpers/obs/mirror-stand-in';

// Two races seen against real OBS on a busy machine, replayed here with a stand-in connection so
// they happen every time: an answer and the event behind it handled in the "wrong" order, and a
// removed scene OBS still answers to by name.

describe('OBS mirror races', () => {
  it('an event handled before the older read it overtook keeps its value', async () => {
    const obs = standIn();
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    expect(mirror.snapshot().programScene).toBe('Main');

    // A re-read is answered (program = Main) and, in the same chunk, the switch to BRB arrives:
    // the event is handled first, the read's answer after it.
    obs.holdNextRead((release) => {
      obs.state.program = 'BRB';
      obs.emit('CurrentProgramSceneChanged', { sceneName: 'BRB' });
      release();
    });
    mirror.mark({ overview: true });
    await mirror.whenIdle();
    expect(mirror.snapshot().programScene).toBe('BRB');
    mirror.dispose();
  });

  it('a visibility change during a read keeps the item ids: the next cue resolves without asking OBS', async () => {
    const obs = standIn();
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    expect(await mirror.resolveSceneItem('Main', 'Logo')).toEqual({ sceneName: 'Main', sceneItemId: 3 });
    // The change lands during a read; the re-read of Main it causes is still out when the next
    // cue asks for the item.
    let releaseReread: (() => void) | null = null;
    obs.holdNextRead((release) => {
      obs.emit('SceneItemEnableStateChanged', { sceneName: 'Main', sceneItemId: 3, sceneItemEnabled: false });
      obs.holdNextRead((r) => (releaseReread = r));
      release();
    });
    mirror.mark({ overview: true });
    while (!releaseReread) await new Promise((r) => setTimeout(r, 1));
    expect(await mirror.resolveSceneItem('Main', 'Logo')).toEqual({ sceneName: 'Main', sceneItemId: 3 });
    expect(obs.calls).toEqual([]); // no GetSceneItemId round trip before the next batch
    (releaseReread as () => void)();
    await mirror.whenIdle();
    mirror.dispose();
  });

  it('in studio mode, a transition that ends makes the mirror read OBS again (an answer given mid-transition may name the old program scene)', async () => {
    const obs = standIn();
    obs.state.studio = true;
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    expect(mirror.snapshot()).toMatchObject({ studioMode: true, programScene: 'Main' });
    // The switch's event was overwritten by such an answer: only OBS now knows it is BRB.
    obs.state.program = 'BRB';
    obs.emit('SceneTransitionEnded', { transitionName: 'Fade' });
    await mirror.whenIdle();
    expect(mirror.snapshot().programScene).toBe('BRB');
    mirror.dispose();
  });

  it('a scene OBS said it removed is not_found at once, without asking OBS (which may still answer)', async () => {
    const obs = standIn();
    const mirror = new ObsMirror(obs.conn, { clock: manualClock() });
    await mirror.whenIdle();
    obs.state.scenes = ['Main'];
    obs.emit('SceneRemoved', { sceneName: 'BRB', isGroup: false });
    await mirror.whenIdle();
    await expect(mirror.resolveSceneItem('BRB', 'Title')).rejects.toMatchObject({ code: 'not_found' });
    expect(mirror.isRemovedScene('BRB')).toBe(true);
    expect(obs.calls).toEqual([]);
    // Created again: it is back.
    obs.state.scenes = ['Main', 'BRB'];
    obs.emit('SceneCreated', { sceneName: 'BRB', isGroup: false });
    await mirror.whenIdle();
    expect(mirror.isRemovedScene('BRB')).toBe(false);
    expect(await mirror.resolveSceneItem('BRB', 'Title')).toEqual({ sceneName: 'BRB', sceneItemId: 7 });
    mirror.dispose();
  });
});
