import { Alert, Form, InputNumber, List, Modal, Progress, Result, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_ROLES, type ProductRole } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { errorLines } from '../../../lib/errors';
import { useCatalogVars } from '../table/css-vars';
import { isEmptyChange, runBulk, type BulkChange, type BulkOutcome } from './bulk-edit';

interface FormValues {
  role?: ProductRole;
  addTags?: string[];
  removeTags?: string[];
  livePricePercent?: number | null;
}

interface Props {
  open: boolean;
  ids: string[];
  onClose(done: boolean): void;
}

/** Bulk edit of the selection: role, tags, live price as a % of list price; progress, then a summary. */
export function BulkEditModal({ open, ids, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const vars = useCatalogVars();
  const [form] = Form.useForm<FormValues>();
  const [done, setDone] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [empty, setEmpty] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setDone(null);
    setOutcome(null);
    setEmpty(false);
  }, [open, form]);

  const running = done !== null && !outcome;
  const apply = async () => {
    const v = form.getFieldsValue();
    const change: BulkChange = { role: v.role, addTags: v.addTags ?? [], removeTags: v.removeTags ?? [], livePricePercent: v.livePricePercent };
    if (isEmptyChange(change)) return setEmpty(true);
    setDone(0);
    const result = await runBulk(
      ids,
      change,
      { get: (id) => api.call('products.get', { id }), update: (patch) => api.call('products.update', patch) },
      setDone,
    );
    setOutcome(result);
  };
  const label = (f: string) => t(`product.fields.${f as 'sku'}`);

  return (
    <Modal
      open={open}
      title={t('catalog.bulk.title', { count: ids.length })}
      onCancel={() => !running && onClose(!!outcome)}
      maskClosable={!running}
      closable={!running}
      okText={outcome ? t('catalog.close') : t('catalog.bulk.apply')}
      okButtonProps={{ loading: running, 'data-testid': 'bulk-apply' }}
      cancelButtonProps={{ style: outcome ? { display: 'none' } : undefined, disabled: running }}
      onOk={() => (outcome ? onClose(true) : void apply())}
      destroyOnHidden
      data-testid="bulk-modal"
      styles={{ body: vars }}
    >
      {outcome ? (
        <Result
          status={outcome.failed.length ? 'warning' : 'success'}
          title={t('catalog.bulk.summary', { changed: outcome.changed, unchanged: outcome.unchanged, failed: outcome.failed.length })}
          style={{ padding: '16px 0' }}
          data-testid="bulk-summary"
        >
          {outcome.failed.length > 0 && (
            <List
              size="small"
              dataSource={outcome.failed}
              style={{ maxHeight: 240, overflow: 'auto' }}
              renderItem={(f) => (
                <List.Item>
                  <Typography.Text className="cc-mono">{f.sku}</Typography.Text>: {errorLines(f.error, t, label).join('; ')}
                </List.Item>
              )}
            />
          )}
        </Result>
      ) : (
        <Form<FormValues> form={form} layout="vertical" disabled={running} onValuesChange={() => setEmpty(false)}>
          <Form.Item name="role" label={t('catalog.bulk.role')}>
            <Select allowClear placeholder={t('catalog.bulk.keep')} data-testid="bulk-role" options={PRODUCT_ROLES.map((r) => ({ value: r, label: t(`product.roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="addTags" label={t('catalog.bulk.addTags')} extra={t('product.help.tags')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} data-testid="bulk-add-tags" />
          </Form.Item>
          <Form.Item name="removeTags" label={t('catalog.bulk.removeTags')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} data-testid="bulk-remove-tags" />
          </Form.Item>
          <Form.Item name="livePricePercent" label={t('catalog.bulk.livePricePercent')} extra={t('catalog.bulk.livePricePercentHelp')}>
            <InputNumber<number> min={1} max={1000} precision={1} suffix="%" style={{ width: 160 }} placeholder={t('catalog.bulk.keep')} data-testid="bulk-percent" />
          </Form.Item>
          {empty && <Alert type="info" showIcon title={t('catalog.bulk.nothing')} />}
          {running && <Progress percent={Math.round(((done ?? 0) / Math.max(1, ids.length)) * 100)} format={() => `${done}/${ids.length}`} data-testid="bulk-progress" />}
        </Form>
      )}
    </Modal>
  );
}
