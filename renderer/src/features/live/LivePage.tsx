import { Button, Card, Drawer, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSnapshot, RunCue } from '../../../../electron/contract';
import { PageHeader } from '../../components/PageHeader';
import { canvasOfShow } from './overlay-state';
import { OverlayRoom } from './OverlayRoom';
import { ArmPanel } from './cockpit/ArmPanel';
import { CockpitHeader } from './cockpit/CockpitHeader';
import { DeskBar, quickLabel } from './cockpit/DeskBar';
import { checklistAt } from './cockpit/cue-offer';
import { LogPanel } from './cockpit/LogPanel';
import { NextPanel } from './cockpit/NextPanel';
import { NowPanel } from './cockpit/NowPanel';
import { RundownPanel } from './cockpit/RundownPanel';
import { ShortcutsPanel } from './cockpit/ShortcutsPanel';
import { TalkPanel } from './cockpit/TalkPanel';
import { useLiveActions, useLiveSettings, useLiveState, useRunPlan, useSession, type LiveActions } from './cockpit/useLive';
import { useLiveKeys } from './cockpit/useLiveKeys';
import { OverlayDoorContext, useOverlayActions, useOverlayState } from './useOverlays';
import './cockpit/cockpit.css';

/**
 * Live 直播控制: the show cockpit. It re-renders when the run changes (pushes); only the small
 * clock parts re-render as time passes, each from the server clock at its own pace. Idle, it arms a show (or a rehearsal) and keeps the overlay
 * control room at hand. Armed or running: the cue on air large, standby and GO, the host's
 * talking points, the rundown with re-flowed times, markers and the host message, and in tabs
 * the overlays, the as-run log and the keys. Keyboard first; readable from two metres.
 */
export default function LivePage() {
  const { t } = useTranslation();
  const live = useLiveState();
  const snapshot = live.data;
  const actions = useLiveActions(snapshot);
  const session = useSession();
  const canEdit = session.data?.role !== 'viewer';

  if (live.isError) {
    return <Result status="warning" title={t('cockpit.loadFailed')} extra={<Button onClick={() => void live.refetch()}>{t('common.retry')}</Button>} />;
  }
  if (!snapshot) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  }
  if (snapshot.state === 'idle') {
    return (
      <div data-testid="live-page" data-state="idle">
        <PageHeader title={t('live.title')} subtitle={t('cockpit.idleSubtitle')} />
        <Card title={t('cockpit.arm.title')} style={{ maxWidth: 720, marginBottom: 20 }}>
          <ArmPanel snapshot={snapshot} actions={actions} canEdit={canEdit} />
        </Card>
        <OverlayDoorContext.Provider value={{ via: 'overlays', channel: 'program' }}>
          <OverlayRoom />
        </OverlayDoorContext.Provider>
      </div>
    );
  }
  return <Cockpit snapshot={snapshot} actions={actions} canEdit={canEdit} />;
}

function Cockpit({ snapshot, actions, canEdit }: { snapshot: LiveSnapshot; actions: LiveActions; canEdit: boolean }) {
  const { t } = useTranslation();
  const { cues, byId } = useRunPlan(snapshot);
  const settings = useLiveSettings().data;
  const [tab, setTab] = useState('overlays');
  const [armOpen, setArmOpen] = useState(false);
  const door = { via: 'live' as const, channel: snapshot.rehearsal ? ('preview' as const) : ('program' as const) };
  const current = snapshot.currentCueId ? byId.get(snapshot.currentCueId) : undefined;
  const standby = snapshot.standbyCueId ? byId.get(snapshot.standbyCueId) : undefined;
  const previous = snapshot.previousCueId ? byId.get(snapshot.previousCueId) : undefined;
  const timeZone = snapshot.timeZone;

  return (
    <OverlayDoorContext.Provider value={door}>
      <div data-testid="live-page" data-state={snapshot.state} data-rehearsal={snapshot.rehearsal ? 'true' : 'false'} className="cc-cockpit">
        <CockpitHeader snapshot={snapshot} cues={cues} timeZone={timeZone} actions={actions} canEdit={canEdit} />
        <CockpitKeys snapshot={snapshot} current={current} byId={byId} actions={actions} canEdit={canEdit} />
        <div className="cc-grid">
          <div className="cc-col">
            <NowPanel snapshot={snapshot} cue={current} byId={byId} actions={actions} canEdit={canEdit} />
            <NextPanel
              snapshot={snapshot}
              cues={cues}
              standby={standby}
              previous={previous}
              timeZone={timeZone}
              keys={settings?.keys}
              actions={actions}
              canEdit={canEdit}
            />
          </div>
          <div className="cc-col">
            <TalkPanel cue={current} />
            <DeskBar snapshot={snapshot} settings={settings} actions={actions} canEdit={canEdit} />
          </div>
          <div className="cc-col">
            <RundownPanel snapshot={snapshot} cues={cues} timeZone={timeZone} actions={actions} canEdit={canEdit} />
          </div>
        </div>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          tabBarExtraContent={
            <Button size="small" onClick={() => setArmOpen(true)} disabled={!canEdit} data-testid="switch-show">
              {t('cockpit.arm.switch')}
            </Button>
          }
          items={[
            { key: 'overlays', label: t('cockpit.tabs.overlays'), children: <OverlayRoom runCanvas={canvasOfShow(snapshot.canvas ?? undefined)} hideAllKey={false} /> },
            { key: 'log', label: t('cockpit.tabs.log'), children: snapshot.runId && <LogPanel runId={snapshot.runId} byId={byId} timeZone={timeZone} /> },
            { key: 'keys', label: t('cockpit.tabs.keys'), children: <ShortcutsPanel settings={settings} /> },
          ]}
        />
        <Drawer open={armOpen} onClose={() => setArmOpen(false)} title={t('cockpit.arm.title')} size="large">
          <ArmPanel snapshot={snapshot} actions={actions} canEdit={canEdit} onArmed={() => setArmOpen(false)} />
        </Drawer>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cockpit.footer', { seq: snapshot.lastSeq })}
        </Typography.Text>
      </div>
    </OverlayDoorContext.Provider>
  );
}

/** The cockpit's keys: Go, Back, Esc (hide the run's overlays), markers, checklist ticks. */
function CockpitKeys({
  snapshot,
  current,
  byId,
  actions,
  canEdit,
}: {
  snapshot: LiveSnapshot;
  current: RunCue | undefined;
  byId: Map<string, RunCue>;
  actions: LiveActions;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const settings = useLiveSettings().data;
  const overlays = useOverlayState();
  const { hideAll, onAir } = useOverlayActions(overlays.data);
  const active = canEdit && snapshot.state !== 'ended';
  const builtIn = (n: number) => t(`cockpit.markers.quick${n}` as 'cockpit.markers.quick1');
  useLiveKeys(
    settings?.keys,
    {
      go: () => actions.go.mutate('key'),
      back: () => actions.back.mutate('key'),
      hideAll: () => onAir.length > 0 && hideAll.mutate(onAir),
      marker: () => actions.marker.mutate({ label: '' }),
      cancelAutoGo: () => snapshot.autoGo && actions.cancelAutoGo.mutate(undefined),
      quickMarker: (n) => actions.marker.mutate({ label: quickLabel(settings, n, builtIn), quick: n }),
      tick: (n) => {
        const item = checklistAt(current?.id ?? null, byId, snapshot)[n - 1];
        if (item) actions.tick.mutate({ cueId: item.cueId, index: item.index, done: !item.done });
      },
    },
    active,
  );
  return null;
}
