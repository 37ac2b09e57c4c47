import { AppstoreAddOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../electron/contract';
import { useNotify } from '../../lib/notify';
import { useInstallOverlays } from './useObsSetup';
import { useObs } from './useObs';

type Result = MethodOutput<'obs.overlays.install'>;
type Canvas = 'auto' | '16:9' | '9:16';

export interface OverlayInstallerProps {
  open: boolean;
  onClose: () => void;
}

/** Scenes the installer creates to hold native sources; not a place to install into. */
const isHolderScene = (name: string) => name.startsWith('Cuecart · ');

/**
 * "Install Cuecart overlays into OBS": pick the scene and canvas, install as a browser source;
 * where this OBS has none (Debian's build), say so in the user's language and install native
 * text/image sources in one more click. Shows what was created.
 */
export function OverlayInstaller({ open, onClose }: OverlayInstallerProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('obs.setup.install.title')}
      footer={null}
      width={600}
      destroyOnHidden
    >
      <div data-testid="overlay-installer">
        <InstallerBody onClose={onClose} />
      </div>
    </Modal>
  );
}

function InstallerBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const obs = useObs();
  const install = useInstallOverlays();
  const mirror = obs.data?.mirror;
  const scenes = (mirror?.scenes ?? []).map((s) => s.name).filter((n) => !isHolderScene(n));
  const [scene, setScene] = useState<string | undefined>(() =>
    mirror?.programScene && !isHolderScene(mirror.programScene) ? mirror.programScene : scenes[0],
  );
  const [canvas, setCanvas] = useState<Canvas>('auto');
  const [result, setResult] = useState<Result | null>(null);
  const noBrowser = result?.reason === 'no_browser_source';

  const run = (mode: 'browser' | 'native') =>
    install.mutate(
      { mode, ...(scene ? { scene } : {}), ...(canvas === 'auto' ? {} : { canvas }) },
      { onSuccess: setResult, onError: (error) => notify.error(error) },
    );
  const busy = (mode: 'browser' | 'native') => install.isPending && install.variables?.mode === mode;

  if (result?.installed) return <InstallDone result={result} onClose={onClose} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('obs.setup.install.intro')}
      </Typography.Paragraph>
      <Form layout="vertical" style={{ marginBottom: -8 }}>
        <Form.Item label={t('obs.setup.install.scene')} extra={t('obs.setup.install.sceneHelp')}>
          <Select
            value={scene}
            onChange={setScene}
            options={scenes.map((name) => ({ value: name, label: name }))}
            data-testid="overlay-install-scene"
          />
        </Form.Item>
        <Form.Item label={t('obs.setup.install.canvas')}>
          <Radio.Group
            optionType="button"
            value={canvas}
            onChange={(e) => setCanvas(e.target.value as Canvas)}
            options={[
              { value: 'auto', label: t('obs.setup.install.canvasAuto') },
              { value: '16:9', label: t('obs.setup.install.canvasWide') },
              { value: '9:16', label: t('obs.setup.install.canvasTall') },
            ]}
            data-testid="overlay-install-canvas"
          />
        </Form.Item>
      </Form>
      {noBrowser && (
        <Alert
          type="warning"
          showIcon
          title={t('obs.setup.install.noBrowserTitle')}
          description={
            <Flex vertical gap={12} align="flex-start">
              <span>{t('obs.setup.install.noBrowserBody')}</span>
              <Button type="primary" icon={<AppstoreAddOutlined />} loading={busy('native')} onClick={() => run('native')} data-testid="overlay-install-native">
                {t('obs.setup.install.native')}
              </Button>
            </Flex>
          }
          data-testid="overlay-install-no-browser"
        />
      )}
      {result && !result.installed && !noBrowser && result.reason && (
        <Alert type="error" showIcon title={t(`obs.setup.install.reasons.${result.reason}`)} data-testid="overlay-install-failed" data-reason={result.reason} />
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {/* After "no browser source" the alert's button is the one way on. */}
        {!noBrowser && (
          <>
            <Button icon={<AppstoreAddOutlined />} loading={busy('native')} disabled={!scene} onClick={() => run('native')} data-testid="overlay-install-native-instead">
              {t('obs.setup.install.nativeInstead')}
            </Button>
            <Button type="primary" icon={<GlobalOutlined />} loading={busy('browser')} disabled={!scene} onClick={() => run('browser')} data-testid="overlay-install-browser">
              {t('obs.setup.install.browser')}
            </Button>
          </>
        )}
      </Flex>
    </Flex>
  );
}

function InstallDone({ result, onClose }: { result: Result; onClose: () => void }) {
  const { t } = useTranslation();
  const scene = result.scene ?? '';
  return (
    <Flex vertical gap={16} data-testid="overlay-install-result" data-mode={result.mode}>
      <Alert
        type="success"
        showIcon
        title={t(result.mode === 'native' ? 'obs.setup.install.doneNative' : 'obs.setup.install.doneBrowser', { scene })}
        description={result.mode === 'native' ? t('obs.setup.install.nativeHelp') : undefined}
      />
      {result.created.length > 0 ? (
        <div>
          <Typography.Text strong>{t('obs.setup.install.created', { count: result.created.length })}</Typography.Text>
          <ul className="cc-mono" style={{ maxHeight: 220, overflow: 'auto', margin: '8px 0 0', paddingInlineStart: 20, fontSize: 12 }} data-testid="overlay-install-created">
            {result.created.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Typography.Text type="secondary">{t('obs.setup.install.nothingCreated')}</Typography.Text>
      )}
      <Flex justify="flex-end">
        <Button type="primary" onClick={onClose} data-testid="overlay-install-done">
          {t('obs.setup.install.done')}
        </Button>
      </Flex>
    </Flex>
  );
}
