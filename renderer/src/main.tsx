import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/client';
import { captureTokenFromUrl } from './api/token';
import { initI18n } from './i18n';
import { createQueryClient, invalidateOnDataChanged } from './lib/query';
import { Root } from './shell/Root';
import './styles.css';

// Order matters: the token must be in storage before the WebSocket opens.
captureTokenFromUrl();
initI18n();
const queryClient = createQueryClient();
// After a reconnect we may have missed `data.changed` events: refetch everything on screen.
const api = connectApi(() => void queryClient.invalidateQueries());
invalidateOnDataChanged(api, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root api={api} queryClient={queryClient} />
  </StrictMode>,
);
