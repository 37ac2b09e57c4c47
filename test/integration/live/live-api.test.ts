import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { restRoutes } from '../../../electron/server/rest-routes';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

// The show runner through the built `serve` (what users run): its control API, the tokens, the
// log routes, concurrent Gos from many "seats", and the WebSocket door's seats and roles.

let serve: ServeProcess;
let viewer: string;
let showId: string;
let cueIds: string[];

async function as(token: string | null, method: string, route: string, body?: unknown) {
  const res = await fetch(new URL(`api/v1${route}`, serve.url), {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

beforeAll(async () => {
  serve = await startServe({ args: ['--demo'] });
  viewer = fs.readFileSync(path.join(serve.dataDir, 'viewer-token'), 'utf8').trim();
  const shows = (await api(serve, 'GET', '/shows')).body as { id: string; title: string }[];
  showId = shows.find((s) => s.title.startsWith('小溪'))!.id;
  const detail = (await api(serve, 'GET', `/shows/${showId}`)).body as { segments: { cues: { id: string }[] }[] };
  cueIds = detail.segments.flatMap((s) => s.cues.map((c) => c.id));
});
afterAll(async () => {
  await serve?.stop();
  fs.rmSync(serve.dataDir, { recursive: true, force: true });
});

describe('control API of the show runner (built serve)', () => {
  it('answers Go with no armed show with a clear 409', async () => {
    const r = await api(serve, 'POST', '/show/go');
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/No show is armed/);
    expect((await api(serve, 'GET', '/show')).body).toMatchObject({ state: 'idle', currentCueId: null, standbyCueId: null });
  });

  it('refuses every call without a token (401) and every write with the viewer token (403), changing nothing', async () => {
    const before = await api(serve, 'GET', '/status');
    const runsBefore = (await api(serve, 'GET', '/runs')).body; // the demo's past shows have theirs
    const routes = restRoutes().map((r) => ({ verb: r.verb, path: r.path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === 'id' ? showId : p === 'cueId' ? cueIds[0]! : 'x')), write: r.write }));
    const fileWrites = [
      { verb: 'POST', path: '/products/import', write: true },
      { verb: 'POST', path: '/bundles', write: true },
      { verb: 'POST', path: `/shows/${showId}/recap/imports?kind=products&apply=1`, write: true },
    ];
    for (const r of [...routes, ...fileWrites]) {
      expect((await as(null, r.verb, r.path, r.verb === 'GET' || r.verb === 'DELETE' ? undefined : {})).status, `${r.verb} ${r.path} without token`).toBe(401);
      if (!r.write) continue;
      const res = await as(viewer, r.verb, r.path, r.verb === 'DELETE' ? undefined : {});
      expect(res.status, `${r.verb} ${r.path} as viewer`).toBe(403);
    }
    // The viewer reads everything.
    expect((await as(viewer, 'GET', '/show')).status).toBe(200);
    expect((await as(viewer, 'GET', '/products')).status).toBe(200);
    expect((await as(viewer, 'GET', '/show/log')).status).toBe(200);
    const after = await api(serve, 'GET', '/status');
    expect(after.body.counts).toEqual(before.body.counts);
    expect((await api(serve, 'GET', '/show')).body.state).toBe('idle');
    expect((await api(serve, 'GET', '/runs')).body).toEqual(runsBefore);
  });

  it('arms, and 20 concurrent Gos that expect the same cue advance exactly one', async () => {
    const armed = await api(serve, 'POST', `/shows/${showId}/arm`, { rehearsal: false });
    expect(armed.status).toBe(200);
    expect(armed.body).toMatchObject({ state: 'armed', standbyCueId: cueIds[0], currentCueId: null });
    const first = await api(serve, 'POST', '/show/go', { expectedCueId: null });
    expect(first.status).toBe(200);
    expect(first.body.cueId).toBe(cueIds[0]);
    await new Promise((r) => setTimeout(r, 600)); // past the double-Go guard
    const answers = await Promise.all(Array.from({ length: 20 }, () => api(serve, 'POST', '/show/go', { expectedCueId: cueIds[0] })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    // The refused ones answer with the current state (here: ignored by the double-Go guard).
    expect(answers.find((a) => a.status === 409)!.body.error.details).toMatchObject({ reason: 'double_go', snapshot: { currentCueId: cueIds[1] } });
    // After the guard, a Go that still expects the old cue is stale: 409 and nothing changes.
    await new Promise((r) => setTimeout(r, 600));
    const stale = await api(serve, 'POST', '/show/go', { expectedCueId: cueIds[0] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ reason: 'stale', snapshot: { currentCueId: cueIds[1] } });
    const view = (await api(serve, 'GET', '/show')).body;
    expect(view).toMatchObject({ state: 'running', currentCueId: cueIds[1], standbyCueId: cueIds[2] });
    expect(view.cues.slice(0, 3).map((c: { status: string }) => c.status)).toEqual(['done', 'current', 'standby']);
    expect(typeof view.now).toBe('number');
    expect(typeof view.projectedEndAt).toBe('number');
  });

  it('takes markers and host messages, jumps, skips and answers bad input with 400', async () => {
    expect((await api(serve, 'POST', '/markers', { label: '爆单' })).status).toBe(200);
    expect((await api(serve, 'POST', '/show/message', { text: '讲赠品' })).body.message.text).toBe('讲赠品');
    expect((await api(serve, 'POST', `/show/cues/${cueIds[5]}/skip`, {})).body.skipped).toContain(cueIds[5]);
    const jumped = await api(serve, 'POST', `/show/cues/${cueIds[4]}/go`, {});
    expect(jumped.body.position).toMatchObject({ currentCueId: cueIds[4], standbyCueId: cueIds[6] });
    // The answer is the show's position, not the whole state: it does not grow with the cues
    // fired and the markers set (those are in GET /show).
    expect(jumped.body.position).not.toHaveProperty('markers');
    expect(jumped.body.position).not.toHaveProperty('fired');
    expect(JSON.stringify(jumped.body).length).toBeLessThan(1024);
    expect((await api(serve, 'GET', '/show')).body.markers.map((m: { label: string }) => m.label)).toContain('爆单');
    expect((await api(serve, 'POST', '/show/message', { text: 42 })).status).toBe(400);
    expect((await api(serve, 'POST', '/show/cues/nope/go', {})).status).toBe(404);
  });

  it('serves the as-run log as JSON (paged by seq) and as CSV, every row with seq, time, kind and source', async () => {
    const all = (await api(serve, 'GET', '/show/log')).body as { rows: { seq: number; at: number; kind: string; source: string }[] };
    expect(all.rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['arm', 'go', 'go.ignored', 'go.stale', 'marker', 'message', 'skip']));
    expect(all.rows.every((r, i) => i === 0 || r.seq > all.rows[i - 1]!.seq)).toBe(true);
    expect(new Set(all.rows.map((r) => r.source))).toContain('api');
    const since = all.rows[3]!.seq;
    const page = (await api(serve, 'GET', `/show/log?since=${since}`)).body as { rows: { seq: number }[] };
    expect(page.rows[0]!.seq).toBeGreaterThan(since);
    expect(page.rows).toHaveLength(all.rows.length - 4);
    const csv = await fetch(new URL('api/v1/show/log?format=csv&lang=en', serve.url), { headers: { Authorization: `Bearer ${viewer}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel opens it as UTF-8
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Seq,Time,Kind,Source,Cue,Summary,Details (JSON)');
    expect(lines).toHaveLength(all.rows.length + 1);
    expect(text).toContain('Marker: 爆单');
    const runs = (await api(serve, 'GET', '/runs')).body as { id: string }[];
    expect((await api(serve, 'GET', `/runs/${runs[0]!.id}/log?format=json`)).body.rows).toHaveLength(all.rows.length);
    expect((await api(serve, 'GET', '/runs/nope/log')).status).toBe(404);
  });

  it('lists WebSocket seats with their names and roles, and a viewer seat cannot write', async () => {
    const wsUrl = (token: string, seat: string) => `${serve.url.replace('http', 'ws')}ws?token=${encodeURIComponent(token)}&seat=${encodeURIComponent(seat)}`;
    const open = (url: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, { headers: { Origin: serve.url.replace(/\/$/, '') } });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    const call = (ws: WebSocket, method: string, input: unknown) =>
      new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => {
        const id = Math.floor(Math.random() * 1e9);
        const onMessage = (data: Buffer) => {
          const msg = JSON.parse(data.toString());
          if (msg.type === 'result' && msg.id === id) {
            ws.off('message', onMessage);
            resolve(msg);
          }
        };
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    const desk = await open(wsUrl(serve.token, 'Desk 2'));
    const prompter = await open(wsUrl(viewer, 'prompter'));
    try {
      const seats = ((await api(serve, 'GET', '/show')).body.seats as { name: string; role: string }[]).map((s) => `${s.name}:${s.role}`);
      expect(seats).toEqual(expect.arrayContaining(['Desk 2:operator', 'prompter:viewer']));
      expect(await call(prompter, 'live.go', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(prompter, 'live.get', {})).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 600));
      expect(await call(desk, 'live.marker', { label: 'from desk 2' })).toMatchObject({ ok: true });
      const rows = (await api(serve, 'GET', '/show/log')).body.rows as { kind: string; source: string; details: { label?: string } }[];
      expect(rows.find((r) => r.details.label === 'from desk 2')?.source).toBe('ws:Desk 2');
    } finally {
      desk.close();
      prompter.close();
    }
  });
});
