import type { TickerContent } from '../../../electron/contract/overlays';
import { h, setText } from '../dom';
import type { KindView } from './types';

/**
 * 滚动公告: items scroll right to left forever. Two identical runs slide by one run's width
 * with a CSS animation (the compositor moves it; no script per frame). The duration comes from
 * the run's width and the speed, measured once per change of items.
 */
export function ticker(): KindView<TickerContent> {
  const label = h('div', 'tk-label');
  const track = h('div', 'tk-track');
  const windowEl = h('div', 'tk-window', track);
  const el = h('div', 'tk', label, windowEl);
  let key = '';

  const run = (items: string[], copies: number) => {
    const span = h('span', 'tk-run');
    for (let i = 0; i < copies; i++) for (const item of items) span.append(h('span', 'tk-item', item));
    return span;
  };

  return {
    el,
    render(c, { labels }) {
      setText(label, c.label || labels.ticker);
      const next = `${c.speed}\n${c.items.join('\n')}`;
      if (next === key) return;
      key = next;
      if (c.items.length === 0) {
        track.replaceChildren();
        return;
      }
      // Fill at least the window's width with one run so the loop has no gap.
      const probe = run(c.items, 1);
      track.replaceChildren(probe);
      const single = Math.max(1, probe.offsetWidth); // layout width: transforms (fit, scale, entry) excluded
      const copies = Math.max(1, Math.ceil(windowEl.clientWidth / single));
      const first = run(c.items, copies);
      const second = run(c.items, copies);
      second.setAttribute('aria-hidden', 'true');
      track.replaceChildren(first, second);
      const distance = single * copies;
      track.style.setProperty('--tk-distance', `${-distance}px`);
      track.style.setProperty('--tk-duration', `${(distance / c.speed).toFixed(2)}s`);
    },
  };
}
