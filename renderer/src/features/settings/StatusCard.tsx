import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query';

/** What `app.status` reports: version, schema, where the data lives, how much is in it. */
export function StatusCard() {
  const { t } = useTranslation();
  const api = useApi();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => api.call('app.status', {}) });
  const s = status.data;
  return (
    <Card title={t('settings.status')} size="small" style={{ height: '100%' }} data-testid="status-card">
      {status.isError && <Alert type="error" showIcon title={t('common.loadFailed')} />}
      {status.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {s && (
        <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 140 } }}>
          <Descriptions.Item label={t('settings.version')}>
            <span data-testid="app-version">{s.appVersion}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.schema')}>
            {s.schemaVersion}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
              ({s.schemaTag})
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text copyable className="cc-mono" style={{ wordBreak: 'break-all' }}>
              {s.dataDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.counts')}>{t('settings.countsValue', s.counts)}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
