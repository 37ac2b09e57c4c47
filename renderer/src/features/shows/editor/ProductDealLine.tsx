import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../electron/contract';
import { formatMoney } from '../../../lib/money';
import { normalizeLanguage } from '../../../lib/prefs';

/** What a creator team weighs when placing a product: its commission, the price after coupon, the shop. */
export function ProductDealLine({ product: p }: { product: Product }) {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  if (p.commissionRate === null && p.priceAfterCoupon === null && !p.shopName) return null;
  return (
    <Flex gap={6} wrap align="center" style={{ marginTop: 4 }} data-testid="cue-product-deal">
      {p.commissionRate !== null && (
        <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="cue-commission">
          {t('catalog.fields.commissionRate')} {t('catalog.affiliate.commissionShort', { rate: (p.commissionRate / 100).toLocaleString(lang) })}
        </Tag>
      )}
      {p.priceAfterCoupon !== null && p.priceAfterCoupon < p.livePrice && <Tag style={{ marginInlineEnd: 0 }}>{t('catalog.affiliate.afterCoupon', { price: formatMoney(p.priceAfterCoupon, p.currency, lang) })}</Tag>}
      {p.shopName && <Typography.Text type="secondary">{p.shopName}</Typography.Text>}
    </Flex>
  );
}
