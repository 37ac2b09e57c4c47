import { countdownView, type CountdownPhase } from '../../../electron/contract/overlay-format';
import type { CountdownContent } from '../../../electron/contract/overlays';
import { h, setText } from '../dom';
import { addFrameTask } from '../frame-loop';
import { serverNow } from '../server-clock';
import type { KindView, RenderContext } from './types';

const URGENT_MS = 10_000;

/**
 * 秒杀/福袋倒计时, counted from the server's end time (never from when this page loaded), so a
 * reloaded source shows the right time at once. Ticks with requestAnimationFrame only while it
 * runs; the DOM is written only when the shown second or the bar's width changes.
 */
export function countdown(): KindView<CountdownContent> {
  const label = h('div', 'cd-label');
  const clock = h('div', 'cd-clock');
  const status = h('div', 'cd-status');
  const fill = h('div', 'cd-fill');
  const bar = h('div', 'cd-bar', fill);
  const el = h('div', 'cd', h('div', 'cd-head', label), h('div', 'cd-face', clock, status), bar);

  let content: CountdownContent | null = null;
  let ctx: RenderContext | null = null;
  let stopTask: (() => void) | null = null;
  let shownFraction = -1;
  let shownPhase: CountdownPhase | null = null;

  const paint = (): boolean => {
    if (!content || !ctx) return false;
    const view = countdownView(content, serverNow());
    setText(clock, view.clock, false);
    const fraction = Math.round(view.fraction * 1000) / 1000;
    if (fraction !== shownFraction) {
      shownFraction = fraction;
      fill.style.setProperty('transform', `scaleX(${fraction})`);
    }
    const urgent = view.phase === 'running' && view.remainingMs <= URGENT_MS;
    if (el.classList.contains('is-urgent') !== urgent) el.classList.toggle('is-urgent', urgent);
    if (view.phase !== shownPhase) {
      shownPhase = view.phase;
      el.dataset.phase = view.phase;
      const text = view.phase === 'soldOut' ? content.soldOutText || ctx.labels.soldOut : view.phase === 'ended' ? content.endedText || ctx.labels.ended : '';
      setText(status, text);
    }
    const running = view.phase === 'running';
    if (!running) stopTask = null;
    return running;
  };

  return {
    el,
    render(c, renderCtx) {
      content = c;
      ctx = renderCtx;
      el.dataset.style = c.style;
      setText(label, c.label || (c.style === 'giveaway' ? renderCtx.labels.giveaway : renderCtx.labels.flash));
      shownPhase = null;
      if (paint() && !stopTask) stopTask = addFrameTask(paint);
    },
    stop() {
      stopTask?.();
      stopTask = null;
    },
  };
}
