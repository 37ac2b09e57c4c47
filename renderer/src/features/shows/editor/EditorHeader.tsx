import { ArrowLeftOutlined, CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined, RedoOutlined, SettingOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useEditor } from './editor-context';
import { ExportMenu } from './ExportMenu';
import type { SaveState } from './useAutosave';

const SAVE_ICON: Record<SaveState, React.ReactNode> = {
  saved: <CheckCircleOutlined />,
  pending: <CloudUploadOutlined />,
  saving: <CloudUploadOutlined />,
  error: <ExclamationCircleOutlined />,
  conflict: <ExclamationCircleOutlined />,
};
const SAVE_COLOR: Record<SaveState, string> = { saved: 'success', pending: 'processing', saving: 'processing', error: 'error', conflict: 'warning' };

/** Back to the list, the show's name and start, autosave state, undo/redo, export, settings. */
export function EditorHeader({ showId, saveState, flush, onSettings }: { showId: string; saveState: SaveState; flush(): Promise<void>; onSettings(): void }) {
  const { t } = useTranslation();
  const { history, lang } = useEditor();
  const f = history.plan.fields;
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Link to="/shows">
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('plan.back')} />
      </Link>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Title level={4} style={{ margin: 0 }} ellipsis data-testid="page-title">
          {f.title}
        </Typography.Title>
        <Space size={6} wrap>
          <Tag>{t(`shows.platforms.${f.platform}`)}</Tag>
          <Tag>{t(`shows.statuses.${f.status}`)}</Tag>
          <Typography.Text type="secondary" className="cc-num" style={{ fontSize: 13 }}>
            {formatDateTime(f.startAt, lang)}
            {f.timeZone ? ` · ${f.timeZone}` : ''}
          </Typography.Text>
        </Space>
      </div>
      <Tag icon={SAVE_ICON[saveState]} color={SAVE_COLOR[saveState]} data-testid="save-state" data-state={saveState}>
        {t(`plan.save.${saveState}`)}
      </Tag>
      <Space.Compact>
        <Tooltip title={`${t('plan.undo')} (${mod}Z)`}>
          <Button icon={<UndoOutlined />} disabled={!history.canUndo} onClick={history.undo} aria-label={t('plan.undo')} data-testid="undo" />
        </Tooltip>
        <Tooltip title={`${t('plan.redo')} (${mod}Shift+Z)`}>
          <Button icon={<RedoOutlined />} disabled={!history.canRedo} onClick={history.redo} aria-label={t('plan.redo')} data-testid="redo" />
        </Tooltip>
      </Space.Compact>
      <ExportMenu showId={showId} flush={flush} />
      <Button icon={<SettingOutlined />} onClick={onSettings} data-testid="show-settings-open">
        {t('plan.settings')}
      </Button>
    </Flex>
  );
}
