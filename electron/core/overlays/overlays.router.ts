import type { RouterPart } from '../handlers';
import type { OverlayService } from './overlays.service';

export function overlaysRouter(
  overlays: OverlayService,
): RouterPart<
  | 'overlays.get'
  | 'overlays.show'
  | 'overlays.hide'
  | 'overlays.clear'
  | 'overlays.theme.get'
  | 'overlays.theme.set'
  | 'overlays.theme.reset'
  | 'overlays.activeShow.set'
> {
  return {
    'overlays.get': () => overlays.snapshot(),
    'overlays.show': (input) => overlays.show(input),
    'overlays.hide': ({ kind }) => overlays.hide(kind),
    'overlays.clear': () => overlays.clear(),
    'overlays.theme.get': ({ showId }) => overlays.getTheme(showId),
    'overlays.theme.set': ({ showId, ...patch }) => overlays.setTheme(patch, showId),
    'overlays.theme.reset': ({ showId }) => overlays.resetTheme(showId),
    'overlays.activeShow.set': ({ showId }) => overlays.setActiveShow(showId),
  };
}
