import { lazy } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout';

// One chunk per area, loaded on first visit, so the first paint only needs the shell.
const CatalogPage = lazy(() => import('../features/catalog/CatalogPage'));
const HostsPage = lazy(() => import('../features/hosts/HostsPage'));
const ShowsPage = lazy(() => import('../features/shows/ShowsPage'));
const ShowEditorPage = lazy(() => import('../features/shows/editor/ShowEditorPage'));
const ShowPreflightPage = lazy(() => import('../features/obs/ShowPreflightPage'));
const LivePage = lazy(() => import('../features/live/LivePage'));
const RecapsPage = lazy(() => import('../features/recaps/RecapsPage'));
const RecapPage = lazy(() => import('../features/recaps/RecapPage'));
const ComparePage = lazy(() => import('../features/recaps/ComparePage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));

/** Hash routing: the desktop window loads the UI from a custom protocol, not a web server. */
export function AppRoutes() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/catalog" replace />} />
          <Route path="catalog" element={<CatalogPage />} />
          <Route path="hosts" element={<HostsPage />} />
          <Route path="shows" element={<ShowsPage />} />
          <Route path="shows/:id" element={<ShowEditorPage />} />
          <Route path="shows/:id/preflight" element={<ShowPreflightPage />} />
          <Route path="live" element={<LivePage />} />
          <Route path="recaps" element={<RecapsPage />} />
          <Route path="recaps/compare" element={<ComparePage />} />
          <Route path="recaps/:id" element={<RecapPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to="/catalog" replace />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
