import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIVE_KEY_ACTIONS, type LiveKeyAction, type LiveSettings } from '../../../../electron/contract';
import { seatName, setSeatName } from '../../api/token';
import { useApi } from '../../lib/api-context';
import { useNotify } from '../../lib/notify';
import { keyLabel } from '../live/cockpit/key-label';

const KEY_LABEL: Record<LiveKeyAction, 'cockpit.keys.go' | 'cockpit.keys.back' | 'cockpit.keys.hideAll' | 'cockpit.keys.marker' | 'cockpit.keys.cancelAutoGo'> = {
  go: 'cockpit.keys.go',
  back: 'cockpit.keys.back',
  hideAll: 'cockpit.keys.hideAll',
  marker: 'cockpit.keys.marker',
  cancelAutoGo: 'cockpit.keys.cancelAutoGo',
};

/** Press the new key: the next key pressed (its physical code) becomes the binding. */
function KeyCapture({ value, onChange, testId }: { value: string; onChange(code: string): void; testId: string }) {
  const { t } = useTranslation();
  const [listening, setListening] = useState(false);
  return (
    <Button
      size="small"
      type={listening ? 'primary' : 'default'}
      onClick={() => setListening(true)}
      onBlur={() => setListening(false)}
      onKeyDown={(e) => {
        if (!listening) return;
        e.preventDefault();
        e.stopPropagation();
        if (/^(Digit|Numpad)[1-9]$/.test(e.code) || e.code === 'Tab') return; // 1–9 are quick markers
        onChange(e.code);
        setListening(false);
      }}
      data-testid={testId}
    >
      {listening ? t('settings.live.pressKey') : <kbd className="cc-kbd">{keyLabel(value)}</kbd>}
    </Button>
  );
}

/**
 * The cockpit: keys (re-bindable), quick-marker labels, the double-Go guard, the auto-go lead,
 * desktop global shortcuts, this seat's name and the host prompter's link.
 */
export function LiveSettingsCard() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['live', 'settings'], queryFn: () => api.call('live.settings.get', {}) });
  const prompter = useQuery({ queryKey: ['session', 'prompter'], queryFn: () => api.call('session.prompter', {}), retry: false });
  const save = useMutation({
    mutationFn: (patch: Partial<LiveSettings>) => api.call('live.settings.set', patch),
    onSuccess: (next) => {
      queryClient.setQueryData(['live', 'settings'], next);
      notify.success(t('settings.live.saved'));
    },
    onError: (e) => notify.error(e),
  });
  const [seat, setSeat] = useState(seatName());
  const s = settings.data;
  const origin = (window.cuecart?.serverOrigin ?? location.origin).replace(/\/$/, '');
  const prompterUrl = prompter.data?.viewerToken ? `${origin}/prompter?token=${prompter.data.viewerToken}` : null;

  return (
    <Card title={t('settings.live.title')} size="small" data-testid="live-settings">
      {s && (
        <Row gutter={[24, 8]}>
          <Col xs={24} lg={12}>
            <Typography.Text strong>{t('settings.live.keys')}</Typography.Text>
            <Form layout="horizontal" labelCol={{ flex: '210px' }} labelAlign="left" colon={false} size="small" style={{ marginTop: 8 }}>
              {LIVE_KEY_ACTIONS.map((action) => (
                <Form.Item key={action} label={t(KEY_LABEL[action])} style={{ marginBottom: 6 }}>
                  <KeyCapture value={s.keys[action]} onChange={(code) => save.mutate({ keys: { ...s.keys, [action]: code } })} testId={`key-${action}`} />
                </Form.Item>
              ))}
              <Form.Item label={t('cockpit.keys.guard')} style={{ marginBottom: 6 }}>
                <InputNumber
                  min={0}
                  max={5000}
                  step={100}
                  defaultValue={s.doubleGoMs}
                  suffix="ms"
                  onBlur={(e) => save.mutate({ doubleGoMs: Number(e.target.value) || 0 })}
                  data-testid="double-go-ms"
                />
              </Form.Item>
              <Form.Item label={t('settings.live.autoGo')} style={{ marginBottom: 6 }}>
                <InputNumber min={1} max={30} step={1} defaultValue={s.autoGoMs / 1000} suffix="s" onBlur={(e) => save.mutate({ autoGoMs: Math.round((Number(e.target.value) || 3) * 1000) })} />
              </Form.Item>
            </Form>
            <Typography.Text strong>{t('settings.live.global')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
              {t('settings.live.globalHelp')}
            </Typography.Paragraph>
            <Space wrap>
              <Switch
                checked={s.globalShortcuts.enabled}
                onChange={(enabled) => save.mutate({ globalShortcuts: { ...s.globalShortcuts, enabled } })}
                data-testid="global-shortcuts"
              />
              <Input size="small" style={{ width: 240 }} addonBefore="GO" defaultValue={s.globalShortcuts.go} onBlur={(e) => save.mutate({ globalShortcuts: { ...s.globalShortcuts, go: e.target.value } })} />
              <Input size="small" style={{ width: 280 }} addonBefore={t('cockpit.next.back')} defaultValue={s.globalShortcuts.back} onBlur={(e) => save.mutate({ globalShortcuts: { ...s.globalShortcuts, back: e.target.value } })} />
            </Space>
            <div style={{ marginTop: 12 }}>
              <Space align="start">
                <Switch checked={s.obsPreviewStandby} onChange={(obsPreviewStandby) => save.mutate({ obsPreviewStandby })} data-testid="obs-preview-standby" />
                <Typography.Text strong>{t('settings.live.previewStandby')}</Typography.Text>
              </Space>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0, marginTop: 4 }}>
                {t('settings.live.previewStandbyHelp')}
              </Typography.Paragraph>
            </div>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Text strong>{t('cockpit.keys.quick')}</Typography.Text>
            <Row gutter={[8, 6]} style={{ marginTop: 8 }}>
              {s.quickMarkers.map((label, i) => (
                <Col span={8} key={i}>
                  <Input
                    size="small"
                    prefix={<kbd className="cc-kbd">{i + 1}</kbd>}
                    defaultValue={label}
                    maxLength={40}
                    placeholder={t(`cockpit.markers.quick${i + 1}` as 'cockpit.markers.quick1')}
                    onBlur={(e) => {
                      if (e.target.value === label) return;
                      const next = [...s.quickMarkers];
                      next[i] = e.target.value.trim();
                      save.mutate({ quickMarkers: next });
                    }}
                    data-testid={`quick-label-${i + 1}`}
                  />
                </Col>
              ))}
            </Row>
            {!window.cuecart && (
              <Form layout="vertical" size="small" style={{ marginTop: 12 }}>
                <Form.Item label={t('settings.live.seat')} extra={t('settings.live.seatHelp')}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Input value={seat} maxLength={40} onChange={(e) => setSeat(e.target.value)} data-testid="seat-name" />
                    <Button
                      onClick={() => {
                        setSeatName(seat);
                        location.reload();
                      }}
                    >
                      {t('settings.live.seatSave')}
                    </Button>
                  </Space.Compact>
                </Form.Item>
              </Form>
            )}
            {prompterUrl && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text strong>{t('settings.live.prompter')}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
                  {t('settings.live.prompterHelp')}
                </Typography.Paragraph>
                <Typography.Text copyable={{ text: prompterUrl }} className="cc-mono" data-testid="prompter-link">
                  {`${origin}/prompter?token=…`}
                </Typography.Text>
              </div>
            )}
          </Col>
        </Row>
      )}
    </Card>
  );
}
