import type { Product } from '../../contract';
import type { EventBus } from '../events';

/** Enough for every product a show puts on air; past it the memory starts again. */
const MAX_ENTRIES = 10_000;

/**
 * Products by id from memory, for the paths that put a product on air (overlay cards, stickers,
 * a Go): each read was three SQLite queries. Forgotten whole on every `data.changed` of the
 * products table (create, edit, delete, import, bundle, demo all emit it), and it subscribes
 * before the overlays do, so a card refreshed after an edit reads the edited product.
 */
export class ProductLookup {
  private readonly cache = new Map<string, Product | null>();

  constructor(
    private readonly read: (id: string) => Product | null,
    bus: EventBus,
  ) {
    bus.subscribe((event) => {
      if (event.topic === 'data.changed' && event.payload.table === 'products') this.cache.clear();
    });
  }

  get(id: string): Product | null {
    if (this.cache.has(id)) return this.cache.get(id)!;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    const product = this.read(id);
    this.cache.set(id, product);
    return product;
  }
}
