import {
  countdownView,
  couponPrice,
  discountText,
  isSoldOut,
  LABELS,
  moneyText,
  stockText,
  type OverlayLabels,
} from '../../contract/overlay-format';
import { OVERLAY_KINDS, type OverlayContentMap, type OverlayKind, type OverlayState } from '../../contract';

// Native-source mode: OBS builds without a browser source show the same overlay fields through
// existing OBS text and image sources. This file only decides WHAT to set; the OBS bridge turns
// the plan into SetInputSettings and SetSceneItemEnabled requests (one RequestBatch).

/** The fields each kind offers to native sources. Text fields feed text sources, `image`/`logo` image sources. */
export const NATIVE_FIELDS = {
  'product-card': ['title', 'badge', 'livePrice', 'listPrice', 'discount', 'coupon', 'stock', 'limit', 'sellingPoints', 'image'],
  'price-sticker': ['label', 'title', 'livePrice', 'listPrice', 'discount', 'coupon', 'mechanism'],
  'lower-third': ['name', 'title', 'text', 'logo'],
  countdown: ['label', 'clock', 'status'],
  banner: ['title', 'text', 'logo'],
  ticker: ['label', 'text'],
} as const satisfies Record<OverlayKind, readonly string[]>;
export type NativeField<K extends OverlayKind> = (typeof NATIVE_FIELDS)[K][number];

export type NativeValue = { text: string } | { file: string };

/** How one kind is bound in the user's OBS scene collection. */
export interface NativeBinding {
  /** The scene item shown and hidden with the layer (a group or nested scene holding the sources). */
  item?: { sceneName: string; sourceName: string };
  /** Field → the name of the OBS input that shows it. */
  fields: Partial<Record<string, string>>;
}
export type NativeBindings = Partial<{ [K in OverlayKind]: NativeBinding }>;

export interface NativePlan {
  inputSettings: { inputName: string; inputSettings: NativeValue }[];
  sceneItems: { sceneName: string; sourceName: string; enabled: boolean }[];
}

export interface NativeOptions {
  /** Server time for countdown text. */
  now: number;
  /** Absolute file path of a media hash, or null (image sources need files, not URLs). */
  mediaFile(hash: string): string | null;
}

const text = (t: string): NativeValue => ({ text: t });
const price = (minor: number | null, currency: string) => text(minor === null ? '' : moneyText(minor, currency));
/** "券后 ¥79" / "¥79 after coupon" when the product has a coupon, else empty. */
const coupon = (c: Parameters<typeof couponPrice>[0] & { currency: string }, L: OverlayLabels) => {
  const after = couponPrice(c);
  return text(after === null ? '' : L.afterCoupon(moneyText(after, c.currency)));
};

/** Every native field's value for one layer's content. */
export function nativeValues<K extends OverlayKind>(
  kind: K,
  content: OverlayContentMap[K],
  state: Pick<OverlayState, 'theme'>,
  opts: NativeOptions,
): Record<NativeField<K>, NativeValue> {
  const L: OverlayLabels = LABELS[state.theme.locale];
  const file = (hash: string | null): NativeValue => ({ file: (hash && opts.mediaFile(hash)) || '' });
  const locale = state.theme.locale;
  const out = (values: Record<string, NativeValue>) => values as Record<NativeField<K>, NativeValue>;
  switch (kind) {
    case 'product-card': {
      const c = content as OverlayContentMap['product-card'];
      return out({
        title: text(c.shortTitle || c.title),
        badge: text(c.badge || L.role(c.role)),
        livePrice: price(c.livePrice, c.currency),
        listPrice: price(c.listPrice, c.currency),
        discount: text(c.discountText || discountText(c.listPrice, c.livePrice, locale)),
        coupon: coupon(c, L),
        stock: text(stockText(c.stock, isSoldOut(c), L)),
        limit: text(c.limitPerBuyer === null ? '' : L.limit(c.limitPerBuyer)),
        sellingPoints: text(c.sellingPoints.join(' · ')),
        image: file(c.image),
      });
    }
    case 'price-sticker': {
      const c = content as OverlayContentMap['price-sticker'];
      return out({
        label: text(c.label || L.livePrice),
        title: text(c.title),
        livePrice: price(c.livePrice, c.currency),
        listPrice: price(c.listPrice, c.currency),
        discount: text(c.discountText || discountText(c.listPrice, c.livePrice, locale)),
        coupon: coupon(c, L),
        mechanism: text(c.mechanism),
      });
    }
    case 'lower-third': {
      const c = content as OverlayContentMap['lower-third'];
      return out({ name: text(c.name), title: text(c.title), text: text(c.text), logo: file(c.avatar ?? state.theme.logo) });
    }
    case 'countdown': {
      const c = content as OverlayContentMap['countdown'];
      const view = countdownView(c, opts.now);
      const status = view.phase === 'soldOut' ? c.soldOutText || L.soldOut : view.phase === 'ended' ? c.endedText || L.ended : '';
      return out({ label: text(c.label || (c.style === 'giveaway' ? L.giveaway : L.flash)), clock: text(view.clock), status: text(status) });
    }
    case 'banner': {
      const c = content as OverlayContentMap['banner'];
      return out({ title: text(c.title || L.announcement), text: text(c.text), logo: file(state.theme.logo) });
    }
    case 'ticker': {
      const c = content as OverlayContentMap['ticker'];
      return out({ label: text(c.label || L.ticker), text: text(c.items.join('   ·   ')) });
    }
  }
  return out({});
}

/**
 * The OBS changes that make bound sources show `state`: settings for the fields of visible
 * layers (hidden layers keep their text, so they do not flash while fading out) and the
 * enabled flag of each bound scene item. The bridge keeps the plan it applied last and sends
 * only `diffPlan(last, next)`.
 */
export function nativePlan(state: OverlayState, bindings: NativeBindings, opts: NativeOptions): NativePlan {
  const plan: NativePlan = { inputSettings: [], sceneItems: [] };
  for (const kind of OVERLAY_KINDS) {
    const binding = bindings[kind];
    if (!binding) continue;
    const layer = state.layers[kind];
    const shown = layer.visible && layer.content !== null;
    if (shown) {
      const values = nativeValues(kind, layer.content as OverlayContentMap[typeof kind], state, opts) as Record<string, NativeValue>;
      for (const [field, inputName] of Object.entries(binding.fields)) {
        const value = values[field];
        if (inputName && value) plan.inputSettings.push({ inputName, inputSettings: value });
      }
    }
    if (binding.item) plan.sceneItems.push({ ...binding.item, enabled: shown });
  }
  return plan;
}

/** What in `next` differs from `prev` (same input with other settings, same item with another flag). */
export function diffPlan(prev: NativePlan, next: NativePlan): NativePlan {
  const settings = new Map(prev.inputSettings.map((s) => [s.inputName, JSON.stringify(s.inputSettings)]));
  const items = new Map(prev.sceneItems.map((i) => [`${i.sceneName}\u0000${i.sourceName}`, i.enabled]));
  return {
    inputSettings: next.inputSettings.filter((s) => settings.get(s.inputName) !== JSON.stringify(s.inputSettings)),
    sceneItems: next.sceneItems.filter((i) => items.get(`${i.sceneName}\u0000${i.sourceName}`) !== i.enabled),
  };
}
