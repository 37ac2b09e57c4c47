import { memo } from 'react';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveSettings } from '../../../../../electron/contract';
import { keyLabel } from './key-label';

/** The cockpit's keys, as set in Settings. */
export const ShortcutsPanel = memo(function ShortcutsPanel({ settings }: { settings: LiveSettings | undefined }) {
  const { t } = useTranslation();
  const keys = settings?.keys;
  return (
    <div data-testid="shortcuts">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('cockpit.keys.go')}>
          <kbd className="cc-kbd">{keyLabel(keys?.go)}</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.back')}>
          <kbd className="cc-kbd">{keyLabel(keys?.back)}</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.hideAll')}>
          <kbd className="cc-kbd">{keyLabel(keys?.hideAll)}</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.marker')}>
          <kbd className="cc-kbd">{keyLabel(keys?.marker)}</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.quick')}>
          <kbd className="cc-kbd">1</kbd> … <kbd className="cc-kbd">9</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.tick')}>
          <kbd className="cc-kbd">⇧1</kbd> … <kbd className="cc-kbd">⇧9</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.cancelAutoGo')}>
          <kbd className="cc-kbd">{keyLabel(keys?.cancelAutoGo)}</kbd>
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.keys.guard')}>{t('cockpit.keys.guardValue', { ms: settings?.doubleGoMs ?? 500 })}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 10 }}>
        {t('cockpit.keys.help')} <Link to="/settings">{t('cockpit.keys.toSettings')}</Link>
      </Typography.Paragraph>
    </div>
  );
});
