import { AppstoreAddOutlined, CopyOutlined, DeleteOutlined, DownOutlined, FolderAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUE_KINDS, type CueKind } from '../../../../../electron/contract';

interface Props {
  selected: number;
  onAddProducts(): void;
  onAddCue(kind: CueKind): void;
  onAddSegment(): void;
  onDuplicate(): void;
  onDelete(): void;
}

/** Add products / cues / segments; act on the selection. */
export function EditorToolbar({ selected, onAddProducts, onAddCue, onAddSegment, onDuplicate, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} wrap style={{ padding: '8px 8px', borderBottom: '1px solid rgba(127,127,127,0.18)' }}>
      <Button type="primary" icon={<AppstoreAddOutlined />} onClick={onAddProducts} data-testid="add-products-open">
        {t('plan.addProducts')}
      </Button>
      <Dropdown trigger={['click']} menu={{ items: CUE_KINDS.map((k) => ({ key: k, label: t(`plan.kinds.${k}`), onClick: () => onAddCue(k), 'data-testid': `add-cue-${k}` }) as never) }}>
        <Button icon={<PlusOutlined />} data-testid="add-cue">
          {t('plan.addCue')} <DownOutlined />
        </Button>
      </Dropdown>
      <Button icon={<FolderAddOutlined />} onClick={onAddSegment} data-testid="add-segment">
        {t('plan.addSegment')}
      </Button>
      <span style={{ flex: 1 }} />
      {/* Always laid out (hidden when nothing is selected): the rows below must not jump on a click. */}
      <Space size={6} style={{ visibility: selected > 0 ? 'visible' : 'hidden' }}>
        <Typography.Text type="secondary" data-testid="selected-count">
          {t('plan.selected', { count: selected })}
        </Typography.Text>
        <Button size="small" icon={<CopyOutlined />} onClick={onDuplicate} data-testid="duplicate-cues">
          {t('plan.duplicate')}
        </Button>
        <Button size="small" danger icon={<DeleteOutlined />} onClick={onDelete} data-testid="delete-cues">
          {t('common.delete')}
        </Button>
      </Space>
    </Flex>
  );
}
