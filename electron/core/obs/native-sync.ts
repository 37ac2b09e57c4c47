import type { NativeConfig } from '../../contract';
import { NativeConfig as NativeConfigSchema } from '../../contract';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { MediaStore } from '../media/media.store';
import { diffPlan, NATIVE_FIELDS, nativePlan, type NativePlan } from '../overlays/native-mapping';
import type { OverlayService } from '../overlays/overlays.service';
import type { SettingsStore } from '../settings.store';
import type { ActionResult, ObsAction, ObsBridge } from './index';

const KEY = 'overlays.native';
const OFF: NativeConfig = { enabled: false, bindings: {} };
const EMPTY: NativePlan = { inputSettings: [], sceneItems: [] };

type Failure = ActionResult & { action: string };

/**
 * Native-source mode: keeps bound OBS text and image sources showing the overlay state, for OBS
 * builds without a browser source. Sends only what changed, as one batch; after every
 * reconnect it forgets what it sent and re-applies the whole picture, so OBS always matches.
 */
export class NativeOverlaySync {
  private last: NativePlan = EMPTY;
  private running: Promise<void> | null = null;
  private again = false;
  private tick: ReturnType<typeof setTimeout> | null = null;
  private lastSync: { at: number; failures: Failure[] } | null = null;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly deps: {
      bridge: ObsBridge;
      overlays: OverlayService;
      settings: SettingsStore;
      media: MediaStore;
      clock: Clock;
      bus: EventBus;
    },
  ) {
    this.unsubscribe.push(
      deps.bus.subscribe((e) => {
        if (e.topic === 'overlays.state') this.request();
      }),
      deps.bridge.connection.onConnected(() => {
        this.last = EMPTY; // OBS may have been restarted or edited: send everything again
        this.request();
      }),
    );
  }

  config(): NativeConfig {
    return this.deps.settings.get(KEY, NativeConfigSchema, OFF);
  }

  state() {
    return { ...this.config(), fields: NATIVE_FIELDS as unknown as Record<string, string[]>, lastSync: this.lastSync };
  }

  async setConfig(config: NativeConfig) {
    this.deps.settings.set(KEY, config);
    this.last = EMPTY;
    this.request();
    await this.running;
    return this.state();
  }

  /** Ask for a sync; concurrent asks coalesce into one more run after the current one. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }

  private async run(): Promise<void> {
    const config = this.config();
    if (!config.enabled || this.deps.bridge.status().state !== 'connected') return;
    const state = this.deps.overlays.snapshot();
    const plan = nativePlan(state, config.bindings, {
      now: this.deps.clock.now(),
      mediaFile: (hash) => this.deps.media.resolve(hash)?.file ?? null,
    });
    const diff = diffPlan(this.last, plan);
    const actions: ObsAction[] = [
      ...diff.inputSettings.map((s): ObsAction =>
        'text' in s.inputSettings
          ? { type: 'setText', input: s.inputName, text: s.inputSettings.text }
          : { type: 'setImageFile', input: s.inputName, path: s.inputSettings.file },
      ),
      ...diff.sceneItems.map((i): ObsAction => ({ type: 'setSourceVisible', scene: i.sceneName, source: i.sourceName, visible: i.enabled })),
    ];
    if (actions.length > 0) {
      const results = await this.deps.bridge.applyActions(actions);
      const failures = results.flatMap((r, i) => (r.ok ? [] : [{ ...r, action: describe(actions[i]!) }]));
      this.lastSync = { at: this.deps.clock.now(), failures };
    }
    this.last = plan;
    this.scheduleCountdownTick(config, state.layers.countdown.visible);
  }

  /** A text source cannot count down by itself: while a bound countdown shows, update it each second. */
  private scheduleCountdownTick(config: NativeConfig, countdownVisible: boolean): void {
    if (this.tick) clearTimeout(this.tick);
    this.tick = null;
    if (!countdownVisible || !config.bindings.countdown?.fields.clock) return;
    const delay = 1000 - (this.deps.clock.now() % 1000) + 5;
    this.tick = setTimeout(() => this.request(), delay);
    this.tick.unref?.();
  }

  dispose(): void {
    if (this.tick) clearTimeout(this.tick);
    for (const off of this.unsubscribe) off();
  }
}

function describe(action: ObsAction): string {
  switch (action.type) {
    case 'setText':
    case 'setImageFile':
      return `${action.type} ${action.input}`;
    case 'setSourceVisible':
      return `${action.type} ${action.scene} / ${action.source}`;
    default:
      return action.type;
  }
}
