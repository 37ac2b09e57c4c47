import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cue, Product } from '../../../../../electron/contract';
import { formatMoney } from '../../../lib/money';
import { useEditor } from './editor-context';
import { MoneyInput } from './fields/MoneyInput';

/** Mechanisms producers reuse; any text is allowed. */
const MECHANISMS = ['满199减30', '第二件半价', '拍一发二', '买一送一', '限时秒杀', '前100名赠小样', '直播间专属券', 'Buy 2 save 15%', 'Free shipping'];

type Change = (patch: Record<string, unknown>) => void;

/** The fields only some kinds have: a pitch's price and mechanism, a flash sale's seconds... */
export function CueKindFields({ cue, product, change }: { cue: Cue; product: Product | undefined; change: Change }) {
  const { t } = useTranslation();
  const { lang } = useEditor();
  const currency = product?.currency ?? 'CNY';
  const productPrice = product ? formatMoney(product.livePrice, currency, lang) : undefined;
  const mechanism = (value: string) => (
    <AutoComplete options={MECHANISMS.map((m) => ({ value: m }))} value={value} onChange={(v: string) => change({ mechanism: v })} maxLength={100} data-testid="field-mechanism" />
  );
  switch (cue.kind) {
    case 'pitch':
      return (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label={t('plan.fields.livePrice')} extra={product ? t('plan.help.productPrice', { price: productPrice }) : undefined}>
                <MoneyInput value={cue.livePrice} currency={currency} onChange={(livePrice) => change({ livePrice })} placeholder={productPrice} testId="field-livePrice" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('plan.fields.stock')} extra={product?.stock != null ? t('plan.help.productStock', { stock: product.stock }) : undefined}>
                <InputNumber min={0} value={cue.stock} onChange={(stock) => change({ stock: stock ?? null })} style={{ width: '100%' }} data-testid="field-stock" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('plan.fields.mechanism')}>{mechanism(cue.mechanism)}</Form.Item>
          <Form.Item label={t('plan.fields.perk')}>
            <Input value={cue.perk} maxLength={200} onChange={(e) => change({ perk: e.target.value })} data-testid="field-perk" />
          </Form.Item>
          <Form.Item label={t('plan.fields.talkingPoints')}>
            <Input.TextArea
              value={cue.talkingPoints}
              maxLength={5000}
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={product?.talkingPoints || undefined}
              onChange={(e) => change({ talkingPoints: e.target.value })}
              data-testid="field-talkingPoints"
            />
          </Form.Item>
        </>
      );
    case 'flash_sale':
      return (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label={t('plan.fields.seconds')}>
                <InputNumber min={1} max={3600} value={cue.seconds} onChange={(seconds) => change({ seconds: seconds ?? 60 })} style={{ width: '100%' }} data-testid="field-seconds" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('plan.fields.quantity')}>
                <InputNumber min={0} value={cue.quantity} onChange={(quantity) => change({ quantity: quantity ?? null })} style={{ width: '100%' }} data-testid="field-quantity" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('plan.fields.price')}>
                <MoneyInput value={cue.price} currency={currency} onChange={(price) => change({ price })} placeholder={productPrice} testId="field-price" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('plan.fields.mechanism')}>{mechanism(cue.mechanism)}</Form.Item>
        </>
      );
    case 'giveaway':
      return (
        <>
          <Form.Item label={t('plan.fields.prize')}>
            <Input value={cue.prize} maxLength={200} onChange={(e) => change({ prize: e.target.value })} data-testid="field-prize" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label={t('plan.fields.countdown')}>
                <InputNumber min={0} max={3600} value={cue.countdownSec} onChange={(v) => change({ countdownSec: v ?? 0 })} suffix={t('plan.secondsShort')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('plan.fields.winners')}>
                <InputNumber min={1} value={cue.winners} onChange={(v) => change({ winners: v ?? null })} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('plan.fields.rules')}>
            <Input.TextArea value={cue.rules} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => change({ rules: e.target.value })} />
          </Form.Item>
        </>
      );
    case 'interaction':
      return (
        <>
          <Form.Item label={t('plan.fields.prompt')}>
            <Input value={cue.prompt} maxLength={300} onChange={(e) => change({ prompt: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('plan.fields.questions')} extra={t('plan.help.questions')}>
            <Select mode="tags" value={cue.questions} onChange={(questions: string[]) => change({ questions: questions.map((q) => q.trim()).filter(Boolean).slice(0, 30) })} open={false} />
          </Form.Item>
        </>
      );
    case 'break':
    case 'generic':
      return null;
  }
}
