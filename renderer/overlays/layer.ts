import type { OverlayKind } from '../../electron/contract/overlay-kinds';
import type { KindFactory, KindView, RenderContext } from './kinds/types';

const LEAVE_FALLBACK_MS = 1500;

/**
 * One kind's layer on the page. Entering plays the kind's `in` keyframes; leaving adds
 * `is-out`, plays the `out` keyframes and then removes the element (a one-shot timer removes it
 * anyway if the animation never reports its end, e.g. in a hidden OBS source).
 */
export class LayerController<C> {
  private current: { wrapper: HTMLElement; view: KindView<C>; layout: string } | null = null;

  constructor(
    private readonly kind: OverlayKind,
    private readonly slot: HTMLElement,
    private readonly factory: KindFactory<C>,
  ) {}

  apply(layer: { visible: boolean; layout: string; content: C | null }, ctx: RenderContext): void {
    if (layer.visible && layer.content !== null) {
      if (this.current && this.current.layout !== layer.layout) this.leave();
      if (!this.current) this.enter(layer.layout);
      this.current!.view.render(layer.content, ctx);
    } else if (this.current) {
      this.leave();
    }
  }

  private enter(layout: string): void {
    const view = this.factory();
    const wrapper = document.createElement('div');
    wrapper.className = `ov-layer ov-${this.kind} layout-${layout}`;
    wrapper.dataset.state = 'entering';
    wrapper.append(view.el);
    wrapper.addEventListener('animationend', (e) => {
      if (e.target === wrapper && wrapper.dataset.state === 'entering') wrapper.dataset.state = 'in';
    });
    this.slot.append(wrapper);
    this.current = { wrapper, view, layout };
  }

  private leave(): void {
    const { wrapper, view } = this.current!;
    this.current = null;
    view.stop?.();
    wrapper.dataset.state = 'leaving';
    wrapper.classList.add('is-out');
    const remove = () => wrapper.remove();
    wrapper.addEventListener('animationend', (e) => {
      if (e.target === wrapper) remove();
    });
    setTimeout(remove, LEAVE_FALLBACK_MS);
  }
}
