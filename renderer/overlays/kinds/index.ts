import type { OverlayKind } from '../../../electron/contract/overlay-kinds';
import { banner } from './banner';
import { countdown } from './countdown';
import { lowerThird } from './lower-third';
import { priceSticker } from './price-sticker';
import { productCard } from './product-card';
import { ticker } from './ticker';
import type { KindFactory } from './types';

export const KIND_VIEWS: { [K in OverlayKind]: KindFactory<any> } = {
  'product-card': productCard,
  'price-sticker': priceSticker,
  'lower-third': lowerThird,
  countdown,
  banner,
  ticker,
};
