import type { LiveSettings } from '../contract';
import type { Dispatch } from '../core/dispatcher';
import type { Logger } from '../core/log';

/** The slice of Electron's `globalShortcut` we use; passed in so tests can hand a stand-in. */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/**
 * Optional system-wide GO / Back (off by default): with OBS in front, the producer's GO key still
 * fires the next cue. Registered only while enabled in the cockpit settings, re-registered when
 * they change, and released on quit. A key another app holds is logged and left alone.
 */
export function wireGlobalShortcuts(gs: GlobalShortcutLike, dispatch: Dispatch, log: Logger) {
  let registered: string[] = [];
  const release = () => {
    for (const accelerator of registered) gs.unregister(accelerator);
    registered = [];
  };
  const fire = (method: 'live.go' | 'live.back') => () => {
    void dispatch(method, { trigger: 'global' }, { door: 'internal', source: 'desk-global' }).then((result) => {
      if (!result.ok && result.error.code !== 'CONFLICT') log.warn('global shortcut failed', { method, error: result.error.message });
    });
  };
  const apply = (settings: LiveSettings['globalShortcuts']) => {
    release();
    if (!settings.enabled) return;
    for (const [accelerator, method] of [
      [settings.go, 'live.go'],
      [settings.back, 'live.back'],
    ] as const) {
      if (!accelerator.trim()) continue;
      let ok: boolean;
      try {
        ok = gs.register(accelerator, fire(method));
      } catch (error) {
        log.warn('global shortcut not valid', { accelerator, error: String(error) });
        continue;
      }
      if (ok) registered.push(accelerator);
      else log.warn('global shortcut taken by another app', { accelerator });
    }
  };
  return { apply, release, get registered() {
    return [...registered];
  } };
}
