import { CANVAS_SIZE, type OverlayCanvas, type OverlayKind } from '../../electron/contract/overlay-kinds';
import type { OverlayTheme } from '../../electron/contract/overlay-theme';

export interface Stage {
  canvas: OverlayCanvas;
  slot(kind: OverlayKind): HTMLElement;
  applyTheme(theme: OverlayTheme): void;
}

/**
 * The canvas (1920×1080, or 1080×1920 with `?canvas=9x16`), scaled to fit the window so the
 * app's preview can show the same page small. Transparent unless `?bg=studio|dark|checker`
 * asks for a backdrop (previews and screenshots).
 */
export function createStage(root: HTMLElement, kinds: readonly OverlayKind[]): Stage {
  const params = new URLSearchParams(location.search);
  const canvas: OverlayCanvas = params.get('canvas') === '9x16' ? '9x16' : '16x9';
  const { width, height } = CANVAS_SIZE[canvas];
  const html = document.documentElement;
  html.dataset.canvas = canvas;
  const bg = params.get('bg');
  if (bg === 'studio' || bg === 'dark' || bg === 'checker') html.dataset.bg = bg;
  root.style.setProperty('--canvas-w', `${width}px`);
  root.style.setProperty('--canvas-h', `${height}px`);

  const fit = () => {
    const scale = Math.min(window.innerWidth / width, window.innerHeight / height);
    root.style.setProperty('--fit', String(Number.isFinite(scale) && scale > 0 ? scale : 1));
  };
  fit();
  window.addEventListener('resize', fit);

  const slots = new Map<OverlayKind, HTMLElement>();
  for (const kind of kinds) {
    const slot = document.createElement('div');
    slot.className = `ov-slot ov-slot-${kind}`;
    slot.dataset.kind = kind;
    root.append(slot);
    slots.set(kind, slot);
  }

  let lastTheme = '';
  return {
    canvas,
    slot: (kind) => slots.get(kind)!,
    applyTheme(theme) {
      const key = JSON.stringify(theme);
      if (key === lastTheme) return;
      lastTheme = key;
      const vars: Record<string, string> = {
        '--accent': theme.colors.accent,
        '--accent2': theme.colors.accent2,
        '--accent-soft': `${theme.colors.accent.slice(0, 7)}1f`,
        '--highlight': theme.colors.highlight,
        '--panel': theme.colors.panel,
        '--ink': theme.colors.ink,
        '--ink-muted': theme.colors.inkMuted,
        '--on-accent': theme.colors.onAccent,
        '--font': theme.fontStack,
      };
      // CSSOM custom properties: allowed by the page's CSP (no inline style attributes).
      for (const [name, value] of Object.entries(vars)) html.style.setProperty(name, value);
      html.lang = theme.locale;
      for (const [kind, slot] of slots) {
        const p = theme.placement[canvas][kind];
        slot.dataset.anchor = p.anchor;
        slot.style.setProperty('--x', `${p.x}px`);
        slot.style.setProperty('--y', `${p.y}px`);
        slot.style.setProperty('--scale', String(p.scale));
      }
    },
  };
}
