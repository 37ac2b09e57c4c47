import {
  AppError,
  badInput,
  OVERLAY_CONTENT,
  OVERLAY_KINDS,
  type Host,
  type OverlayTheme,
  type OverlayKind,
  type OverlayShowInput,
  type OverlayState,
  type OverlayThemePatch,
  type Product,
} from '../../contract';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import { cardFromProduct, lowerThirdFromHost, stickerFromProduct } from './fill';
import { qrMatrix } from './qr';
import { ThemeBook, type ThemeChange } from './theme-book';
import type { LayerStore, SavedLayers } from './layer-store';
import type { ThemeStore } from './theme.store';

export interface OverlayDeps {
  clock: Clock;
  bus: EventBus;
  product(id: string): Product | null;
  host(id: string): Host | null;
  mediaExists(hash: string): boolean;
  /** Shows own themes and one is active; a deleted show stops being active. */
  showExists(id: string): boolean;
  themes: ThemeStore;
  /** Keeps the layers across restarts; without one they live in memory only. */
  layers?: LayerStore;
  /** Told when the layers could not be kept (the show goes on; the next change tries again). */
  onPersistError?: (error: unknown) => void;
  /** The topic its pushes go out on: OBS's pages listen to `overlays.state`; a rehearsal's preview to `overlays.rehearsal`. */
  topic?: 'overlays.state' | 'overlays.rehearsal';
}

type Content = Record<string, unknown>;

/** One layer as the core keeps it: what is shown, and where it came from (to refresh it). */
interface Slot {
  visible: boolean;
  /** null = the theme's layout for this kind. */
  layout: string | null;
  content: Content | null;
  changedAt: number | null;
  /** A card or sticker filled from the catalog follows the product; `patch` is laid on top. */
  source: { productId: string; patch: Content } | null;
}

const emptySlot = (): Slot => ({ visible: false, layout: null, content: null, changedAt: null, source: null });

/**
 * The overlay picture: six layers and a theme, one revision. Every change is pushed whole as
 * `overlays.state`, so a page (or the app) that missed pushes is right again with the next one.
 */
export class OverlayService {
  private revision = 0;
  private readonly themes: ThemeBook;
  private readonly slots = Object.fromEntries(OVERLAY_KINDS.map((k) => [k, emptySlot()])) as Record<OverlayKind, Slot>;

  constructor(private readonly deps: OverlayDeps) {
    this.themes = new ThemeBook(deps.themes, deps.showExists);
    this.restore(deps.layers?.load() ?? null);
    // A product card follows its product: a stock or price change in the catalog shows at once.
    deps.bus.subscribe((event) => {
      if (event.topic !== 'data.changed') return;
      if (event.payload.table === 'products') this.refreshFromCatalog();
      if (event.payload.table === 'shows' && this.themes.pruneActive()) this.changed();
    });
  }

  snapshot(): OverlayState {
    const theme = this.themes.onAir;
    const layers = {} as Record<OverlayKind, unknown>;
    for (const kind of OVERLAY_KINDS) {
      const s = this.slots[kind];
      layers[kind] = { visible: s.visible, layout: s.layout ?? theme.layouts[kind], content: s.content, changedAt: s.changedAt };
    }
    return {
      revision: this.revision,
      now: this.deps.clock.now(),
      theme,
      activeShowId: this.themes.activeShowId,
      themeSource: this.themes.source,
      layers: layers as OverlayState['layers'],
    };
  }

  show(input: OverlayShowInput): OverlayState {
    const { kind } = input;
    const slot = this.slots[kind];
    const now = this.deps.clock.now();
    let patch: Content = { ...(input.content ?? {}) };
    let base: Content = slot.content ?? {};
    let source = slot.source;

    if ((input.kind === 'product-card' || input.kind === 'price-sticker') && input.productId) {
      const product = this.product(input.productId);
      base = kind === 'product-card' ? cardFromProduct(product) : stickerFromProduct(product);
      source = { productId: product.id, patch };
    } else if (source) {
      source = { ...source, patch: { ...source.patch, ...patch } };
    }
    if (kind === 'lower-third' && typeof patch.hostId === 'string' && patch.hostId !== base.hostId) {
      const host = this.deps.host(patch.hostId);
      if (!host) throw new AppError('NOT_FOUND', `No host with id ${patch.hostId}`, { id: patch.hostId });
      base = { ...base, ...lowerThirdFromHost(host) };
    }
    if (kind === 'countdown') patch = this.countdownTiming(patch, slot, now);

    const content = this.build(kind, base, patch, slot.content);
    slot.content = content;
    slot.source = source;
    slot.visible = true;
    if (input.layout) slot.layout = input.layout;
    slot.changedAt = now;
    return this.changed();
  }

  hide(kind: OverlayKind): OverlayState {
    const slot = this.slots[kind];
    if (!slot.visible) return this.snapshot();
    slot.visible = false;
    slot.changedAt = this.deps.clock.now();
    return this.changed();
  }

  clear(): OverlayState {
    const now = this.deps.clock.now();
    for (const kind of OVERLAY_KINDS) this.slots[kind] = { ...emptySlot(), changedAt: now };
    return this.changed();
  }

