import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFlow } from './useImportFlow';
import { importErrorText } from './import-text';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.zip,text/csv,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Drop a CSV/XLSX here or pick one; it is read at once (encoding and layout are detected). */
export function FileStep({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const failure = flow.error ? importErrorText(flow.error, t) : null;
  const p = flow.progress;

  return (
    <div>
      <div
        role="button"
        tabIndex={0}
        className={`cc-dropzone${over ? ' over' : ''}`}
        style={{ padding: '36px 16px', textAlign: 'center', cursor: 'pointer' }}
        data-testid="import-dropzone"
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file && !flow.busy) void flow.choose(file);
        }}
      >
        {flow.busy ? <Spin size="large" /> : <InboxOutlined style={{ fontSize: 44, opacity: 0.6 }} />}
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          {flow.busy ? t('catalog.import.reading', { name: flow.fileName ?? '' }) : t('catalog.import.drop')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('catalog.import.dropHelp')}</Typography.Text>
        {flow.busy && p && p.total > 0 && (
          <Progress percent={Math.round((p.done / p.total) * 100)} style={{ maxWidth: 360, margin: '12px auto 0' }} />
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        style={{ display: 'none' }}
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void flow.choose(file);
        }}
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={failure.title}
          description={failure.detail ? <span>{t('catalog.import.nothingChanged')} <Typography.Text type="secondary">({failure.detail})</Typography.Text></span> : t('catalog.import.nothingChanged')}
          data-testid="import-error"
        />
      )}
    </div>
  );
}
