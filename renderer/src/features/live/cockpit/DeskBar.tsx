import { FlagOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSettings, LiveSnapshot } from '../../../../../electron/contract';
import { keyLabel } from './key-label';
import type { LiveActions } from './useLive';

export const QUICK_MARKERS = 9;

/** The label of quick marker n: the one set in Settings, else the built-in one in the UI language. */
export function quickLabel(settings: LiveSettings | undefined, n: number, builtIn: (n: number) => string): string {
  return settings?.quickMarkers[n - 1] || builtIn(n);
}

/** Markers (M and quick markers 1–9) and the one-line message to the host's prompter. */
export function DeskBar({ snapshot, settings, actions, canEdit }: { snapshot: LiveSnapshot; settings: LiveSettings | undefined; actions: LiveActions; canEdit: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const builtIn = (n: number) => t(`cockpit.markers.quick${n}` as 'cockpit.markers.quick1');
  const active = canEdit && snapshot.state !== 'ended';
  const send = () => {
    actions.message.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  return (
    <section className="cc-panel cc-desk" data-testid="desk-bar">
      <Flex align="center" gap={6} wrap>
        <Tooltip title={t('cockpit.markers.help')}>
          <Button icon={<FlagOutlined />} disabled={!active} onClick={() => actions.marker.mutate({ label: '' })} data-testid="marker">
            {t('cockpit.markers.marker')} <kbd className="cc-kbd">{keyLabel(settings?.keys.marker)}</kbd>
          </Button>
        </Tooltip>
        {Array.from({ length: QUICK_MARKERS }, (_, i) => i + 1).map((n) => (
          <Button key={n} size="small" disabled={!active} onClick={() => actions.marker.mutate({ label: quickLabel(settings, n, builtIn), quick: n })} data-testid={`quick-${n}`}>
            <kbd className="cc-kbd">{n}</kbd> {quickLabel(settings, n, builtIn)}
          </Button>
        ))}
      </Flex>
      <Flex align="center" gap={6} wrap style={{ marginTop: 10 }}>
        <MessageOutlined />
        <Input
          style={{ flex: '1 1 220px', minWidth: 180 }}
          value={text}
          maxLength={300}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={send}
          placeholder={t('cockpit.message.placeholder')}
          disabled={!active}
          data-testid="message-input"
        />
        <Button type="primary" icon={<SendOutlined />} disabled={!active || !text.trim()} onClick={send} data-testid="message-send">
          {t('cockpit.message.send')}
        </Button>
        {snapshot.message && (
          <Button disabled={!active} onClick={() => actions.message.mutate('')} data-testid="message-clear">
            {t('cockpit.message.clear')}
          </Button>
        )}
      </Flex>
      {snapshot.message && (
        <Typography.Text type="secondary" data-testid="message-current">
          {t('cockpit.message.onPrompter')} {snapshot.message.text}
        </Typography.Text>
      )}
    </section>
  );
}
