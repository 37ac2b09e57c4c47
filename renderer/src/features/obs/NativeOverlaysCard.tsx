import { CheckCircleOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Switch, Tabs, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../electron/contract';
import { useNotify } from '../../lib/notify';
import { NativeKindEditor } from './NativeKindEditor';
import { OverlayInstaller } from './OverlayInstaller';
import { kindLabel } from './native-labels';
import { boundCount, cleanBindings, type NativeBindings } from './obs-setup-view';
import { useObs } from './useObs';
import { useNativeOverlays, useSetNativeOverlays } from './useObsSetup';

type NativeState = MethodOutput<'overlays.native.get'>;

/**
 * "Overlays in OBS" in Settings: the installer, and native-source mode (for OBS builds without a
 * browser source): on/off, which OBS inputs show which overlay fields, which scene item each
 * overlay toggles, and how the last sync to OBS went.
 */
export function NativeOverlaysCard() {
  const { t } = useTranslation();
  const native = useNativeOverlays();
  const [installerOpen, setInstallerOpen] = useState(false);
  return (
    <Card
      size="small"
      title={t('obs.setup.native.cardTitle')}
      extra={
        <Button size="small" icon={<ToolOutlined />} onClick={() => setInstallerOpen(true)} data-testid="native-install">
          {t('obs.setup.native.install')}
        </Button>
      }
      data-testid="native-overlays-card"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 16 }}>
        {t('obs.setup.native.intro')}
      </Typography.Paragraph>
      {native.isError && <Alert type="error" showIcon title={t('common.loadFailed')} />}
      {native.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {native.data && <NativeEditor state={native.data} />}
      <OverlayInstaller open={installerOpen} onClose={() => setInstallerOpen(false)} />
    </Card>
  );
}

function NativeEditor({ state }: { state: NativeState }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const obs = useObs();
  const save = useSetNativeOverlays();
  // Unsaved edits; null while showing what is saved (which then follows the server).
  const [draft, setDraft] = useState<NativeBindings | null>(null);
  const bindings = draft ?? state.bindings;
  const connected = obs.data?.status.state === 'connected';
  const mirror = obs.data && obs.data.mirror.scenes.length > 0 ? obs.data.mirror : null;
  const kinds = Object.keys(state.fields) as Array<keyof NativeBindings>;

  const setEnabled = (enabled: boolean) =>
    save.mutate(
      { enabled, bindings: cleanBindings(state.bindings) },
      {
        onSuccess: () => notify.success(t(enabled ? 'obs.setup.native.switchedOn' : 'obs.setup.native.switchedOff')),
        onError: (error) => notify.error(error),
      },
    );
  const saveDraft = () =>
    save.mutate(
      { enabled: state.enabled, bindings: cleanBindings(bindings) },
      {
        onSuccess: () => {
          setDraft(null);
          notify.success(t('obs.setup.native.saved'));
        },
        onError: (error) => notify.error(error),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={24} wrap>
        <Flex align="center" gap={10}>
          <Switch
            checked={state.enabled}
            loading={save.isPending && !draft}
            onChange={setEnabled}
            data-testid="native-enabled"
            checkedChildren={t('obs.setup.native.on')}
            unCheckedChildren={t('obs.setup.native.off')}
          />
          <Typography.Text strong>{t('obs.setup.native.enabled')}</Typography.Text>
        </Flex>
        <LastSync lastSync={state.lastSync} />
      </Flex>
      {state.lastSync && state.lastSync.failures.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="native-sync-failures"
          title={t('obs.setup.native.syncFailures', { count: state.lastSync.failures.length })}
          description={
            <ul className="cc-mono" style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>
              {state.lastSync.failures.slice(0, 8).map((f, i) => (
                <li key={i}>
                  {f.action}: {f.code ? t(`obs.reasons.${f.code}.short`) : ''} {f.message ?? ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {!connected && <Alert type="info" showIcon title={t('obs.setup.native.noObs')} />}
      <Tabs
        tabPlacement="start"
        size="small"
        data-testid="native-kinds"
        items={kinds.map((kind) => {
          const fields = state.fields[kind] ?? [];
          const bound = boundCount(bindings[kind], fields);
          return {
            key: kind,
            label: (
              <Flex align="center" gap={8} justify="space-between" style={{ minWidth: 170 }} data-testid="native-kind-tab" data-kind={kind}>
                <span>{kindLabel(t, kind)}</span>
                <Tag color={bound === fields.length ? 'green' : bound > 0 ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
                  {bound}/{fields.length}
                </Tag>
              </Flex>
            ),
            children: (
              <NativeKindEditor
                kind={kind}
                fields={fields}
                binding={bindings[kind]}
                mirror={mirror}
                onChange={(next) => setDraft({ ...bindings, [kind]: next })}
              />
            ),
          };
        })}
      />
      {draft && (
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => setDraft(null)} data-testid="native-reset">
            {t('obs.setup.native.reset')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={saveDraft} data-testid="native-save">
            {t('obs.setup.native.save')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

function LastSync({ lastSync }: { lastSync: NativeState['lastSync'] }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  if (!lastSync) {
    return <Typography.Text type="secondary">{t('obs.setup.native.lastSync')}: {t('obs.setup.native.neverSynced')}</Typography.Text>;
  }
  const at = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(lastSync.at);
  const failed = lastSync.failures.length;
  return (
    <Flex align="center" gap={6} data-testid="native-last-sync" data-failures={failed}>
      {failed ? <WarningOutlined style={{ color: token.colorWarning }} /> : <CheckCircleOutlined style={{ color: token.colorSuccess }} />}
      <Typography.Text type="secondary">
        {t('obs.setup.native.lastSync')}: <span className="cc-num">{at}</span> ·{' '}
        {failed ? t('obs.setup.native.syncFailures', { count: failed }) : t('obs.setup.native.syncOk')}
      </Typography.Text>
    </Flex>
  );
}
