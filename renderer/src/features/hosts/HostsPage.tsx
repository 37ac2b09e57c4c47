import { DeleteOutlined, EditOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host } from '../../../../electron/contract';
import { mediaUrl } from '../../api/media';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../lib/notify';
import { HostDrawer } from './HostDrawer';
import { useDeleteHost, useHosts } from './queries';

/** Hosts 主播 and assistants 助播: who presents, with the lower-third title and handle. */
export default function HostsPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const hosts = useHosts();
  const remove = useDeleteHost();
  const [target, setTarget] = useState<Host | 'new' | null>(null);

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
    {
      title: t('hosts.fields.notes'),
      dataIndex: 'notes',
      ellipsis: true,
      render: (notes: string) => <Typography.Text type="secondary">{notes}</Typography.Text>,
    },
    {
      key: 'actions',
      width: 96,
      align: 'right',
      render: (_, h) => (
        <Space size={4}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setTarget(h)} aria-label={t('common.edit')} data-testid="edit-host" />
          </Tooltip>
          <Popconfirm
            title={t('hosts.deleteConfirm', { name: h.name })}
            description={t('hosts.deleteConfirmBody')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' } as never}
            onConfirm={() => remove.mutate(h.id, { onSuccess: () => notify.success(t('hosts.deleted')), onError: (e) => notify.error(e) })}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="delete-host" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('hosts.title')}
        subtitle={t('hosts.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="new-host">
            {t('hosts.new')}
          </Button>
        }
      />
      {hosts.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Host>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={hosts.data ?? []}
          loading={hosts.isPending}
          pagination={false}
          onRow={(h) => ({ onDoubleClick: () => setTarget(h) })}
          locale={{ emptyText: t('hosts.empty') }}
          data-testid="hosts-table"
        />
      </Card>
      <HostDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
