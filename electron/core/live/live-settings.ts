import { LiveSettings, type LiveSettingsPatch } from '../../contract';
import type { z } from 'zod';
import type { SettingsStore } from '../settings.store';

const KEY = 'live.settings';
/** As stored: settings saved before a field existed read with its default (not as a whole new default). */
const Stored = LiveSettings.extend({ obsPreviewStandby: LiveSettings.shape.obsPreviewStandby.default(true) });

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  keys: { go: 'Space', back: 'Backspace', hideAll: 'Escape', marker: 'KeyM', cancelAutoGo: 'KeyC' },
  // '' = the built-in label in the seat's language (上链接 / Link up ...).
  quickMarkers: ['', '', '', '', '', '', '', '', ''],
  doubleGoMs: 500,
  autoGoMs: 3000,
  globalShortcuts: { enabled: false, go: 'CommandOrControl+Shift+Space', back: 'CommandOrControl+Shift+Backspace' },
  obsPreviewStandby: true,
};

/**
 * Cockpit settings, kept in the main database but read from memory: a Go checks the double-Go
 * guard without touching SQLite (an import may hold the main database's write lock).
 */
export class LiveSettingsStore {
  private current: LiveSettings;
  constructor(
    private readonly store: SettingsStore,
    private readonly onChange: (settings: LiveSettings) => void = () => {},
  ) {
    this.current = store.get(KEY, Stored, DEFAULT_LIVE_SETTINGS);
  }

  get(): LiveSettings {
    return this.current;
  }

  set(patch: z.output<typeof LiveSettingsPatch>): LiveSettings {
    const next = LiveSettings.parse({
      ...this.current,
      ...patch,
      keys: { ...this.current.keys, ...patch.keys },
      globalShortcuts: { ...this.current.globalShortcuts, ...patch.globalShortcuts },
    });
    this.store.set(KEY, next);
    this.current = next;
    this.onChange(next);
    return next;
  }
}
