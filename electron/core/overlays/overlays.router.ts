import type { RouterPart } from '../handlers';
import type { OverlayService } from './overlays.service';

export function overlaysRouter(
  overlays: OverlayService,
): RouterPart<'overlays.get' | 'overlays.show' | 'overlays.hide' | 'overlays.clear' | 'overlays.theme.get' | 'overlays.theme.set'> {
  return {
    'overlays.get': () => overlays.snapshot(),
    'overlays.show': (input) => overlays.show(input),
    'overlays.hide': ({ kind }) => overlays.hide(kind),
    'overlays.clear': () => overlays.clear(),
    'overlays.theme.get': () => overlays.getTheme(),
    'overlays.theme.set': (input) => overlays.setTheme(input),
  };
}
