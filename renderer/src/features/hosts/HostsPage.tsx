import { UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Avatar, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Host } from '../../../../electron/contract';
import { mediaUrl } from '../../api/media';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query';

/** Hosts 主播: read-only for now; the editor comes with the show planner. */
export default function HostsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const hosts = useQuery({ queryKey: queryKeys.hosts, queryFn: () => api.call('hosts.list', {}) });

  const columns: TableColumnsType<Host> = [
    {
      key: 'avatar',
      width: 56,
      render: (_, h) => <Avatar size={36} src={h.avatar ? mediaUrl(h.avatar) : undefined} icon={<UserOutlined />} alt="" />,
    },
    { title: t('hosts.columns.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('hosts.columns.title'), dataIndex: 'title' },
    { title: t('hosts.columns.handle'), dataIndex: 'handle', render: (handle: string) => <Typography.Text type="secondary">{handle}</Typography.Text> },
    {
      title: t('hosts.columns.role'),
      dataIndex: 'role',
      width: 120,
      render: (role: Host['role']) => <Tag color={role === 'host' ? 'magenta' : 'cyan'}>{t(`hosts.roles.${role}`)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader title={t('hosts.title')} subtitle={`${t('hosts.subtitle')} ${t('hosts.laterNote')}`} />
      {hosts.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Host>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={hosts.data ?? []}
          loading={hosts.isPending}
          pagination={false}
          locale={{ emptyText: t('hosts.empty') }}
          data-testid="hosts-table"
        />
      </Card>
    </>
  );
}
