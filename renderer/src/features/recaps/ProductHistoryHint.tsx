import { HistoryOutlined } from '@ant-design/icons';
import { Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProductHistory } from './ProductHistory';
import { useProductHistory } from './queries';

/**
 * Beside a product in the plan editor: how it did in past shows (best slot, length, price, host),
 * folded until asked for. Closes the loop from a recap to the next plan.
 */
export function ProductHistoryHint({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const history = useProductHistory(productId);
  const shows = history.data?.shows.length ?? 0;
  if (shows === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="cue-product-history"
      items={[{ key: 'h', label: <span><HistoryOutlined /> {t('recaps.history.title')} ({shows})</span>, children: <ProductHistory productId={productId} compact /> }]}
    />
  );
}
