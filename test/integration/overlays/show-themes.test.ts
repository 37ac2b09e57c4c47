import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME, type OverlayState, type OverlayTheme } from '../../../electron/contract';
import { createCore, type Core } from '../../../electron/core';
import { showThemeKey } from '../../../electron/core/overlays/theme.store';
import { settings } from '../../../db/schema';
import { api, startServe, tempDataDir, type ServeProcess } from '../../helpers/serve';

// Per-show overlay themes in a real SQLite file (kept across a restart) and over the control API.

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function call<T>(c: Core, method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input, { door: 'internal' });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.output as T;
}

describe('per-show themes in the core (real SQLite, real migrations)', () => {
  it('keeps show themes and the active show across a restart, under their settings keys', async () => {
    const dataDir = tempDataDir('cuecart-theme-');
    const first = createCore({ dataDir });
    cores.push(first);
    const show = (title: string) => call<{ id: string }>(first, 'shows.create', { title, startAt: Date.UTC(2026, 5, 1) });
    const a = await show('Show A');
    const b = await show('Show B');
    await call(first, 'overlays.theme.set', { showId: a.id, colors: { accent: '#aa1100' } });
    await call(first, 'overlays.activeShow.set', { showId: a.id });
    const row = first.database.db.select().from(settings).all().find((r) => r.key === showThemeKey(a.id));
    expect((row?.value as OverlayTheme).colors.accent).toBe('#aa1100');
    await first.close();
    cores.pop();

    const again = createCore({ dataDir });
    cores.push(again);
    let state = await call<OverlayState>(again, 'overlays.get', {});
    expect(state).toMatchObject({ activeShowId: a.id, themeSource: 'show' });
    expect(state.theme.colors.accent).toBe('#aa1100');
    state = await call<OverlayState>(again, 'overlays.activeShow.set', { showId: b.id });
    expect(state.theme.colors.accent).toBe(DEFAULT_THEME.colors.accent);
    expect((await call<OverlayTheme>(again, 'overlays.theme.get', { showId: a.id })).colors.accent).toBe('#aa1100');

    // Deleting the active show puts the global theme on air.
    await call(again, 'shows.delete', { id: b.id });
    expect(await call<OverlayState>(again, 'overlays.get', {})).toMatchObject({ activeShowId: null, themeSource: 'global' });
    await again.close();
    cores.pop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('per-show themes over the control API', () => {
  let s: ServeProcess;
  beforeAll(async () => {
    s = await startServe();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('PATCH /overlays/theme with showId, PUT /overlays/active-show, DELETE /overlays/theme/shows/{id}', async () => {
    const a = (await api(s, 'POST', '/shows', { title: 'A', startAt: Date.UTC(2026, 5, 1) })).body.id as string;
    const saved = await api(s, 'PATCH', '/overlays/theme', { showId: a, colors: { accent: '#00aa55' } });
    expect(saved.status).toBe(200);
    expect(saved.body.colors.accent).toBe('#00aa55');
    expect((await api(s, 'GET', '/overlays/theme')).body.colors.accent).toBe(DEFAULT_THEME.colors.accent);
    expect((await api(s, 'GET', `/overlays/theme?showId=${a}`)).body.colors.accent).toBe('#00aa55');

    const active = await api(s, 'PUT', '/overlays/active-show', { showId: a });
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ activeShowId: a, themeSource: 'show' });
    expect(active.body.theme.colors.accent).toBe('#00aa55');

    const reset = await api(s, 'DELETE', `/overlays/theme/shows/${a}`);
    expect(reset.status).toBe(200);
    expect(reset.body.colors.accent).toBe(DEFAULT_THEME.colors.accent);
    expect((await api(s, 'GET', '/overlays')).body).toMatchObject({ activeShowId: a, themeSource: 'global' });

    expect((await api(s, 'PUT', '/overlays/active-show', { showId: 'missing' })).status).toBe(404);
    expect((await api(s, 'PUT', '/overlays/active-show', {})).status).toBe(400);
    expect((await api(s, 'PATCH', '/overlays/theme', { showId: 'missing', colors: { accent: '#000000' } })).status).toBe(404);
    expect((await api(s, 'PUT', '/overlays/active-show', { showId: null })).body.activeShowId).toBeNull();
  });
});
