import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client';
import { ApiProvider, useTransportState } from '../lib/api-context';
import { normalizeLanguage, useThemeMode } from '../lib/prefs';
import { applyDocumentTheme, themeConfig } from '../theme/theme';
import { AppRoutes } from './AppRoutes';

// Rarely shown (browser door without a valid token): keep it out of the first load.
const TokenScreen = lazy(() => import('./TokenScreen'));

/** The app, or the token prompt once the server has refused this browser. */
function Gate() {
  const state = useTransportState();
  // Sticky: the transport keeps retrying (connecting ↔ unauthorized); the prompt must not flicker.
  const [refused, setRefused] = useState(false);
  if (state === 'unauthorized' && !refused) setRefused(true);
  return refused || state === 'unauthorized' ? (
    <Suspense fallback={null}>
      <TokenScreen />
    </Suspense>
  ) : (
    <AppRoutes />
  );
}

/** antd's locale and theme follow the UI language and the theme setting. */
function Themed() {
  const { i18n } = useTranslation();
  const mode = useThemeMode();
  const lang = normalizeLanguage(i18n.language);
  useEffect(() => applyDocumentTheme(mode), [mode]);
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={themeConfig(mode)} componentSize="middle" button={{ autoInsertSpace: false }}>
      <AntApp message={{ maxCount: 3, top: 60 }}>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}

export function Root({ api, queryClient }: { api: ApiClient; queryClient: QueryClient }) {
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <Themed />
      </QueryClientProvider>
    </ApiProvider>
  );
}
