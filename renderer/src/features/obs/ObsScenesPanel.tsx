import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Tooltip, Tree, Typography } from 'antd';
import { useMemo, useState, type CSSProperties, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ObsMirror } from '../../../../electron/contract';

type ObsSceneItem = ObsMirror['scenes'][number]['items'][number];
import { sceneKey, sceneTree, type SceneTreeNode } from './scene-tree';
import { useObs } from './useObs';

export interface ObsSourcePick {
  /** The scene the source sits in (a nested scene's own name for its items). */
  scene: string;
  item: ObsSceneItem;
}

export interface ObsScenesPanelProps {
  /** Card title; defaults to "Scenes in OBS". */
  title?: ReactNode;
  /** Extra content in the card header, right of the built-in tags. */
  extra?: ReactNode;
  /** Makes scenes clickable (e.g. to pick a cue's scene in the plan editor). */
  onSelectScene?: (scene: string) => void;
  /** Makes sources clickable (e.g. to bind a cue action to a source). */
  onSelectSource?: (pick: ObsSourcePick) => void;
  /** Highlights this scene (the cue's current choice). */
  selectedScene?: string | null;
  /** Scrolls inside the card beyond this height (px). */
  maxHeight?: number;
  /** Hides the "Open OBS settings" button in the not-connected state (e.g. inside Settings). */
  hideSettingsLink?: boolean;
  style?: CSSProperties;
}

/**
 * OBS's scenes as OBS shows them: Scenes-dock order, program (and preview in studio mode)
 * marked, each scene expandable into its sources, with groups and nested scenes, input kinds
 * and visibility. Live from the pushed mirror; when OBS is gone it keeps the last known state,
 * dimmed and labelled. Self-contained: drop it anywhere inside the app.
 */
export function ObsScenesPanel({
  title,
  extra,
  onSelectScene,
  onSelectSource,
  selectedScene,
  maxHeight,
  hideSettingsLink,
  style,
}: ObsScenesPanelProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, isPending } = useObs();
  const mirror = data?.mirror;
  const connected = data?.status.state === 'connected';
  const stale = !!mirror && (!connected || !mirror.ready);
  const treeData = useMemo(() => (mirror ? sceneTree(mirror, t) : []), [mirror, t]);
  // The program scene starts open: that is what a producer checks first.
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const expandedKeys = expanded ?? (mirror?.programScene ? [sceneKey(mirror.programScene)] : []);
  const selectable = !!onSelectScene || !!onSelectSource;

  const tags = mirror && mirror.scenes.length > 0 && (
    <Flex gap={6} align="center">
      {stale && (
        <Tooltip title={t('obs.scenes.staleTip')}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="obs-scenes-stale">
            {t('obs.scenes.stale')}
          </Tag>
        </Tooltip>
      )}
      {mirror.studioMode && (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('obs.scenes.studioMode')}
        </Tag>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {t('obs.scenes.count', { count: mirror.scenes.length })}
      </Typography.Text>
    </Flex>
  );

  let body: ReactNode;
  if (isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (!mirror || (mirror.scenes.length === 0 && !connected)) {
    body = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obs.scenes.notConnected')} data-testid="obs-scenes-empty">
        {!hideSettingsLink && (
          <Button icon={<SettingOutlined />} onClick={() => void navigate('/settings')}>
            {t('obs.scenes.openSettings')}
          </Button>
        )}
      </Empty>
    );
  } else if (mirror.scenes.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obs.scenes.empty')} />;
  } else {
    body = (
      <Tree<SceneTreeNode>
        blockNode
        showLine={{ showLeafIcon: false }}
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded(keys)}
        selectable={selectable}
        selectedKeys={selectedScene ? [sceneKey(selectedScene)] : []}
        onSelect={(_, { node }) => {
          if (node.item) onSelectSource?.({ scene: node.scene, item: node.item });
          else onSelectScene?.(node.scene);
        }}
        style={{ background: 'transparent', opacity: stale ? 0.6 : 1 }}
        data-testid="obs-scene-tree"
      />
    );
  }

  return (
    <Card
      title={title ?? t('obs.scenes.title')}
      extra={
        <Flex gap={8} align="center">
          {tags}
          {extra}
        </Flex>
      }
      size="small"
      style={style}
      styles={{ body: maxHeight ? { maxHeight, overflow: 'auto' } : undefined }}
      data-testid="obs-scenes-panel"
    >
      {body}
    </Card>
  );
}
