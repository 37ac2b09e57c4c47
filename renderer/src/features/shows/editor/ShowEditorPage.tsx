import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Alert, Button, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../../lib/api-context';
import { toAppError } from '../../../lib/errors';
import { queryKeys } from '../../../lib/query';
import { PlanEditor } from './PlanEditor';

/** Route `/shows/:id`: loads the show, then hands it to the editor (one editor per show id). */
export default function ShowEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApi();
  const detail = useQuery({ queryKey: queryKeys.show(id), queryFn: () => api.call('shows.get', { id }), retry: 0 });
  const { refetch } = detail;
  const reload = useCallback(async () => (await refetch()).data, [refetch]);
  if (detail.isPending) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  }
  if (detail.isError) {
    const missing = toAppError(detail.error).code === 'NOT_FOUND';
    return (
      <Alert
        type={missing ? 'warning' : 'error'}
        showIcon
        title={missing ? t('plan.notFound') : t('common.loadFailed')}
        action={
          <Link to="/shows">
            <Button size="small">{t('plan.back')}</Button>
          </Link>
        }
      />
    );
  }
  return <PlanEditor key={id} detail={detail.data} reload={reload} />;
}
