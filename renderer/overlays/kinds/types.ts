import type { OverlayLabels, OverlayLocale } from '../../../electron/contract/overlay-format';
import type { OverlayCanvas } from '../../../electron/contract/overlay-kinds';
import type { OverlayTheme } from '../../../electron/contract/overlay-theme';

export interface RenderContext {
  theme: OverlayTheme;
  locale: OverlayLocale;
  labels: OverlayLabels;
  canvas: OverlayCanvas;
}

/** One appearance of one kind: its elements, filled again on every update while shown. */
export interface KindView<C> {
  readonly el: HTMLElement;
  render(content: C, ctx: RenderContext): void;
  /** Called when the layer starts leaving: stop anything that ticks. */
  stop?(): void;
}

export type KindFactory<C> = () => KindView<C>;
