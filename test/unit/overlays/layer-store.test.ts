import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileLayerStore, type SavedLayers } from '../../../electron/core/overlays/layer-store';

// The on-air layers survive a crash at any moment: two slots written in turn, each in place with
// a digest, so a write cut short spoils only the slot it was writing.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-layers-'));
  dirs.push(d);
  return d;
}

const picture = (revision: number, text: string): SavedLayers => ({
  version: 1,
  revision,
  slots: { banner: { visible: true, layout: null, content: { text }, changedAt: revision, source: null } },
});

describe('the overlay layers file', () => {
  it('brings back the last picture saved, whichever slot holds it', () => {
    const dir = folder();
    const file = path.join(dir, 'live-overlays.json');
    const store = new FileLayerStore(file);
    expect(store.load()).toBeNull();
    for (let r = 1; r <= 5; r += 1) store.save(picture(r, `福利 ${r}`));
    expect(new FileLayerStore(file).load()).toEqual(picture(5, '福利 5'));
    expect(fs.readdirSync(dir).sort()).toEqual(['live-overlays.b.json', 'live-overlays.json']);
    // Saves go on over the older slot after a restart.
    const again = new FileLayerStore(file);
    again.load();
    again.save(picture(6, '福利 6'));
    expect(new FileLayerStore(file).load()).toEqual(picture(6, '福利 6'));
  });

  it('keeps the picture before when the last write was cut short (any length of it), and never a mix', () => {
    const dir = folder();
    const file = path.join(dir, 'live-overlays.json');
    const store = new FileLayerStore(file);
    store.load();
    store.save(picture(1, 'one'));
    store.save(picture(2, 'two'));
    const slotOf3 = file; // slot 0 again: revision 3 goes over revision 1
    const before = fs.readFileSync(slotOf3);
    store.save(picture(3, 'three, a longer text than before so the write grows the file'));
    const full = fs.readFileSync(slotOf3);
    for (let cut = 0; cut < full.length; cut += 7) {
      // What a kill mid-write leaves: the new bytes up to the cut, the old ones after.
      fs.writeFileSync(slotOf3, Buffer.concat([full.subarray(0, cut), before.subarray(Math.min(cut, before.length))]));
      expect(new FileLayerStore(file).load(), `cut at ${cut}`).toEqual(picture(2, 'two'));
    }
    fs.writeFileSync(slotOf3, Buffer.concat([full, Buffer.from('tail of an older, longer content')])); // killed before the truncate
    expect(new FileLayerStore(file).load()).toEqual(picture(3, 'three, a longer text than before so the write grows the file'));
  });

  it('reads the plain JSON file of older versions, and starts clean on a damaged one', () => {
    const dir = folder();
    const file = path.join(dir, 'live-overlays.json');
    fs.writeFileSync(file, JSON.stringify(picture(7, 'old')));
    expect(new FileLayerStore(file).load()).toEqual(picture(7, 'old'));
    fs.writeFileSync(file, '{"version":1,"revision":3,"slots":{"banner":{"visible":tr');
    expect(new FileLayerStore(file).load()).toBeNull();
  });

  it.runIf(process.platform !== 'win32')('writes private files and never through a link planted in its place', () => {
    const dir = folder();
    const file = path.join(dir, 'live-overlays.json');
    const elsewhere = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(elsewhere, 'keep me');
    fs.symlinkSync(elsewhere, path.join(dir, 'live-overlays.b.json'));
    const store = new FileLayerStore(file);
    store.save(picture(1, 'one'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(() => store.save(picture(2, 'two'))).toThrow();
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('keep me');
  });
});
