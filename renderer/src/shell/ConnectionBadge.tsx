import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi, useTransportState } from '../lib/api-context';

const STATUS = { open: 'success', connecting: 'processing', closed: 'error', unauthorized: 'warning' } as const;

/** The transport state in the header: is this window talking to Cuecart right now? */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const { transport } = useApi();
  const state = useTransportState();
  const text = transport.kind === 'ipc' ? t('connection.desktop') : t(`connection.${state}`);
  return <Badge status={STATUS[state]} text={text} data-testid="connection" data-state={state} />;
}
