import { z } from 'zod';
import type { NativeConfig, OverlayInstallInput } from '../../contract';
import type { OverlayKind } from '../../contract';
import { OVERLAY_KINDS } from '../../contract';
import { NATIVE_FIELDS } from '../overlays/native-mapping';
import type { ObsBridge } from './index';
import type { NativeOverlaySync } from './native-sync';

type InstallInput = z.infer<typeof OverlayInstallInput>;
type Result = {
  installed: boolean;
  mode: InstallInput['mode'];
  reason?: 'not_connected' | 'no_browser_source' | 'no_text_source' | 'no_scene';
  message: string;
  scene?: string;
  created: string[];
};

export const BROWSER_INPUT = 'Cuecart Overlays';
const TEXT_KINDS = ['text_gdiplus_v3', 'text_gdiplus_v2', 'text_ft2_source_v2', 'text_ft2_source'];
const IMAGE_FIELDS = new Set(['image', 'logo']);
const PRICE_FIELDS = new Set(['livePrice', 'clock', 'name']);

/** Where each kind's native sources start, as a share of the canvas (x, y). */
const ANCHOR: Record<OverlayKind, [number, number]> = {
  'product-card': [0.05, 0.45],
  'price-sticker': [0.62, 0.08],
  'lower-third': [0.05, 0.78],
  countdown: [0.62, 0.3],
  banner: [0.05, 0.05],
  ticker: [0.05, 0.93],
};

export const nativeSceneName = (kind: OverlayKind) => `Cuecart · ${kind}`;
export const nativeInputName = (kind: OverlayKind, field: string) => `Cuecart ${kind} · ${field}`;

/**
 * "Install Cuecart overlays into OBS": a browser source sized to the canvas pointing at our
 * combined overlay page, or — where this OBS has no browser source (Debian's obs-studio is
 * built without CEF) — native text and image sources, one nested scene per overlay kind, bound
 * so native-source mode drives them.
 */
export class OverlayInstaller {
  constructor(
    private readonly bridge: ObsBridge,
    private readonly native: NativeOverlaySync,
    private readonly overlayOrigin: () => string | null,
  ) {}

  async install(input: InstallInput): Promise<Result> {
    const base = { mode: input.mode, created: [] as string[] };
    if (this.bridge.status().state !== 'connected') {
      return { ...base, installed: false, reason: 'not_connected', message: 'Connect OBS first.' };
    }
    const mirror = this.bridge.mirrorSnapshot();
    const scene = input.scene ?? mirror.programScene ?? undefined;
    if (!scene || !mirror.scenes.some((s) => s.name === scene)) {
      return { ...base, installed: false, reason: 'no_scene', message: `Scene "${scene ?? ''}" is not in OBS.` };
    }
    const call = this.bridge.connection.call.bind(this.bridge.connection);
    const kinds = (await call('GetInputKindList', { unversioned: false })).inputKinds;
    const video = await call('GetVideoSettings');
    const width = video.baseWidth;
    const height = video.baseHeight;
    const vertical = input.canvas ? input.canvas === '9:16' : height > width;
    return input.mode === 'browser'
      ? this.installBrowser(kinds, scene, width, height, vertical, base)
      : this.installNative(kinds, scene, width, height, base);
  }

  private async installBrowser(kinds: string[], scene: string, width: number, height: number, vertical: boolean, base: { mode: 'browser' | 'native'; created: string[] }): Promise<Result> {
    if (!kinds.includes('browser_source')) {
      return {
        ...base,
        installed: false,
        reason: 'no_browser_source',
        message: 'This OBS has no browser source (it was built without the browser plugin). Use native-source mode: Cuecart drives text and image sources instead.',
      };
    }
    const origin = this.overlayOrigin();
    const url = `${origin ?? 'http://127.0.0.1:5170'}/overlays/all.html?canvas=${vertical ? '9x16' : '16x9'}`;
    const settings = { url, width, height, reroute_audio: false, shutdown: false, restart_when_active: false };
    const call = this.bridge.connection.call.bind(this.bridge.connection);
    const mirror = this.bridge.mirrorSnapshot();
    if (mirror.inputs.some((i) => i.name === BROWSER_INPUT)) {
      await call('SetInputSettings', { inputName: BROWSER_INPUT, inputSettings: settings, overlay: true });
      const inScene = mirror.scenes.find((s) => s.name === scene)?.items.some((i) => i.sourceName === BROWSER_INPUT);
      if (!inScene) await call('CreateSceneItem', { sceneName: scene, sourceName: BROWSER_INPUT, sceneItemEnabled: true });
    } else {
      await call('CreateInput', { sceneName: scene, inputName: BROWSER_INPUT, inputKind: 'browser_source', inputSettings: settings, sceneItemEnabled: true });
      base.created.push(BROWSER_INPUT);
    }
    return { ...base, installed: true, scene, message: `Browser source "${BROWSER_INPUT}" shows ${url} in "${scene}".` };
  }

  private async installNative(kinds: string[], scene: string, width: number, height: number, base: { mode: 'browser' | 'native'; created: string[] }): Promise<Result> {
    const textKind = TEXT_KINDS.find((k) => kinds.includes(k));
    if (!textKind) {
      return { ...base, installed: false, reason: 'no_text_source', message: 'This OBS has no text source plugin; native-source mode needs one.' };
    }
    const call = this.bridge.connection.call.bind(this.bridge.connection);
    const mirror = this.bridge.mirrorSnapshot();
    const scenes = new Set(mirror.scenes.map((s) => s.name));
    const inputs = new Set(mirror.inputs.map((i) => i.name));
    const targetItems = new Set(mirror.scenes.find((s) => s.name === scene)?.items.map((i) => i.sourceName) ?? []);
    const gdi = textKind.startsWith('text_gdiplus');
    const bindings: NativeConfig['bindings'] = {};

    for (const kind of OVERLAY_KINDS) {
      const holder = nativeSceneName(kind);
      if (!scenes.has(holder)) {
        await call('CreateScene', { sceneName: holder });
        base.created.push(holder);
      }
      const fields: Record<string, string> = {};
      let y = Math.round(ANCHOR[kind][1] * height);
      const x = Math.round(ANCHOR[kind][0] * width);
      for (const field of NATIVE_FIELDS[kind]) {
        const name = nativeInputName(kind, field);
        fields[field] = name;
        if (inputs.has(name)) continue;
        const image = IMAGE_FIELDS.has(field);
        const size = PRICE_FIELDS.has(field) ? 64 : 36;
        const inputSettings: Record<string, string | boolean | Record<string, string | number>> = image
          ? { file: '' }
          : { text: '', font: { face: gdi ? 'Microsoft YaHei' : 'Noto Sans CJK SC', size, style: 'Bold', flags: 1 }, outline: true };
        const created = await call('CreateInput', { sceneName: holder, inputName: name, inputKind: image ? 'image_source' : textKind, inputSettings, sceneItemEnabled: true });
        await call('SetSceneItemTransform', { sceneName: holder, sceneItemId: created.sceneItemId, sceneItemTransform: { positionX: x, positionY: y } });
        y += image ? 320 : size + 16;
        base.created.push(name);
      }
      if (!targetItems.has(holder)) await call('CreateSceneItem', { sceneName: scene, sourceName: holder, sceneItemEnabled: false });
      bindings[kind] = { item: { sceneName: scene, sourceName: holder }, fields };
    }
    await this.native.setConfig({ enabled: true, bindings });
    return {
      ...base,
      installed: true,
      scene,
      message: `Native overlay sources are in "${scene}" (one nested scene per overlay); move and style them in OBS as you like.`,
    };
  }
}
