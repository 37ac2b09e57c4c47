import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../../lib/money';
import { EMPTY_VARIANT } from './variant-form';

const MAX_MAJOR = 1_000_000_000;

/**
 * Size/colour SKUs under the product: SKU, title, options (`颜色: 红; 尺码: M`), list and live
 * price, stock. Messages from the contract land under the input they are about.
 */
export function VariantsField() {
  const { t } = useTranslation();
  const currency = Form.useWatch('currency') ?? 'CNY';
  const digits = currencyDigits(currency);
  const head = (key: string, width: number | string) => (
    <Typography.Text type="secondary" style={{ width, fontSize: 12, flex: typeof width === 'string' ? 1 : 'none' }}>
      {key}
    </Typography.Text>
  );
  return (
    <Form.List name="variants">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="variants-editor">
          {fields.length > 0 && (
            <div style={{ display: 'flex', gap: 6, marginBottom: 4 }}>
              {head(t('product.fields.sku'), 120)}
              {head(t('product.fields.title'), 110)}
              {head(t('catalog.variants.options'), '1')}
              {head(t('product.fields.listPrice'), 86)}
              {head(t('product.fields.livePrice'), 86)}
              {head(t('product.fields.stock'), 68)}
              <span style={{ width: 24 }} />
            </div>
          )}
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }} data-testid="variant-row">
              <Form.Item name={[field.name, 'sku']} style={{ width: 120, marginBottom: 8 }}>
                <Input size="small" className="cc-mono" maxLength={64} data-testid="variant-sku" />
              </Form.Item>
              <Form.Item name={[field.name, 'title']} style={{ width: 110, marginBottom: 8 }}>
                <Input size="small" data-testid="variant-title" />
              </Form.Item>
              <Form.Item name={[field.name, 'options']} style={{ flex: 1, marginBottom: 8 }}>
                <Input size="small" placeholder={t('catalog.variants.optionsPlaceholder')} data-testid="variant-options" />
              </Form.Item>
              <Form.Item name={[field.name, 'listPrice']} style={{ width: 86, marginBottom: 8 }}>
                <InputNumber<number> size="small" precision={digits} max={MAX_MAJOR} style={{ width: '100%' }} data-testid="variant-listPrice" />
              </Form.Item>
              <Form.Item name={[field.name, 'livePrice']} style={{ width: 86, marginBottom: 8 }}>
                <InputNumber<number> size="small" precision={digits} max={MAX_MAJOR} style={{ width: '100%' }} data-testid="variant-livePrice" />
              </Form.Item>
              <Form.Item name={[field.name, 'stock']} style={{ width: 68, marginBottom: 8 }}>
                <InputNumber<number> size="small" precision={0} style={{ width: '100%' }} data-testid="variant-stock" />
              </Form.Item>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} data-testid="variant-remove" />
            </div>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ ...EMPTY_VARIANT })} data-testid="variant-add">
            {t('catalog.variants.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
