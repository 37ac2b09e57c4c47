import { LABELS } from '../../electron/contract/overlay-format';
import { isOverlayKind, OVERLAY_KINDS, type OverlayKind } from '../../electron/contract/overlay-kinds';
import type { OverlayState } from '../../electron/contract/overlays';
import { frameLoopRunning } from './frame-loop';
import { KIND_VIEWS } from './kinds';
import { LayerController } from './layer';
import { syncServerClock } from './server-clock';
import { connectOverlayChannel } from './socket';
import { createStage } from './stage';
import './styles/base.css';
import './styles/product-card.css';
import './styles/price-sticker.css';
import './styles/lower-third.css';
import './styles/countdown.css';
import './styles/banner.css';
import './styles/ticker.css';

// An OBS browser source: /overlays/<kind>.html shows one kind, /overlays/all.html every layer
// (in a fixed stacking order: ticker at the back, countdown and sticker in front).
const page = /\/overlays\/([a-z-]+)\.html$/.exec(location.pathname)?.[1] ?? 'all';
const STACK: OverlayKind[] = ['ticker', 'banner', 'lower-third', 'product-card', 'price-sticker', 'countdown'];
const kinds: OverlayKind[] = isOverlayKind(page) ? [page] : STACK.filter((k) => OVERLAY_KINDS.includes(k));

const stage = createStage(document.getElementById('stage')!, kinds);
const layers = new Map(kinds.map((k) => [k, new LayerController<any>(k, stage.slot(k), KIND_VIEWS[k])]));
let revision = -1;
let connected = false;

function apply(state: OverlayState): void {
  syncServerClock(state.now);
  revision = state.revision;
  stage.applyTheme(state.theme);
  const ctx = { theme: state.theme, locale: state.theme.locale, labels: LABELS[state.theme.locale], canvas: stage.canvas };
  for (const [kind, controller] of layers) {
    try {
      controller.apply(state.layers[kind], ctx);
    } catch (error) {
      // One bad layer must not blank the others on air.
      console.error(`overlay ${kind}:`, error);
    }
  }
}

connectOverlayChannel(apply, (up) => {
  connected = up;
  document.documentElement.dataset.connected = String(up);
});

// Read-only facts for tests, benchmarks and the app's preview; nothing here changes the page.
Object.defineProperty(window, 'cuecartOverlay', {
  value: Object.freeze({
    kinds,
    get revision() {
      return revision;
    },
    get connected() {
      return connected;
    },
    get frameLoopRunning() {
      return frameLoopRunning();
    },
  }),
});