  /** The global theme, or with `showId` the theme that show uses. */
  getTheme(showId?: string): OverlayTheme {
    return this.themes.get(showId);
  }

  /** Patch the global theme, or a show's own theme (made from the global one if it has none). */
  setTheme(patch: OverlayThemePatch, showId?: string): OverlayTheme {
    if (patch.logo) this.assertMedia(patch.logo, 'logo');
    return this.themeChanged(this.themes.set(patch, showId));
  }

  /** The show goes back to the global theme. */
  resetTheme(showId: string): OverlayTheme {
    return this.themeChanged(this.themes.reset(showId));
  }

  /**
   * The show being produced: its own theme (if any) goes on air. `deferSave` lets the show runner
   * switch at once and save the choice later (an import may hold the database's write lock).
   */
  setActiveShow(showId: string | null, deferSave?: (save: () => void) => void): OverlayState {
    return this.themes.setActive(showId, deferSave) ? this.changed() : this.snapshot();
  }

  private themeChanged(change: ThemeChange): OverlayTheme {
    if (change.onAir) this.changed();
    return change.theme;
  }

  private changed(): OverlayState {
    this.revision += 1;
    const state = this.snapshot();
    this.deps.bus.emit(this.deps.topic ?? 'overlays.state', state);
    this.persist(); // after the push (pages first), before the answer (nothing acknowledged is lost)
    return state;
  }

  private product(id: string): Product {
    const product = this.deps.product(id);
    if (!product) throw new AppError('NOT_FOUND', `No product with id ${id}`, { id });
    return product;
  }

  /** `durationMs` becomes an end time on the server clock; pages count down from it. */
  private countdownTiming(patch: Content, slot: Slot, now: number): Content {
    const { durationMs, ...rest } = patch;
    if (typeof durationMs === 'number') {
      rest.startsAt ??= now;
      rest.endsAt = now + durationMs;
    } else if (rest.endsAt !== undefined && rest.startsAt === undefined) {
      const running = slot.content && (slot.content.endsAt as number) > now;
      rest.startsAt = running ? slot.content!.startsAt : now;
    } else if (!slot.content && rest.endsAt === undefined) {
      throw new AppError('BAD_INPUT', 'A new countdown needs `durationMs` or `endsAt`', {
        issues: [{ path: ['content', 'durationMs'], code: 'invalid_type', message: 'Give durationMs or endsAt' }],
      });
    }
    return rest;
  }

  /** Merge, validate with the kind's schema, derive the QR code and check images exist. */
  private build(kind: OverlayKind, base: Content, patch: Content, previous: Content | null): Content {
    const parsed = OVERLAY_CONTENT[kind].safeParse({ ...base, ...patch });
    if (!parsed.success) throw badInput(parsed.error, `${kind} content`);
    const content = parsed.data as Content;
    if (kind === 'product-card') {
      const link = content.link as string;
      content.qr = link === '' ? null : previous?.link === link && previous.qr ? previous.qr : qrMatrix(link);
    }
    for (const field of ['image', 'avatar'] as const) {
      const hash = content[field];
      if (typeof hash === 'string' && hash !== previous?.[field]) this.assertMedia(hash, `content.${field}`);
    }
    return content;
  }

  private assertMedia(hash: string, field: string): void {
    if (this.deps.mediaExists(hash)) return;
    throw new AppError('BAD_INPUT', `Unknown image ${hash}: add it to the media library first`, {
      issues: [{ path: field.split('.'), code: 'unknown_media', message: 'Image not found in the media library' }],
    });
  }

  /** What the producer was told is on air is what comes back after a crash. */
  private persist(): void {
    if (!this.deps.layers) return;
    try {
      this.deps.layers.save({ version: 1, revision: this.revision, slots: { ...this.slots } });
    } catch (error) {
      this.deps.onPersistError?.(error);
    }
  }

  /** The layers as they were; a layer whose content no longer passes its schema starts empty. */
  private restore(saved: SavedLayers | null): void {
    if (!saved) return;
    this.revision = saved.revision;
    for (const kind of OVERLAY_KINDS) {
      const slot = saved.slots[kind];
      if (!slot) continue;
      if (slot.content !== null && !OVERLAY_CONTENT[kind].safeParse(slot.content).success) continue;
      this.slots[kind] = { ...slot, content: slot.content as Content | null };
    }
  }

  private refreshFromCatalog(): void {
    let any = false;
    for (const kind of ['product-card', 'price-sticker'] as const) {
      const slot = this.slots[kind];
      if (!slot.source || !slot.content) continue;
      const product = this.deps.product(slot.source.productId);
      if (!product) continue; // deleted: keep what is on screen until the producer changes it
      const base = kind === 'product-card' ? cardFromProduct(product) : stickerFromProduct(product);
      try {
        const next = this.build(kind, base, slot.source.patch, slot.content);
        if (JSON.stringify(next) === JSON.stringify(slot.content)) continue;
        slot.content = next;
        any = true;
      } catch {
        // The product no longer makes valid content (e.g. its image vanished): leave the card as is.
      }
    }
    if (any) this.changed();
  }
}
