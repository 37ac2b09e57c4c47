import { ExperimentOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Popconfirm, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveSnapshot, ShowSummary } from '../../../../../electron/contract';
import { useShowList } from '../ActiveShowSelect';
import { clockText } from './clock-format';
import type { LiveActions } from './useLive';

/** The show most likely to be run now: the next one to start (or the latest started), ready before draft. */
export function pickDefaultShow(shows: ShowSummary[], now: number): ShowSummary | undefined {
  const runnable = shows.filter((s) => s.cueCount > 0 && s.status !== 'done');
  const upcoming = runnable.filter((s) => s.startAt + s.plannedLengthMs >= now).sort((a, b) => a.startAt - b.startAt);
  return upcoming[0] ?? runnable.sort((a, b) => b.startAt - a.startAt)[0];
}

/**
 * Arm a show (standby on its first cue; nothing on air changes) or arm it as a rehearsal (OBS
 * untouched, overlays only in this preview). With a show already armed or running, it asks first.
 */
export function ArmPanel({ snapshot, actions, canEdit, onArmed }: { snapshot: LiveSnapshot; actions: LiveActions; canEdit: boolean; onArmed?: () => void }) {
  const { t } = useTranslation();
  const shows = useShowList();
  const list = useMemo(() => (shows.data ?? []).filter((s) => !s.isTemplate), [shows.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const show = list.find((s) => s.id === picked) ?? pickDefaultShow(list, Date.now());
  const busy = snapshot.state === 'armed' || snapshot.state === 'running';
  const arm = (rehearsal: boolean) => show && actions.arm.mutate({ id: show.id, rehearsal, force: busy }, { onSuccess: () => onArmed?.() });

  if (!shows.isLoading && list.length === 0) {
    return (
      <Empty description={t('cockpit.arm.noShows')} data-testid="arm-panel">
        <Link to="/shows">{t('cockpit.arm.toShows')}</Link>
      </Empty>
    );
  }
  const armButton = (rehearsal: boolean) => {
    const button = (
      <Button
        type={rehearsal ? 'default' : 'primary'}
        size="large"
        icon={rehearsal ? <ExperimentOutlined /> : <PlayCircleOutlined />}
        disabled={!canEdit || !show || show.cueCount === 0}
        loading={actions.arm.isPending}
        onClick={busy ? undefined : () => arm(rehearsal)}
        data-testid={rehearsal ? 'arm-rehearsal' : 'arm'}
      >
        {rehearsal ? t('cockpit.arm.rehearse') : t('cockpit.arm.arm')}
      </Button>
    );
    return busy ? (
      <Popconfirm title={t('cockpit.arm.replaceConfirm', { title: snapshot.showTitle })} okText={t('cockpit.arm.replace')} okButtonProps={{ danger: true }} onConfirm={() => arm(rehearsal)}>
        {button}
      </Popconfirm>
    ) : (
      button
    );
  };

  return (
    <div data-testid="arm-panel">
      <Typography.Paragraph type="secondary">{t('cockpit.arm.help')}</Typography.Paragraph>
      <Select
        size="large"
        style={{ width: '100%' }}
        loading={shows.isLoading}
        value={show?.id}
        onChange={setPicked}
        options={list.map((s) => ({ value: s.id, label: `${dayjs(s.startAt).format('MM-DD HH:mm')} · ${s.title}` }))}
        data-testid="arm-show"
      />
      {show && (
        <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('cockpit.arm.start')}>{dayjs(show.startAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={t('cockpit.arm.length')}>{clockText(show.plannedLengthMs)}</Descriptions.Item>
          <Descriptions.Item label={t('cockpit.arm.cues')}>{show.cueCount}</Descriptions.Item>
          <Descriptions.Item label={t('cockpit.arm.canvas')}>{show.canvas}</Descriptions.Item>
        </Descriptions>
      )}
      <Flex gap={10} style={{ marginTop: 12 }}>
        {armButton(false)}
        {armButton(true)}
      </Flex>
    </div>
  );
}
