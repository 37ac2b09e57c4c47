import { Alert, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RefusedList } from './RefusedList';
import { importErrorText } from './import-text';
import { isCancelled, type ImportFlow } from './useImportFlow';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** While importing: a progress bar by phase. Afterwards: what was written, or why nothing was. */
export function ResultStep({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  if (flow.step === 'apply') {
    const p = flow.progress;
    const percent = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
    return (
      <div style={{ padding: '32px 24px' }} data-testid="import-running">
        <Typography.Title level={5}>{flow.cancelled ? t('catalog.import.cancelling') : t(`catalog.import.phases.${(p?.phase ?? 'read') as 'read'}`)}</Typography.Title>
        <Progress percent={percent} status="active" data-testid="import-progress" />
        {p && p.total > 0 && (
          <Typography.Text type="secondary" data-testid="import-progress-count">
            {p.unit === 'bytes' ? `${megabytes(p.done)} / ${megabytes(p.total)}` : t('catalog.import.rowsOf', { done: p.done.toLocaleString(), total: p.total.toLocaleString() })}
          </Typography.Text>
        )}
      </div>
    );
  }
  if (isCancelled(flow.error)) {
    return <Result status="info" title={t('catalog.import.cancelled')} subTitle={t('catalog.import.nothingChanged')} data-testid="import-result" data-status="cancelled" />;
  }
  if (flow.error || !flow.result) {
    const failure = importErrorText(flow.error, t);
    return (
      <Result status="error" title={failure.title} subTitle={t('catalog.import.nothingChanged')} data-testid="import-result" data-status="error">
        {failure.detail && <Alert type="error" title={failure.detail} />}
      </Result>
    );
  }
  const r = flow.result;
  if (r.status === 'refused') {
    return (
      <Result status="warning" title={t('catalog.import.refusedAll', { count: r.refused.length })} subTitle={t('catalog.import.nothingChanged')} data-testid="import-result" data-status="refused">
        <RefusedList rows={r.refused} height={240} />
      </Result>
    );
  }
  return (
    <Result
      status={r.refused.length ? 'warning' : 'success'}
      title={t('catalog.import.applied', { created: r.products.create.toLocaleString(), updated: r.products.update.toLocaleString(), variants: r.variants.toLocaleString() })}
      subTitle={r.refused.length ? t('catalog.import.appliedRefused', { count: r.refused.length, n: r.refused.length.toLocaleString() }) : undefined}
      data-testid="import-result"
      data-status="applied"
    >
      {r.refused.length > 0 && <RefusedList rows={r.refused} height={240} />}
    </Result>
  );
}
