import { describe, expect, it } from 'vitest';
import { SceneItemIdCache } from '../../../electron/core/obs/item-cache';
import type { MirrorSceneItem } from '../../../electron/core/obs/mirror-types';

const item = (id: number, sourceName: string, index: number, extra: Partial<MirrorSceneItem> = {}): MirrorSceneItem => ({
  id,
  sourceName,
  sourceType: 'input',
  inputKind: 'text_ft2_source_v2',
  enabled: true,
  index,
  ...extra,
});

describe('scene item id cache', () => {
  // Sources-dock order (top first), as the mirror stores it.
  const product = [
    item(5, 'Title', 3),
    item(2, 'Price Group', 2, { sourceType: 'group', inputKind: null, children: [item(1, 'Price', 1), item(4, 'Badge', 0)] }),
    item(3, 'Title', 1),
    item(9, 'Background', 0),
  ];

  it('resolves direct items, and sources inside groups to the group', () => {
    const cache = new SceneItemIdCache();
    cache.fill('Product', product);
    expect(cache.get('Product', 'Background')).toEqual({ sceneName: 'Product', sceneItemId: 9 });
    expect(cache.get('Product', 'Price')).toEqual({ sceneName: 'Price Group', sceneItemId: 1 });
    expect(cache.get('Price Group', 'Badge')).toEqual({ sceneName: 'Price Group', sceneItemId: 4 });
  });

  it('with duplicate names picks the bottom-most, like GetSceneItemId', () => {
    const cache = new SceneItemIdCache();
    cache.fill('Product', product);
    expect(cache.get('Product', 'Title')?.sceneItemId).toBe(3);
  });

  it('invalidating a group also drops the scenes that resolve into it', () => {
    const cache = new SceneItemIdCache();
    cache.fill('Product', product);
    cache.fill('BRB', [item(1, 'Background', 0)]);
    cache.invalidate('Price Group');
    expect(cache.get('Product', 'Price')).toBeUndefined();
    expect(cache.get('Price Group', 'Badge')).toBeUndefined();
    expect(cache.get('BRB', 'Background')).toBeDefined();
    cache.clear();
    expect(cache.get('BRB', 'Background')).toBeUndefined();
  });
});
