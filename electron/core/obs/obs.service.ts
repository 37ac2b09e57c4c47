import { z } from 'zod';
import type { ObsActionInput, ObsSettings } from '../../contract';
import type { EventBus } from '../events';
import type { SecretStore } from '../secrets';
import type { SettingsStore } from '../settings.store';
import type { ObsBridge } from './index';

const SETTINGS_KEY = 'obs.connection';
const PASSWORD_SECRET = 'obs.password';
const Saved = z.object({ host: z.string(), port: z.number().int(), connectOnStart: z.boolean() });
const DEFAULTS = { host: '127.0.0.1', port: 4455, connectOnStart: false };

export interface ObsConnectionChange {
  host?: string;
  port?: number;
  password?: string | null;
  connectOnStart?: boolean;
  connect?: boolean;
}

/**
 * The OBS domain of the core: saved settings (password in the secret store, never returned),
 * the bridge's status and mirror pushed to every client as whole snapshots.
 */
export class ObsService {
  constructor(
    private readonly bridge: ObsBridge,
    private readonly settingsStore: SettingsStore,
    private readonly secrets: SecretStore,
    bus: EventBus,
  ) {
    bridge.onStatus((status) => bus.emit('obs.status', status));
    bridge.onMirror((mirror) => bus.emit('obs.mirror', mirror));
  }

  settings(): ObsSettings {
    const saved = this.settingsStore.get(SETTINGS_KEY, Saved, DEFAULTS);
    return { ...saved, hasPassword: Boolean(this.secrets.get(PASSWORD_SECRET)) };
  }

  overview() {
    return { settings: this.settings(), status: this.bridge.status(), mirror: this.bridge.mirrorSnapshot() };
  }

  /** Connect at start when the user asked for it. Never throws: a missing OBS is a status. */
  async start(): Promise<void> {
    const s = this.settings();
    if (s.connectOnStart) await this.configure(true);
  }

  async setConnection(change: ObsConnectionChange) {
    const current = this.settingsStore.get(SETTINGS_KEY, Saved, DEFAULTS);
    const next = {
      host: change.host ?? current.host,
      port: change.port ?? current.port,
      connectOnStart: change.connectOnStart ?? current.connectOnStart,
    };
    this.settingsStore.set(SETTINGS_KEY, next);
    if (change.password !== undefined) this.secrets.set(PASSWORD_SECRET, change.password || null);
    const addressChanged = next.host !== current.host || next.port !== current.port || change.password !== undefined;
    if (change.connect === true) await this.configure(true);
    else if (change.connect === false) await this.configure(false);
    else if (addressChanged && this.bridge.status().state !== 'disconnected') await this.configure(true);
    return this.overview();
  }

  async applyActions(actions: ObsActionInput[]) {
    return { results: await this.bridge.applyActions(actions) };
  }

  private async configure(enabled: boolean): Promise<void> {
    const s = this.settingsStore.get(SETTINGS_KEY, Saved, DEFAULTS);
    await this.bridge.configure({
      enabled,
      host: s.host,
      port: s.port,
      password: this.secrets.get(PASSWORD_SECRET) ?? undefined,
    });
  }

  dispose(): Promise<void> {
    return this.bridge.dispose();
  }
}
