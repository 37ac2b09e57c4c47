import type { RouterPart } from '../handlers';
import type { Clock } from '../clock';
import type { ObsBridge } from './index';
import type { NativeOverlaySync } from './native-sync';
import type { OverlayInstaller } from './overlay-install';
import { asAppError } from './errors';
import { preflight, type PreflightCue } from './preflight';

export interface SetupDeps {
  bridge: ObsBridge;
  native: NativeOverlaySync;
  installer: OverlayInstaller;
  clock: Clock;
  /** A show's cues in run order (throws NOT_FOUND for an unknown show). */
  cuesOf(showId: string): PreflightCue[];
}

/** Browser sources in OBS whose URL points at our overlay pages. */
async function overlayBrowserSources(bridge: ObsBridge): Promise<string[]> {
  const found: string[] = [];
  for (const input of bridge.mirrorSnapshot().inputs) {
    if (input.unversionedKind !== 'browser_source') continue;
    const settings = await bridge.connection.call('GetInputSettings', { inputName: input.name }).catch(() => null);
    const url = settings?.inputSettings.url;
    if (typeof url === 'string' && url.includes('/overlays/')) found.push(input.name);
  }
  return found;
}

export function obsSetupRouter(
  deps: SetupDeps,
): RouterPart<'shows.preflight' | 'obs.scene.create' | 'obs.overlays.install' | 'overlays.native.get' | 'overlays.native.set'> {
  const { bridge, native, installer, clock } = deps;
  return {
    'shows.preflight': async ({ id }) => {
      const cues = deps.cuesOf(id);
      const connected = bridge.status().state === 'connected';
      const browserSources = connected ? await overlayBrowserSources(bridge) : [];
      return preflight(id, cues, bridge.mirrorSnapshot(), connected, { browserSources, native: native.config() }, clock.now());
    },
    'obs.scene.create': async ({ name }) => {
      if (bridge.mirrorSnapshot().scenes.some((s) => s.name === name)) return { created: false };
      try {
        await bridge.connection.call('CreateScene', { sceneName: name });
      } catch (error) {
        throw asAppError(error);
      }
      return { created: true };
    },
    'obs.overlays.install': (input) => installer.install(input),
    'overlays.native.get': () => native.state(),
    'overlays.native.set': (input) => native.setConfig(input),
  };
}
