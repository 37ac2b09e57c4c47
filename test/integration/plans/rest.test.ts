import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

let a: ServeProcess;
let b: ServeProcess;

beforeAll(async () => {
  [a, b] = await Promise.all([startServe(), startServe()]);
  await api(a, 'POST', '/demo');
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const s of [a, b]) if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

async function raw(s: ServeProcess, method: string, route: string, body?: Buffer, type = 'application/json') {
  return fetch(new URL(`api/v1${route}`, s.url), {
    method,
    headers: { Authorization: `Bearer ${s.token}`, ...(body ? { 'Content-Type': type } : {}) },
    body: body ? new Uint8Array(body) : undefined,
  });
}

describe('control API: shows, run sheets and bundles (real serve processes)', () => {
  it('lists shows and reads one with its cues and computed start times', async () => {
    const list = await api(a, 'GET', '/shows');
    expect(list.status).toBe(200);
    const show = list.body.find((s: { platform: string }) => s.platform === 'douyin');
    const one = await api(a, 'GET', `/shows/${show.id}`);
    expect(one.status).toBe(200);
    const cues = one.body.segments.flatMap((s: { cues: unknown[] }) => s.cues);
    expect(cues[0]).toMatchObject({ startAt: show.startAt, offsetMs: 0 });
    expect(cues[1].startAt).toBe(show.startAt + cues[0].durationMs);
    expect(one.body.timing).toMatchObject({ state: expect.stringMatching(/over|under|exact/) });
    expect((await api(a, 'GET', '/shows?templates=true')).body).toEqual([]);
  });

  it('downloads the run sheet as XLSX (attachment, UTF-8 name) and the cue cards as HTML (inline, locked down)', async () => {
    const [show] = (await api(a, 'GET', '/shows')).body;
    const xlsx = await raw(a, 'GET', `/shows/${show.id}/runsheet?format=xlsx&lang=en`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''/);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const html = await raw(a, 'GET', `/shows/${show.id}/runsheet?format=html`);
    expect(html.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toContain('<html lang="zh-CN">');
    expect((await raw(a, 'GET', `/shows/${show.id}/runsheet?format=doc`)).status).toBe(400);
    expect((await raw(a, 'GET', '/shows/nope/runsheet')).status).toBe(404);
    expect((await fetch(new URL(`api/v1/shows/${show.id}/runsheet`, a.url))).status).toBe(401);
  });

  it('moves a show to another machine: bundle download, preview, import (201), same plan there', async () => {
    const show = (await api(a, 'GET', '/shows')).body.find((s: { platform: string }) => s.platform === 'douyin');
    const res = await raw(a, 'GET', `/shows/${show.id}/bundle`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/cuecart-plan\.json/);
    const bundle = Buffer.from(await res.arrayBuffer());
    const preview = await raw(b, 'POST', '/bundles?preview=1', bundle);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ products: { existing: [] }, hosts: { existing: [] } });
    expect((await api(b, 'GET', '/shows')).body).toEqual([]); // the preview wrote nothing
    const imported = await raw(b, 'POST', '/bundles?onConflict=copy', bundle);
    expect(imported.status).toBe(201);
    const { showId } = (await imported.json()) as { showId: string };
    const there = (await api(b, 'GET', `/shows/${showId}`)).body;
    const here = (await api(a, 'GET', `/shows/${show.id}`)).body;
    const cues = (d: { segments: { cues: unknown[] }[] }) => d.segments.flatMap((s) => s.cues);
    expect(cues(there)).toEqual(cues(here));
    expect(there.warnings).toEqual(here.warnings);
  });

  it('refuses damaged bundles (400 with a reason), wrong content types (415) and bad choices', async () => {
    const bad = await raw(b, 'POST', '/bundles', Buffer.from('{"format":"cuecart.plan","version":1,'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_INPUT', details: { reason: 'damaged' } } });
    expect((await raw(b, 'POST', '/bundles', Buffer.from('{}'), 'image/png')).status).toBe(415);
    expect((await raw(b, 'POST', '/bundles?onConflict=merge', Buffer.from('{}'))).status).toBe(400);
    expect((await raw(b, 'GET', '/bundles')).status).toBe(405);
  });
});
