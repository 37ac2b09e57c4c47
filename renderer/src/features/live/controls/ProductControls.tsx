import { Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverlayState } from '../../../../../electron/contract';
import { moneyText } from '../../../../../electron/contract/overlay-format';
import { useKindActions } from '../useOverlays';
import { Field } from './Field';
import { KindCard } from './KindCard';
import { ProductPicker } from './ProductPicker';
import { useSeededDraft } from './useSeededDraft';

type Layers = OverlayState['layers'];

const price = (minor: number | null, currency: string) => (minor === null ? '' : moneyText(minor, currency));

/**
 * 商品卡: pick a product, show it. The card is filled from the catalog and follows it (a price
 * or stock change shows at once); "Sold out" stamps it whatever the stock says.
 */
export function ProductCardControl({ layer }: { layer: Layers['product-card'] }) {
  const { t } = useTranslation();
  const { show, hide } = useKindActions('product-card');
  const c = layer.content;
  // "Sold out" seeds only when it was set by hand (a product without stock is stamped anyway).
  const { draft, edit, sent } = useSeededDraft(c, layer.changedAt, (x) => ({ productId: x?.productId ?? null, soldOut: !!x?.soldOut && x.stock !== 0 }));
  const { productId, soldOut } = draft;
  return (
    <KindCard
      kind="product-card"
      onAir={layer.visible}
      summary={c && [c.shortTitle || c.title, price(c.livePrice, c.currency)].filter(Boolean).join(' · ')}
      ready={!!productId}
      busy={{ show: show.isPending, hide: hide.isPending }}
      onShow={() => productId && show.mutate({ kind: 'product-card', productId, ...(soldOut ? { content: { soldOut: true } } : {}) }, { onSuccess: sent })}
      onHide={() => hide.mutate()}
    >
      <Field label={t('live.fields.product')}>
        <ProductPicker value={productId} onChange={(id) => edit({ productId: id })} testId="product-card-product" />
      </Field>
      <Field label={t('live.fields.soldOut')}>
        <Switch size="small" checked={soldOut} onChange={(v) => edit({ soldOut: v })} data-testid="product-card-soldout" />
      </Field>
    </KindCard>
  );
}

/** 价格贴: a product's live price with the deal mechanism (满199减30). */
export function PriceStickerControl({ layer }: { layer: Layers['price-sticker'] }) {
  const { t } = useTranslation();
  const { show, hide } = useKindActions('price-sticker');
  const c = layer.content;
  const { draft, edit, sent } = useSeededDraft(c, layer.changedAt, (x) => ({ productId: x?.productId ?? null, mechanism: x?.mechanism ?? '', label: x?.label ?? '' }));
  const { productId, mechanism, label } = draft;
  return (
    <KindCard
      kind="price-sticker"
      onAir={layer.visible}
      summary={c && [c.title, price(c.livePrice, c.currency), c.mechanism].filter(Boolean).join(' · ')}
      ready={!!productId}
      busy={{ show: show.isPending, hide: hide.isPending }}
      onShow={() =>
        productId && show.mutate({ kind: 'price-sticker', productId, content: { mechanism: mechanism.trim(), label: label.trim() } }, { onSuccess: sent })
      }
      onHide={() => hide.mutate()}
    >
      <Field label={t('live.fields.product')}>
        <ProductPicker value={productId} onChange={(id) => edit({ productId: id })} testId="price-sticker-product" />
      </Field>
      <Field label={t('live.fields.mechanism')}>
        <Input
          size="small"
          value={mechanism}
          maxLength={40}
          placeholder={t('live.placeholders.mechanism')}
          onChange={(e) => edit({ mechanism: e.target.value })}
          data-testid="price-sticker-mechanism"
        />
      </Field>
      <Field label={t('live.fields.priceLabel')}>
        <Input size="small" value={label} maxLength={20} placeholder={t('live.placeholders.priceLabel')} onChange={(e) => edit({ label: e.target.value })} />
      </Field>
    </KindCard>
  );
}
