import {
  AppstoreOutlined,
  BarChartOutlined,
  CalendarOutlined,
  PlayCircleOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Flex, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { surfaceBorder } from '../theme/theme';
import { useThemeMode } from '../lib/prefs';
// Direct file import: the header needs only the badge, not the whole OBS feature.
import { ObsStatusBadge } from '../features/obs/ObsStatusBadge';
import { ConnectionBadge } from './ConnectionBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';

const AREAS: { key: 'catalog' | 'hosts' | 'shows' | 'live' | 'recaps' | 'settings'; icon: ReactNode }[] = [
  { key: 'catalog', icon: <AppstoreOutlined /> },
  { key: 'hosts', icon: <TeamOutlined /> },
  { key: 'shows', icon: <CalendarOutlined /> },
  { key: 'live', icon: <PlayCircleOutlined /> },
  { key: 'recaps', icon: <BarChartOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
];

/** The frame around every area: left navigation, header with status, the routed page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const border = `1px solid ${surfaceBorder(useThemeMode())}`;
  const area = pathname.split('/')[1] ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Sticky: the navigation stays in view on long pages (Settings with the OBS scene list). */}
      <Layout.Sider
        width={200}
        breakpoint="lg"
        collapsedWidth={56}
        style={{ borderRight: border, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Flex align="center" gap={8} style={{ height: 52, padding: '0 18px', borderBottom: border }}>
          <PlayCircleOutlined style={{ fontSize: 20, color: '#5b6cff' }} />
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }} className="cc-brand">
            {t('app.name')}
          </Typography.Text>
        </Flex>
        <Menu
          mode="inline"
          aria-label={t('nav.menu')}
          selectedKeys={[area]}
          // The whole item (icon included, also when the sider is collapsed) navigates.
          onClick={({ key }) => void navigate(`/${key}`)}
          style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          items={AREAS.map(({ key, icon }) => ({
            key,
            icon,
            label: t(`nav.${key}`),
            // On the <li> itself, so tests find it also when the sider is collapsed to icons.
            'data-testid': `nav-${key}`,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: border, position: 'sticky', top: 0, zIndex: 10 }}>
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            <Flex align="center" gap={16}>
              <ObsStatusBadge />
              <ConnectionBadge />
              <LanguageSwitch />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>
          {/* Keyed by area so leaving a crashed page recovers without a reload. */}
          <ErrorBoundary key={area}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 64 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
