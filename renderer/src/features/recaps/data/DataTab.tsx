import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, InputNumber, List, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECAP_KINDS, TOTAL_KEYS, type Recap, type RecapKind, type TotalKey } from '../../../../../electron/contract';
import { formatDateTime } from '../../../lib/format';
import { useNotify } from '../../../lib/notify';
import type { Language } from '../../../lib/prefs';
import { useRecapMutations } from '../queries';
import { ImportModal } from './ImportModal';
import { fieldLabel } from './import-text';

const MONEY = new Set<TotalKey>(['gmv', 'refund']);
const TIME = new Set<TotalKey>(['avgWatchMs', 'durationMs']);

/** The platform files of this show, one per kind (import, replace, remove), and totals typed by hand. */
export function DataTab({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { remove, totals } = useRecapMutations();
  const [importing, setImporting] = useState<RecapKind | null>(null);
  const [form] = Form.useForm<Record<TotalKey, number | null>>();
  // Money edits in yuan and durations in minutes; stored in 分 and ms.
  const shown = (k: TotalKey, v: number | null | undefined) => (v === null || v === undefined ? null : MONEY.has(k) ? v / 100 : TIME.has(k) ? Math.round(v / 600) / 100 : v);
  // The form holds what was typed; what the platform file says shows as the placeholder.
  const initial = Object.fromEntries(TOTAL_KEYS.map((k) => [k, shown(k, recap.typedTotals[k])]));
  const save = (values: Record<string, number | null | undefined>) => {
    const patch = Object.fromEntries(
      TOTAL_KEYS.map((k) => {
        const v = values[k];
        return [k, v === null || v === undefined ? null : MONEY.has(k as TotalKey) ? Math.round(v * 100) : TIME.has(k as TotalKey) ? Math.round(v * 60_000) : Math.round(v)];
      }),
    );
    totals.mutate({ id: recap.show.id, totals: patch }, { onSuccess: () => notify.success(t('recaps.data.totalsSaved')), onError: (e) => notify.error(e) });
  };
  return (
    <Row gutter={12}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('recaps.data.title')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('recaps.data.help')}
          </Typography.Paragraph>
          <List
            dataSource={[...RECAP_KINDS]}
            data-testid="recap-files"
            renderItem={(kind) => {
              const f = recap.imports[kind];
              return (
                <List.Item
                  data-testid={`recap-file-${kind}`}
                  actions={[
                    <Button key="import" size="small" icon={<UploadOutlined />} onClick={() => setImporting(kind)} data-testid={`import-${kind}`}>
                      {f ? t('recaps.data.replace') : t('recaps.data.import')}
                    </Button>,
                    f && f.format !== 'manual' ? (
                      <Popconfirm key="rm" title={t('recaps.data.remove')} onConfirm={() => remove.mutate({ id: recap.show.id, kind }, { onSuccess: () => notify.success(t('recaps.data.removed')) })}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('recaps.data.remove')} />
                      </Popconfirm>
                    ) : null,
                  ]}
                >
                  <List.Item.Meta
                    title={t(`recaps.kinds.${kind}`)}
                    description={
                      f ? (
                        f.format === 'manual' ? (
                          t('recaps.data.manual')
                        ) : (
                          t('recaps.data.imported', { file: f.fileName, rows: f.rows.toLocaleString(), date: formatDateTime(f.importedAt, lang) })
                        )
                      ) : (
                        <Typography.Text type="secondary">{t('recaps.data.none')}</Typography.Text>
                      )
                    }
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('recaps.data.totalsForm')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('recaps.data.totalsHelp')}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" size="small" initialValues={initial} onFinish={save} key={JSON.stringify(initial)}>
            <Row gutter={8}>
              {TOTAL_KEYS.map((k) => (
                <Col span={8} key={k}>
                  <Form.Item name={k} label={`${fieldLabel(t, 'totals', k)}${MONEY.has(k) ? ' (¥)' : TIME.has(k) ? ` (${t('recaps.charts.minutes')})` : ''}`}>
                    <InputNumber min={0} style={{ width: '100%' }} placeholder={String(shown(k, recap.totals?.[k]) ?? '')} data-testid={`total-${k}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Space>
              <Button type="primary" htmlType="submit" loading={totals.isPending} data-testid="save-totals">
                {t('common.save')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <ImportModal showId={recap.show.id} kind={importing} existing={importing ? recap.imports[importing] : null} zone={recap.show.timeZone} onClose={() => setImporting(null)} />
    </Row>
  );
}
