import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OverlayState, ShowSummary } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query';

/** The shows list (templates left out), shared with the Shows page's cache. */
export function useShowList() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.showList(false), queryFn: () => api.call('shows.list', {}) });
}

/**
 * The show being produced. Its own overlay theme, if it has one, goes on air; without an
 * active show (or without an own theme) the global theme is used.
 */
export function ActiveShowSelect({
  state,
  shows,
  loading,
  onChange,
  pending,
}: {
  state: OverlayState;
  shows: ShowSummary[];
  loading: boolean;
  onChange(showId: string | null): void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const own = state.themeSource === 'show';
  return (
    <Flex align="center" gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {t('live.activeShow')}
      </Typography.Text>
      <Select
        size="small"
        allowClear
        showSearch={{ optionFilterProp: 'title' }}
        value={state.activeShowId ?? undefined}
        placeholder={t('live.noActiveShow')}
        loading={loading || pending}
        onChange={(id?: string) => onChange(id ?? null)}
        style={{ width: 260 }}
        popupMatchSelectWidth={360}
        labelRender={({ value }) => shows.find((s) => s.id === value)?.title ?? value}
        data-testid="active-show"
        options={shows.map((s) => ({
          value: s.id,
          title: s.title,
          label: (
            <Flex justify="space-between" gap={8}>
              <Typography.Text ellipsis>{s.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                {dayjs(s.startAt).format('MM-DD HH:mm')} · {s.canvas}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
      <Tooltip title={own ? t('live.themeSource.showHelp') : t('live.themeSource.globalHelp')}>
        <Tag color={own ? 'purple' : undefined} style={{ marginInlineEnd: 0 }} data-testid="theme-source" data-source={state.themeSource}>
          {own ? t('live.themeSource.show') : t('live.themeSource.global')}
        </Tag>
      </Tooltip>
    </Flex>
  );
}
