import { useQuery } from '@tanstack/react-query';
import { Avatar, Flex, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BANNER_STYLES, type OverlayState } from '../../../../../electron/contract';
import { mediaUrl } from '../../../api/media';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query';
import { tickerItems } from '../overlay-state';
import { useKindActions } from '../useOverlays';
import { Field } from './Field';
import { KindCard } from './KindCard';
import { useSeededDraft } from './useSeededDraft';

type Layers = OverlayState['layers'];

/** 人名条: a host from the hosts list (name, title and photo filled by the server), or free text. */
export function LowerThirdControl({ layer }: { layer: Layers['lower-third'] }) {
  const { t } = useTranslation();
  const api = useApi();
  const hosts = useQuery({ queryKey: queryKeys.hosts, queryFn: () => api.call('hosts.list', {}) });
  const { show, hide } = useKindActions('lower-third');
  const c = layer.content;
  const { draft, edit, sent } = useSeededDraft(c, layer.changedAt, (x) => ({
    mode: (x && !x.hostId && (x.name || x.text) ? 'text' : 'host') as 'host' | 'text',
    hostId: x?.hostId ?? null,
    name: x && !x.hostId ? x.name : '',
    title: x && !x.hostId ? x.title : '',
    text: x?.text ?? '',
  }));
  const { mode, hostId, name, title, text } = draft;
  const ready = mode === 'host' ? !!hostId : !!(name.trim() || text.trim());
  const onShow = () =>
    show.mutate(
      mode === 'host'
        ? { kind: 'lower-third', content: { hostId: hostId!, text: '' } }
        : { kind: 'lower-third', content: { hostId: null, avatar: null, name: name.trim(), title: title.trim(), text: text.trim() } },
      { onSuccess: sent },
    );
  return (
    <KindCard
      kind="lower-third"
      onAir={layer.visible}
      summary={c && ([c.name, c.title].filter(Boolean).join(' · ') || c.text)}
      ready={ready}
      busy={{ show: show.isPending, hide: hide.isPending }}
      onShow={onShow}
      onHide={() => hide.mutate()}
    >
      <Segmented
        size="small"
        block
        value={mode}
        onChange={(v) => edit({ mode: v as 'host' | 'text' })}
        options={[
          { value: 'host', label: t('live.fields.fromHost') },
          { value: 'text', label: t('live.fields.freeText') },
        ]}
        style={{ marginBottom: 8 }}
        data-testid="lower-third-mode"
      />
      {mode === 'host' ? (
        <Field label={t('live.fields.host')}>
          <Select
            size="small"
            value={hostId ?? undefined}
            placeholder={t('live.fields.hostPlaceholder')}
            onChange={(id: string) => edit({ hostId: id })}
            loading={hosts.isLoading}
            style={{ width: '100%' }}
            data-testid="lower-third-host"
            options={(hosts.data ?? []).map((h) => ({
              value: h.id,
              label: (
                <Flex align="center" gap={6}>
                  <Avatar size={18} src={h.avatar ? mediaUrl(h.avatar) : undefined}>
                    {h.name.slice(0, 1)}
                  </Avatar>
                  <span>{h.name}</span>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {h.title}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Field>
      ) : (
        <>
          <Field label={t('live.fields.name')}>
            <Flex gap={6}>
              <Input size="small" value={name} maxLength={60} placeholder={t('live.fields.name')} onChange={(e) => edit({ name: e.target.value })} data-testid="lower-third-name" />
              <Input size="small" value={title} maxLength={80} placeholder={t('live.fields.personTitle')} onChange={(e) => edit({ title: e.target.value })} />
            </Flex>
          </Field>
          <Field label={t('live.fields.text')}>
            <Input size="small" value={text} maxLength={200} placeholder={t('live.placeholders.lowerThirdText')} onChange={(e) => edit({ text: e.target.value })} />
          </Field>
        </>
      )}
    </KindCard>
  );
}

/** 福利公告: a banner with a title and a line of text. */
export function BannerControl({ layer }: { layer: Layers['banner'] }) {
  const { t } = useTranslation();
  const { show, hide } = useKindActions('banner');
  const c = layer.content;
  const { draft, edit, sent } = useSeededDraft(c, layer.changedAt, (x) => ({
    style: (x?.style ?? 'welfare') as (typeof BANNER_STYLES)[number],
    title: x?.title ?? '',
    text: x?.text ?? '',
  }));
  const { style, title, text } = draft;
  return (
    <KindCard
      kind="banner"
      onAir={layer.visible}
      summary={c && [c.title, c.text].filter(Boolean).join(' · ')}
      ready={!!text.trim()}
      busy={{ show: show.isPending, hide: hide.isPending }}
      onShow={() => show.mutate({ kind: 'banner', content: { style, title: title.trim(), text: text.trim() } }, { onSuccess: sent })}
      onHide={() => hide.mutate()}
    >
      <Field label={t('live.fields.style')}>
        <Segmented
          size="small"
          value={style}
          onChange={(v) => edit({ style: v as typeof style })}
          options={BANNER_STYLES.map((s) => ({ value: s, label: t(`live.bannerStyles.${s}`) }))}
        />
      </Field>
      <Field label={t('live.fields.title')}>
        <Input size="small" value={title} maxLength={20} placeholder={t('live.placeholders.bannerTitle')} onChange={(e) => edit({ title: e.target.value })} />
      </Field>
      <Field label={t('live.fields.text')} align="flex-start">
        <Input.TextArea
          size="small"
          value={text}
          maxLength={300}
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder={t('live.placeholders.bannerText')}
          onChange={(e) => edit({ text: e.target.value })}
          data-testid="banner-text"
        />
      </Field>
    </KindCard>
  );
}

/** 滚动字幕: items typed one per line, scrolled at a speed in canvas pixels per second. */
export function TickerControl({ layer }: { layer: Layers['ticker'] }) {
  const { t } = useTranslation();
  const { show, hide } = useKindActions('ticker');
  const c = layer.content;
  const { draft, edit, sent } = useSeededDraft(c, layer.changedAt, (x) => ({ label: x?.label ?? '', items: (x?.items ?? []).join('\n'), speed: x?.speed ?? 140 }));
  const { label, items, speed } = draft;
  const list = tickerItems(items);
  return (
    <KindCard
      kind="ticker"
      onAir={layer.visible}
      summary={c && c.items.join(' · ')}
      ready={list.length > 0}
      busy={{ show: show.isPending, hide: hide.isPending }}
      onShow={() => show.mutate({ kind: 'ticker', content: { label: label.trim(), items: list, speed } }, { onSuccess: sent })}
      onHide={() => hide.mutate()}
    >
      <Field label={t('live.fields.label')}>
        <Flex gap={6}>
          <Input size="small" value={label} maxLength={20} placeholder={t('live.placeholders.tickerLabel')} onChange={(e) => edit({ label: e.target.value })} />
          <InputNumber
            size="small"
            min={20}
            max={800}
            step={20}
            value={speed}
            onChange={(v) => edit({ speed: v ?? 140 })}
            suffix="px/s"
            style={{ width: 110, flex: 'none' }}
            aria-label={t('live.fields.speed')}
          />
        </Flex>
      </Field>
      <Field label={t('live.fields.items')} align="flex-start">
        <Input.TextArea
          size="small"
          value={items}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('live.placeholders.tickerItems')}
          onChange={(e) => edit({ items: e.target.value })}
          data-testid="ticker-items"
        />
      </Field>
    </KindCard>
  );
}
