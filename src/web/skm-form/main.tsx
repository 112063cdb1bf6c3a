/**
 * Lean entry of the citizen's survey form (/skm/{kode}), built on its own by vite.skm.config.ts:
 * the same PublicSurveyForm without the app (router, session, notifications, other pages) and
 * with only the Mantine styles it uses, so a phone on mobile data loads a fraction of the SPA.
 * In this build `react-router`, `auth/AuthProvider.tsx` and `i18n.ts` resolve to the small
 * stand-ins in ./shims (see vite.skm.config.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './styles.ts';
import '../styles.css';
import { theme } from '../theme.ts';
import { ready } from './shims/i18n.ts';
import { PublicSurveyForm } from '../features/skm/PublicSurveyForm.tsx';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
});

const code = decodeURIComponent(location.pathname.split('/')[2] ?? '');

void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <PublicSurveyForm code={code} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
