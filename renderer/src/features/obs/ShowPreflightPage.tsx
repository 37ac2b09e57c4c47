import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/api-context';
import { toAppError } from '../../lib/errors';
import { queryKeys } from '../../lib/query';
import { PreflightPanel } from './PreflightPanel';

/** Route `/shows/:id/preflight`: the show's title and its check against the connected OBS. */
export default function ShowPreflightPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApi();
  const detail = useQuery({ queryKey: queryKeys.show(id), queryFn: () => api.call('shows.get', { id }), retry: 0 });
  const missing = detail.isError && toAppError(detail.error).code === 'NOT_FOUND';
  return (
    <>
      <PageHeader
        title={detail.data?.title ?? t('obs.setup.preflight.title')}
        subtitle={t('obs.setup.preflight.pageSubtitle')}
        extra={
          <Link to={`/shows/${encodeURIComponent(id)}`}>
            <Button icon={<ArrowLeftOutlined />} data-testid="preflight-back">
              {t('obs.setup.preflight.back')}
            </Button>
          </Link>
        }
      />
      {missing ? (
        <Alert type="warning" showIcon title={t('obs.setup.preflight.notFound')} />
      ) : (
        <PreflightPanel showId={id} />
      )}
    </>
  );
}
