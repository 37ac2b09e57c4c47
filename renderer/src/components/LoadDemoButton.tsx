import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../lib/api-context';
import { useNotify } from '../lib/notify';

/** One click to the bilingual demo workspace (products with images, hosts, shows). */
export function LoadDemoButton({ type = 'default' }: { type?: ButtonProps['type'] }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const load = useMutation({
    mutationFn: () => api.call('demo.load', {}),
    onSuccess: (result) => {
      notify.success(t('demo.loaded', result));
      void queryClient.invalidateQueries();
    },
    onError: (error) => notify.error(error),
  });
  return (
    <Button type={type} icon={<ExperimentOutlined />} loading={load.isPending} onClick={() => load.mutate()} data-testid="load-demo">
      {t('demo.load')}
    </Button>
  );
}
