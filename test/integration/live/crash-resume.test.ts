import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeObs, type FakeObs } from '../../helpers/obs/fake-server';
import { api, startServe, tempDataDir, type ServeProcess } from '../../helpers/serve';

// Kill the real `serve` (SIGKILL: no shutdown code runs) at random moments of a running show,
// some of them in the middle of a Go (its log row committed, OBS still answering), and start it
// again on the same folder: the same show is running at the same cue, and no row of an answered
// call is missing from the as-run log.

const dataDir = tempDataDir('cuecart-crash-live-');
let obs: FakeObs;
let serve: ServeProcess | null = null;
afterAll(async () => {
  await serve?.stop();
  await obs?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function kill(s: ServeProcess): Promise<void> {
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGKILL');
  });
}

interface Answered {
  seq: number;
  kind: 'go' | 'marker';
  cueId: string | null;
}

describe('crash resume of a running show', () => {
  it('resumes at the right cue with every answered row on record, after SIGKILLs at random moments (mid-Go too)', async () => {
    // OBS that answers cue batches, or (for the mid-Go kills) never does: a Go then waits on OBS
    // after its row is committed, until the kill.
    obs = await startFakeObs();
    let hangBatches = false;
    obs.reply = (type) => (hangBatches && type === 'SetCurrentProgramScene' ? 'ignore' : { ok: true });

    serve = await startServe({ dataDir, args: ['--demo'] });
    await api(serve, 'PUT', '/obs/connection', { host: '127.0.0.1', port: obs.port, connectOnStart: true, connect: true });
    const shows = (await api(serve, 'GET', '/shows')).body as { id: string; title: string }[];
    const show = shows.find((s) => s.title.startsWith('小溪'))!;
    expect((await api(serve, 'POST', `/shows/${show.id}/arm`, {})).status).toBe(200);

    const answered: Answered[] = [];
    let random = 0x2545f491; // a fixed seed: the same moments on every run of the test
    const next = () => ((random = (random * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const rounds = [
      { midGo: false, ms: 250 },
      { midGo: true, ms: 0 },
      { midGo: false, ms: 700 },
      { midGo: true, ms: 0 },
      { midGo: false, ms: 400 },
    ];
    for (const round of rounds) {
      hangBatches = round.midGo;
      let inFlight: Promise<unknown>;
      let goTarget: string | null = null;
      if (round.midGo) {
        // One Go whose OBS batch never comes back: kill while it waits.
        const view = (await api(serve, 'GET', '/show')).body as { currentCueId: string | null; standbyCueId: string };
        goTarget = view.standbyCueId;
        await new Promise((r) => setTimeout(r, 550)); // past the double-Go guard
        inFlight = api(serve, 'POST', '/show/go', { expectedCueId: view.currentCueId }).catch(() => null);
        await new Promise((r) => setTimeout(r, 150 + next() * 300));
      } else {
        // Calls one after another until a random moment.
        const until = Date.now() + round.ms * (0.5 + next());
        let i = 0;
        while (Date.now() < until) {
          if (i++ % 3 === 0) {
            await new Promise((r) => setTimeout(r, 520));
            const view = (await api(serve, 'GET', '/show')).body as { currentCueId: string | null; standbyCueId: string | null };
            if (!view.standbyCueId) break;
            const r = await api(serve, 'POST', '/show/go', { expectedCueId: view.currentCueId });
            if (r.status === 200) answered.push({ seq: r.body.seq, kind: 'go', cueId: r.body.cueId });
          } else {
            const r = await api(serve, 'POST', '/markers', { label: `m${i}` });
            if (r.status === 200) answered.push({ seq: r.body.seq, kind: 'marker', cueId: null });
          }
        }
        // Kill while more calls are on their way.
        inFlight = Promise.all([api(serve, 'POST', '/markers', { label: 'x' }), api(serve, 'POST', '/show/message', { text: 'y' })]).catch(() => null);
      }
      await kill(serve);
      await inFlight;
      const lastAnsweredGo = [...answered].reverse().find((a) => a.kind === 'go')?.cueId ?? null;

      serve = await startServe({ dataDir });
      const view = (await api(serve, 'GET', '/show')).body as { state: string; currentCueId: string | null; showId: string };
      expect(view.showId).toBe(show.id);
      expect(view.state).toBe('running');
      // Mid-Go: the Go's row was committed before OBS was asked, so the show is at its cue.
      expect(view.currentCueId).toBe(round.midGo ? goTarget : lastAnsweredGo);
      const rows = (await api(serve, 'GET', '/show/log')).body.rows as { seq: number; kind: string; cueId: string | null }[];
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      for (const a of answered) {
        expect(bySeq.get(a.seq), `answered ${a.kind} #${a.seq}`).toMatchObject({ kind: a.kind, ...(a.kind === 'go' ? { cueId: a.cueId } : {}) });
      }
      const resumes = rows.filter((r) => r.kind === 'resume');
      expect(resumes.at(-1)!.seq).toBeGreaterThan(Math.max(...answered.map((a) => a.seq)));
      // The resumed show keeps going: a Go from here works at once.
      if (round.midGo) answered.push({ seq: rows.find((r) => r.kind === 'go' && r.cueId === goTarget)!.seq, kind: 'go', cueId: goTarget });
    }
    expect(answered.filter((a) => a.kind === 'go').length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
