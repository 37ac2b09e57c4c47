import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from '../api/client';
import { initI18n } from '../i18n';
import { ApiProvider } from '../lib/api-context';
import { createQueryClient, invalidateOnDataChanged } from '../lib/query';
import { PrompterPage } from './PrompterPage';
import { prompterToken } from './prompter-token';
import './prompter.css';

// The host prompter: its own light page at /prompter, opened with the read-only viewer token
// (kept in this tab's session, so it never replaces the operator token of this browser).
initI18n();
const queryClient = createQueryClient();
const api = connectApi(() => void queryClient.invalidateQueries(), { token: prompterToken(), seat: 'prompter' });
invalidateOnDataChanged(api, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <PrompterPage />
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
