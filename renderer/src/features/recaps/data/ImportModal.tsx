import { ExperimentOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Modal, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELDS_OF, type ImportedFile, type RecapImportPreview, type RecapKind, type RecapRefusedRow } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { useNotify } from '../../../lib/notify';
import { encodingLabel } from '../../catalog/import/import-text';
import { recapKeys } from '../queries';
import { ImportSummary } from './ImportSummary';
import { fieldLabel, presetLabel, problemText, reasonText } from './import-text';
import { base64Blob, sendImport, type ImportRequest } from './recap-files';

/**
 * Import one kind of platform file: choose it (or a demo sample), see what was detected, fix the
 * column mapping or the header row, read every refused row with its reason, then import. A file
 * of that kind already there is replaced only after asking.
 */
export function ImportModal({ showId, kind, existing, zone, onClose }: { showId: string; kind: RecapKind | null; existing: ImportedFile | null; zone: string; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [req, setReq] = useState<ImportRequest | null>(null);
  const [preview, setPreview] = useState<RecapImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setReq(null);
    setPreview(null);
    onClose();
  };
  const run = async (next: ImportRequest) => {
    setBusy(true);
    setReq(next);
    try {
      setPreview(await sendImport(api, next, false));
    } catch (error) {
      notify.error(error);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };
  const sample = async () => {
    if (!kind) return;
    const files = await api.call('recaps.demoFiles', {});
    const f = files.find((x) => x.kind === kind);
    if (f) await run({ showId, kind, file: base64Blob(f.contentBase64, f.mime), fileName: f.fileName });
  };
  const apply = async (replace: boolean) => {
    if (!req) return;
    setBusy(true);
    try {
      await sendImport(api, req, true, replace);
      notify.success(t('recaps.import.applied'));
      await qc.invalidateQueries({ queryKey: recapKeys.all });
      close();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  const confirmApply = () => {
    if (!existing) return void apply(false);
    modal.confirm({
      title: t('recaps.import.replaceConfirm', { kind: t(`recaps.kinds.${kind!}`), file: existing.fileName || t('recaps.data.manual') }),
      okText: t('recaps.data.replace'),
      cancelText: t('common.cancel'),
      onOk: () => apply(true),
    });
  };
  const setField = (index: number, field: string | null) => {
    if (!req || !preview) return;
    const mapping = preview.columns.map((c) => c.field as string | null);
    mapping[index] = field;
    void run({ ...req, mapping });
  };

  const fields = kind ? FIELDS_OF[kind] : [];
  return (
    <Modal
      open={kind !== null}
      width={980}
      title={kind ? t('recaps.import.title', { kind: t(`recaps.kinds.${kind}`) }) : ''}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!preview || preview.problems.length > 0} loading={busy && !!preview} onClick={confirmApply} data-testid="import-apply">
            {t('recaps.import.apply')}
          </Button>
        </Space>
      }
      data-testid="recap-import"
    >
      {kind && <Typography.Paragraph type="secondary">{t(`recaps.kindHelp.${kind}`)}</Typography.Paragraph>}
      <Flex gap={8} align="stretch" style={{ marginBottom: 12 }}>
        <Upload.Dragger
          accept=".csv,.txt,.tsv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            if (kind) void run({ showId, kind, file, fileName: file.name });
            return false;
          }}
          style={{ flex: 1 }}
          data-testid="import-file"
        >
          <InboxOutlined style={{ fontSize: 28 }} />
          <div>{t('recaps.import.chooseFile')}</div>
        </Upload.Dragger>
        <Button icon={<ExperimentOutlined />} onClick={() => void sample()} title={t('recaps.import.sampleHelp')} style={{ height: 'auto' }} data-testid="import-sample">
          {t('recaps.import.sample')}
        </Button>
      </Flex>
      {busy && !preview && <Spin tip={t('recaps.import.reading')}><div style={{ height: 60 }} /></Spin>}
      {preview && req && (
        <div data-testid="import-preview" data-preset={preview.preset ?? ''}>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('recaps.import.file')}>{preview.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('recaps.import.encoding')}>
              <span data-testid="import-encoding">{encodingLabel(preview.encoding, t)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('recaps.import.layout')}>
              {preview.preset ? <Tag color="blue" data-testid="import-preset">{presetLabel(t, preview.preset)}</Tag> : <Typography.Text type="warning">{t('recaps.import.generic')}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('recaps.import.headerRow')}>
              <Select
                size="small"
                value={preview.headerRow}
                style={{ width: 220 }}
                onChange={(headerRow: number) => void run({ ...req, headerRow, mapping: undefined })}
                options={preview.headerCandidates.map((c) => ({ value: c.row, label: `${c.row}: ${c.cells.filter(Boolean).slice(0, 3).join(' · ').slice(0, 40)}` }))}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('recaps.import.rows')}>{preview.totalRows.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('recaps.import.accepted')}>
              <span data-testid="import-accepted">{preview.accepted.toLocaleString()}</span>
            </Descriptions.Item>
          </Descriptions>
          {preview.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('recaps.import.problems')}
              description={preview.problems.map((p) => <div key={p.code}>{problemText(p, t, preview)}</div>)}
              data-testid="import-problems"
            />
          )}
          {preview.rowChoices && (
            <Select
              style={{ width: 420, marginBottom: 12 }}
              placeholder={t('recaps.import.pickRow')}
              onChange={(row: number) => void run({ ...req, row })}
              options={preview.rowChoices.map((c) => ({ value: c.row, label: `${c.row}: ${c.label}` }))}
            />
          )}
          <ImportSummary preview={preview} zone={zone} />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('recaps.import.mapping')} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>({t(`recaps.import.sources.${preview.mappingSource}`)})</Typography.Text>
          </Typography.Title>
          <Table
            size="small"
            rowKey="index"
            pagination={false}
            scroll={{ y: 260 }}
            dataSource={preview.columns}
            data-testid="import-mapping"
            columns={[
              { title: t('recaps.import.column'), dataIndex: 'header', width: 220, ellipsis: true, render: (h: string) => <Typography.Text strong>{h || '—'}</Typography.Text> },
              { title: t('recaps.import.samples'), dataIndex: 'samples', ellipsis: true, render: (s: string[]) => <Typography.Text type="secondary">{s.join(' · ')}</Typography.Text> },
              {
                title: t('recaps.import.mapsTo'),
                key: 'field',
                width: 230,
                render: (_, c) => (
                  <Select
                    size="small"
                    style={{ width: '100%' }}
                    value={c.field ?? ''}
                    onChange={(v: string) => setField(c.index, v || null)}
                    options={[{ value: '', label: t('recaps.import.ignore') }, ...fields.map((f) => ({ value: f, label: fieldLabel(t, kind!, f) }))]}
                  />
                ),
              },
            ]}
          />
          {preview.warnings.length > 0 && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('recaps.import.warnings')} description={preview.warnings.map((w) => <div key={w}>{reasonText(w, t)}</div>)} />
          )}
          {preview.refused.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }} type="danger">
                {t('recaps.import.refused', { count: preview.refused.length })}
              </Typography.Title>
              <Table<RecapRefusedRow>
                size="small"
                rowKey={(r, i) => `${r.row}-${i}`}
                dataSource={preview.refused}
                pagination={preview.refused.length > 50 ? { pageSize: 50 } : false}
                data-testid="import-refused"
                columns={[
                  { title: t('recaps.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('recaps.import.column'), dataIndex: 'field', width: 180, render: (f?: string) => f ?? '—' },
                  { title: t('recaps.import.reason'), dataIndex: 'reason', render: (r: string) => <Typography.Text type="danger">{reasonText(r, t)}</Typography.Text> },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
