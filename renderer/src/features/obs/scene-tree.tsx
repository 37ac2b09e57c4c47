import {
  AppstoreOutlined,
  BgColorsOutlined,
  BlockOutlined,
  DesktopOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  FolderOutlined,
  FontSizeOutlined,
  GlobalOutlined,
  PictureOutlined,
  PlayCircleOutlined,
  SoundOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ObsMirror } from '../../../../electron/contract';

type Scene = ObsMirror['scenes'][number];
type Item = Scene['items'][number];

/** What a tree node stands for, so a click can tell a scene from a source. */
export type SceneTreeNode = TreeDataNode & {
  scene: string;
  item?: Item;
};

// Icons by input kind family (versioned ids like text_ft2_source_v2 match on their stem).
const KIND_ICONS: Array<[RegExp, ReactNode]> = [
  [/^text_/, <FontSizeOutlined key="t" />],
  [/image_source|slideshow/, <PictureOutlined key="i" />],
  [/color_source/, <BgColorsOutlined key="c" />],
  [/browser_source/, <GlobalOutlined key="b" />],
  [/ffmpeg_source|vlc_source|media/, <PlayCircleOutlined key="m" />],
  [/audio|wasapi|pulse|alsa|jack|coreaudio|sck_audio/, <SoundOutlined key="a" />],
  [/dshow|v4l2|av_capture|camera|decklink/, <VideoCameraOutlined key="v" />],
  [/capture|xshm|xcomposite|pipewire|monitor|screen|window|game/, <DesktopOutlined key="d" />],
];

export function itemIcon(item: Pick<Item, 'sourceType' | 'inputKind'>): ReactNode {
  if (item.sourceType === 'group') return <FolderOutlined />;
  if (item.sourceType === 'scene') return <BlockOutlined />;
  const kind = item.inputKind ?? '';
  return KIND_ICONS.find(([re]) => re.test(kind))?.[1] ?? <AppstoreOutlined />;
}

function ItemRow({ item, t }: { item: Item; t: TFunction }) {
  const kind =
    item.sourceType === 'group' ? t('obs.scenes.group') : item.sourceType === 'scene' ? t('obs.scenes.scene') : item.inputKind;
  return (
    <Flex
      align="center"
      gap={8}
      data-testid="obs-item"
      data-source={item.sourceName}
      data-enabled={item.enabled}
      style={{ minWidth: 0, opacity: item.enabled ? 1 : 0.5 }}
    >
      <span style={{ opacity: 0.8 }}>{itemIcon(item)}</span>
      <Typography.Text ellipsis style={{ maxWidth: 260 }}>
        {item.sourceName}
      </Typography.Text>
      {kind && (
        <Tag bordered={false} className="cc-mono" style={{ marginInlineEnd: 0, fontSize: 11 }} data-testid="obs-item-kind">
          {kind}
        </Tag>
      )}
      <Tooltip title={t(item.enabled ? 'obs.scenes.visible' : 'obs.scenes.hidden')}>
        <span aria-label={t(item.enabled ? 'obs.scenes.visible' : 'obs.scenes.hidden')} style={{ marginInlineStart: 'auto', paddingInline: 4 }}>
          {item.enabled ? <EyeOutlined /> : <EyeInvisibleOutlined />}
        </span>
      </Tooltip>
    </Flex>
  );
}

function SceneRow({ scene, mirror, t }: { scene: Scene; mirror: ObsMirror; t: TFunction }) {
  const program = mirror.programScene === scene.name;
  const preview = mirror.studioMode && mirror.previewScene === scene.name;
  return (
    <Flex
      align="center"
      gap={8}
      data-testid="obs-scene"
      data-scene={scene.name}
      data-program={program}
      data-preview={preview}
      style={{ minWidth: 0 }}
    >
      <Typography.Text strong={program} ellipsis style={{ maxWidth: 320 }}>
        {scene.name}
      </Typography.Text>
      {program && (
        <Tooltip title={t('obs.scenes.programTip')}>
          <Tag color="red" style={{ marginInlineEnd: 0, fontWeight: 600 }} data-testid="obs-program-marker">
            {t('obs.scenes.program')}
          </Tag>
        </Tooltip>
      )}
      {preview && (
        <Tooltip title={t('obs.scenes.previewTip')}>
          <Tag color="green" style={{ marginInlineEnd: 0, fontWeight: 600 }} data-testid="obs-preview-marker">
            {t('obs.scenes.preview')}
          </Tag>
        </Tooltip>
      )}
      <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12, whiteSpace: 'nowrap' }}>
        {scene.items.length ? t('obs.scenes.items', { count: scene.items.length }) : t('obs.scenes.noItems')}
      </Typography.Text>
    </Flex>
  );
}

/**
 * A scene's items as tree nodes: groups carry their own children; a nested scene expands into
 * that scene's items (looked up by name, with a guard against cycles OBS should never allow).
 */
function itemNodes(items: Item[], scene: string, key: string, byName: Map<string, Scene>, t: TFunction, seen: Set<string>): SceneTreeNode[] {
  return items.map((item) => {
    const nodeKey = `${key}/${item.id}`;
    const nested = item.sourceType === 'scene' && !seen.has(item.sourceName) ? byName.get(item.sourceName) : undefined;
    const children = item.sourceType === 'group' ? item.children ?? [] : nested?.items ?? [];
    // A nested scene's items belong to that scene (that is where a show/hide would act).
    const childScene = nested ? nested.name : scene;
    return {
      key: nodeKey,
      scene,
      item,
      title: <ItemRow item={item} t={t} />,
      isLeaf: children.length === 0,
      children: children.length
        ? itemNodes(children, childScene, nodeKey, byName, t, nested ? new Set([...seen, nested.name]) : seen)
        : undefined,
    };
  });
}

export const sceneKey = (name: string) => `scene:${name}`;

/** Scenes in OBS's order (top row of the Scenes dock first), each with its sources. */
export function sceneTree(mirror: ObsMirror, t: TFunction): SceneTreeNode[] {
  const byName = new Map(mirror.scenes.map((s) => [s.name, s]));
  return mirror.scenes.map((scene) => ({
    key: sceneKey(scene.name),
    scene: scene.name,
    title: <SceneRow scene={scene} mirror={mirror} t={t} />,
    isLeaf: scene.items.length === 0,
    children: itemNodes(scene.items, scene.name, sceneKey(scene.name), byName, t, new Set([scene.name])),
  }));
}
