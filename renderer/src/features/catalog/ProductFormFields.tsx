import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRODUCT_ROLES } from '../../../../electron/contract';
import { currencyDigits } from '../../lib/money';
import { FaqField } from './drawer/FaqField';
import { ImagesField } from './drawer/ImagesField';
import { PlatformIdsField } from './drawer/PlatformIdsField';
import { VariantsField } from './drawer/VariantsField';
import type { ProductFormValues } from './product-form';

const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'SGD', 'MYR', 'THB', 'IDR', 'VND', 'PHP', 'AUD', 'CAD'];
const MAX_MAJOR = 1_000_000_000;

/**
 * The product form's fields. No antd `rules`: validation is the contract schema (see
 * product-form.ts), and its localized messages are set on these items by name.
 */
export function ProductFormFields() {
  const { t } = useTranslation();
  const currency = Form.useWatch('currency') ?? 'CNY';
  const digits = currencyDigits(currency);
  type AffiliateKey = 'commissionRate' | 'couponAmount' | 'priceAfterCoupon' | 'shopName' | 'platformIds' | 'costPrice' | 'monthlySales';
  const f = (key: Exclude<keyof ProductFormValues, 'barcode' | 'variants' | 'faq' | AffiliateKey>) => ({ name: key, label: t(`product.fields.${key}`) });
  const a = (key: AffiliateKey) => ({ name: key, label: t(`catalog.fields.${key}`) });
  const minor = (key: 'couponAmount' | 'priceAfterCoupon' | 'costPrice') => (
    <Form.Item {...a(key)}>
      <InputNumber<number> style={{ width: '100%' }} precision={digits} step={1} min={0} max={MAX_MAJOR} data-testid={`field-${key}`} />
    </Form.Item>
  );
  const price = (key: 'listPrice' | 'livePrice' | 'floorPrice', required: boolean) => (
    <Form.Item {...f(key)} required={required} tooltip={key === 'floorPrice' ? t('product.help.floorPrice') : undefined}>
      <InputNumber<number> style={{ width: '100%' }} precision={digits} step={1} max={MAX_MAJOR} data-testid={`field-${key}`} />
    </Form.Item>
  );

  return (
    <>
      <Form.Item {...f('images')} style={{ marginBottom: 12 }}>
        <ImagesField />
      </Form.Item>

      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('catalog.sections.basics')}
      </Divider>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item {...f('sku')} required>
            <Input data-testid="field-sku" autoComplete="off" maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item {...f('title')} required>
            <Input data-testid="field-title" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...f('shortTitle')} extra={t('product.help.shortTitle')}>
            <Input data-testid="field-shortTitle" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...f('role')}>
            <Select data-testid="field-role" options={PRODUCT_ROLES.map((r) => ({ value: r, label: t(`product.roles.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...f('brand')}>
            <Input data-testid="field-brand" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...f('category')}>
            <Input data-testid="field-category" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="barcode" label={t('catalog.fields.barcode')}>
            <Input data-testid="field-barcode" className="cc-mono" maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...f('tags')} extra={t('product.help.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} data-testid="field-tags" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('catalog.sections.pricing')}
      </Divider>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item {...f('currency')}>
            <Select showSearch data-testid="field-currency" options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col span={6}>{price('listPrice', true)}</Col>
        <Col span={6}>{price('livePrice', true)}</Col>
        <Col span={6}>{price('floorPrice', false)}</Col>
        <Col span={12}>
          <Form.Item {...f('stock')} extra={t('product.help.stock')}>
            <InputNumber<number> style={{ width: '100%' }} precision={0} data-testid="field-stock" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...f('limitPerBuyer')} extra={t('product.help.limitPerBuyer')}>
            <InputNumber<number> style={{ width: '100%' }} precision={0} data-testid="field-limitPerBuyer" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('catalog.affiliate.section')}
      </Divider>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item {...a('commissionRate')}>
            <InputNumber<number> style={{ width: '100%' }} precision={2} min={0} max={100} suffix="%" data-testid="field-commissionRate" />
          </Form.Item>
        </Col>
        <Col span={8}>{minor('couponAmount')}</Col>
        <Col span={8}>{minor('priceAfterCoupon')}</Col>
        <Col span={8}>{minor('costPrice')}</Col>
        <Col span={8}>
          <Form.Item {...a('monthlySales')}>
            <InputNumber<number> style={{ width: '100%' }} precision={0} min={0} data-testid="field-monthlySales" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...a('shopName')}>
            <Input data-testid="field-shopName" maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('catalog.fields.platformIds')} extra={t('catalog.affiliate.platformIdHelp')}>
        <PlatformIdsField />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('catalog.fields.variants')}
      </Divider>
      <VariantsField />

      <Divider titlePlacement="start" plain>
        {t('catalog.sections.script')}
      </Divider>
      <Form.Item {...f('sellingPoints')} extra={t('product.help.sellingPoints')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="field-sellingPoints" />
      </Form.Item>
      <Form.Item {...f('talkingPoints')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="field-talkingPoints" />
      </Form.Item>
      <Form.Item label={t('product.fields.faq')}>
        <FaqField />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('catalog.sections.more')}
      </Divider>
      <Form.Item {...f('link')}>
        <Input placeholder={t('product.placeholders.link')} data-testid="field-link" />
      </Form.Item>
      <Form.Item {...f('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="field-notes" />
      </Form.Item>
      <Form.Item {...f('archived')} valuePropName="checked">
        <Switch data-testid="field-archived" />
      </Form.Item>
    </>
  );
}
