import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Card, Col, Form, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage, setLanguage } from '../../i18n';
import { setThemeMode, useThemeMode, type Language, type ThemeMode } from '../../lib/prefs';
import { ObsSettingsSection } from '../obs';
import { ControlApiCard } from './ControlApiCard';
import { LiveSettingsCard } from './LiveSettingsCard';
import { StatusCard } from './StatusCard';

/** Settings 设置: OBS connection, the cockpit (keys, markers, prompter), language, theme, demo workspace, app status, control API. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const mode = useThemeMode();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <ObsSettingsSection />
        </Col>
        <Col xs={24}>
          <LiveSettingsCard />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.appearance')} size="small">
            <Form layout="horizontal" labelCol={{ flex: '120px' }} labelAlign="left" colon={false}>
              <Form.Item label={t('settings.language')}>
                <Radio.Group
                  optionType="button"
                  value={currentLanguage()}
                  onChange={(e) => setLanguage(e.target.value as Language)}
                  data-testid="settings-lang"
                  options={[
                    { value: 'zh-CN', label: <span data-testid="settings-lang-zh-CN">{t('lang.zhCN')}</span> },
                    { value: 'en', label: <span data-testid="settings-lang-en">{t('lang.en')}</span> },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('settings.theme')} style={{ marginBottom: 0 }}>
                <Radio.Group
                  optionType="button"
                  value={mode}
                  onChange={(e) => setThemeMode(e.target.value as ThemeMode)}
                  data-testid="settings-theme"
                  options={[
                    { value: 'dark', label: <span data-testid="settings-theme-dark"><MoonOutlined /> {t('settings.dark')}</span> },
                    { value: 'light', label: <span data-testid="settings-theme-light"><SunOutlined /> {t('settings.light')}</span> },
                  ]}
                />
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.workspace')} size="small" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('settings.demoHelp')}</Typography.Paragraph>
            <LoadDemoButton />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <StatusCard />
        </Col>
        <Col xs={24} xl={12}>
          <ControlApiCard />
        </Col>
      </Row>
    </>
  );
}
