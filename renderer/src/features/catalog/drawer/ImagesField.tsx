import { DeleteOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { DndContext, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, horizontalListSortingStrategy, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Flex, Spin, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../../api/media';
import { useApi } from '../../../lib/api-context';
import { useNotify } from '../../../lib/notify';
import { IMAGE_TYPES, imageFiles, uploadImage } from './image-upload';

const SIZE = 96;
const MAX_IMAGES = 20;

function SortableImage({ hash, index, onPrimary, onRemove }: { hash: string; index: number; onPrimary(): void; onRemove(): void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: hash });
  return (
    <div
      ref={setNodeRef}
      data-testid="product-image"
      data-hash={hash}
      style={{ position: 'relative', width: SIZE, height: SIZE, transform: CSS.Transform.toString(transform), transition, zIndex: isDragging ? 2 : undefined, cursor: 'grab' }}
      {...attributes}
      {...listeners}
    >
      <img src={mediaUrl(hash)} alt="" style={{ width: SIZE, height: SIZE, objectFit: 'cover', borderRadius: 6, display: 'block' }} draggable={false} />
      {index === 0 && (
        <Tag color="gold" style={{ position: 'absolute', left: 4, top: 4, marginInlineEnd: 0 }} data-testid="primary-image">
          {t('catalog.images.primary')}
        </Tag>
      )}
      <Flex gap={2} style={{ position: 'absolute', right: 2, bottom: 2 }} onPointerDown={(e) => e.stopPropagation()}>
        {index > 0 && (
          <Tooltip title={t('catalog.images.makePrimary')}>
            <Button size="small" icon={<StarOutlined />} onClick={onPrimary} aria-label={t('catalog.images.makePrimary')} data-testid="make-primary" />
          </Tooltip>
        )}
        <Tooltip title={t('common.remove')}>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.remove')} data-testid="remove-image" />
        </Tooltip>
      </Flex>
    </div>
  );
}

/**
 * Product images: drop files here (or pick them), drag to reorder, star one to make it primary
 * (the first is primary), remove. Each is stored in the media library by content hash.
 */
export function ImagesField({ value = [], onChange }: { value?: string[]; onChange?: (hashes: string[]) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [over, setOver] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  // The latest list, so uploads finishing one after another all land.
  const current = useRef(value);
  current.current = value;
  const set = (next: string[]) => onChange?.([...new Set(next)].slice(0, MAX_IMAGES));

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy((n) => n + files.length);
    for (const file of files) {
      try {
        const hash = await uploadImage(api, file);
        set([...current.current, hash]);
        current.current = [...current.current, hash];
      } catch (error) {
        notify.error(error);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void add(imageFiles(e.dataTransfer.files));
  };
  const onDragEnd = ({ active, over: target }: DragEndEvent) => {
    if (!target || active.id === target.id) return;
    set(arrayMove(value, value.indexOf(String(active.id)), value.indexOf(String(target.id))));
  };

  return (
    <div
      className={`cc-dropzone${over ? ' over' : ''}`}
      style={{ padding: 10 }}
      data-testid="images-dropzone"
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Flex gap={8} wrap align="center">
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={value} strategy={horizontalListSortingStrategy}>
            {value.map((hash, i) => (
              <SortableImage key={hash} hash={hash} index={i} onPrimary={() => set([hash, ...value.filter((h) => h !== hash)])} onRemove={() => set(value.filter((h) => h !== hash))} />
            ))}
          </SortableContext>
        </DndContext>
        {value.length < MAX_IMAGES && (
          <Button style={{ width: SIZE, height: SIZE }} onClick={() => input.current?.click()} data-testid="images-pick">
            {busy > 0 ? <Spin size="small" /> : <PlusOutlined />}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
        {t('catalog.images.help')}
      </Typography.Text>
      <input
        ref={input}
        type="file"
        multiple
        style={{ display: 'none' }}
        accept={IMAGE_TYPES.join(',')}
        data-testid="images-input"
        onChange={(e) => {
          void add(imageFiles(e.target.files));
          e.target.value = '';
        }}
      />
    </div>
  );
}
