import { Alert, Col, List, Radio, Row, Statistic, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../electron/contract';
import { formatMoney } from '../../../lib/money';
import { normalizeLanguage } from '../../../lib/prefs';
import { RefusedList } from './RefusedList';
import type { ImportFlow } from './useImportFlow';

type Sample = ImportPreview['sample'][number];

/** Counts, the first valid rows, every refused row and the warnings; then valid rows or nothing. */
export function ReviewStep({ flow }: { flow: ImportFlow }) {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const p = flow.preview!;
  const money = (minor?: number) => (minor === undefined ? '—' : formatMoney(minor, 'CNY', lang));
  const valid = p.products.create + p.products.update;
  const stat = (title: string, value: number, testId: string, color?: string) => (
    <Col span={4}>
      <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} data-testid={testId} />
    </Col>
  );

  return (
    <div>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {stat(t('catalog.import.rows'), p.totalRows, 'count-rows')}
        {stat(t('catalog.import.create'), p.products.create, 'count-create', '#52c41a')}
        {stat(t('catalog.import.update'), p.products.update, 'count-update', '#1677ff')}
        {stat(t('catalog.import.variants'), p.variants, 'count-variants')}
        {stat(t('catalog.import.refused'), p.refused.length, 'count-refused', p.refused.length ? '#ff4d4f' : undefined)}
      </Row>
      <Tabs
        size="small"
        defaultActiveKey={p.refused.length > 0 ? 'refused' : 'valid'}
        items={[
          {
            key: 'valid',
            label: t('catalog.import.validTab', { count: valid }),
            children: (
              <Table<Sample>
                size="small"
                rowKey="row"
                pagination={false}
                scroll={{ y: 260 }}
                dataSource={p.sample}
                data-testid="import-sample"
                columns={[
                  { title: t('catalog.import.row'), dataIndex: 'row', width: 70 },
                  { title: '', dataIndex: 'action', width: 80, render: (a: Sample['action']) => t(`catalog.import.actions.${a}`) },
                  { title: 'SKU', dataIndex: 'sku', width: 150, ellipsis: true, render: (s: string) => <span className="cc-mono">{s}</span> },
                  { title: t('product.fields.title'), dataIndex: 'title', ellipsis: true },
                  { title: t('product.fields.listPrice'), dataIndex: 'listPrice', width: 100, align: 'right', render: money },
                  { title: t('product.fields.livePrice'), dataIndex: 'livePrice', width: 100, align: 'right', render: money },
                  { title: t('product.fields.stock'), dataIndex: 'stock', width: 70, align: 'right', render: (s?: number | null) => s ?? '—' },
                  { title: t('catalog.import.variants'), dataIndex: 'variants', width: 70, align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'refused',
            label: <span data-testid="refused-tab">{t('catalog.import.refusedTab', { count: p.refused.length })}</span>,
            children: p.refused.length ? <RefusedList rows={p.refused} /> : <Typography.Text type="secondary">{t('catalog.import.noneRefused')}</Typography.Text>,
          },
          {
            key: 'warnings',
            label: t('catalog.import.warningsTab', { count: p.warnings.length }),
            children: (
              <List size="small" dataSource={p.warnings} locale={{ emptyText: t('catalog.import.noWarnings') }} style={{ maxHeight: 300, overflow: 'auto' }} renderItem={(w) => <List.Item>{w}</List.Item>} />
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong style={{ marginInlineEnd: 12 }}>{t('catalog.import.modeLabel')}</Typography.Text>
        <Radio.Group value={flow.mode} onChange={(e) => flow.setMode(e.target.value)} data-testid="import-mode">
          <Radio value="valid" data-testid="mode-valid">{t('catalog.import.modes.valid', { count: valid })}</Radio>
          <Radio value="all-or-nothing" data-testid="mode-all">{t('catalog.import.modes.allOrNothing')}</Radio>
        </Radio.Group>
        {p.refused.length > 0 && flow.mode === 'all-or-nothing' && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('catalog.import.allOrNothingWarn', { count: p.refused.length })} />
        )}
      </div>
    </div>
  );
}
