import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type OpenedDatabase } from '../../../db/open';
import { manualClock } from '../../../electron/core/clock';
import { SettingsStore } from '../../../electron/core/settings.store';

// Settings are read from memory after the first read (a Go reads the native-source bindings on
// every overlay change). What a user would notice if that memory were wrong: a saved setting not
// taking effect, a changed copy leaking into the next read, a rolled-back save still applying.

const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.close();
    fs.rmSync(path.dirname(o.sqlite.name), { recursive: true, force: true });
  }
});

function store() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-settings-'));
  const o = openDatabase(path.join(dir, 'cuecart.db'), { migrationsFolder: path.join(__dirname, '../../../db/migrations') });
  opened.push(o);
  return { settings: new SettingsStore(o.db, manualClock(0)), o };
}

const Bindings = z.object({ enabled: z.boolean(), inputs: z.array(z.string()) });
const OFF = { enabled: false, inputs: [] };

it('reads what was last saved or removed, and hands every caller its own copy', () => {
  const { settings, o } = store();
  expect(settings.get('native', Bindings, OFF)).toEqual(OFF);
  settings.set('native', { enabled: true, inputs: ['Price'] });
  const first = settings.get('native', Bindings, OFF);
  expect(first).toEqual({ enabled: true, inputs: ['Price'] });
  first.inputs.push('mutated by a caller');
  expect(settings.get('native', Bindings, OFF).inputs).toEqual(['Price']);
  // The same as a fresh store reading the file.
  expect(new SettingsStore(o.db, manualClock(0)).get('native', Bindings, OFF)).toEqual({ enabled: true, inputs: ['Price'] });
  settings.remove('native');
  expect(settings.get('native', Bindings, OFF)).toEqual(OFF);
});

it('forgets a save that a rolled-back transaction made', () => {
  const { settings, o } = store();
  settings.set('native', { enabled: false, inputs: ['Old'] });
  expect(() =>
    o.sqlite.transaction(() => {
      settings.set('native', { enabled: true, inputs: ['New'] });
      expect(settings.get('native', Bindings, OFF).inputs).toEqual(['New']); // read inside the transaction
      throw new Error('rolled back');
    })(),
  ).toThrow('rolled back');
  expect(settings.get('native', Bindings, OFF)).toEqual({ enabled: false, inputs: ['Old'] });
});
