import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ME_KEY, useAuth } from './AuthProvider.tsx';
import { ForbiddenPage } from '../features/misc/ForbiddenPage.tsx';

export function FullPageLoader() {
  return (
    <Center h="60vh">
      <Loader />
    </Center>
  );
}

/** Signed-out users go to /masuk?next=…; a temporary password must be changed first. */
export function RequireAuth() {
  const { user, isLoading, loadError, signedOut } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  const qc = useQueryClient();
  if (isLoading) return <FullPageLoader />;
  if (loadError && !user) {
    return (
      <Center h="60vh" p="md">
        <Stack maw={480}>
          <Alert color="red" icon={<IconPlugConnectedX />} title={t('common.errors.serverUnreachableTitle')}>
            {loadError.message}
          </Alert>
          <Button onClick={() => qc.invalidateQueries({ queryKey: ME_KEY })}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!user) {
    if (signedOut) return <Navigate to="/masuk" replace />;
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/masuk?next=${encodeURIComponent(next)}` : '/masuk'} replace />;
  }
  if (user.mustChangePassword && location.pathname !== '/ganti-kata-sandi') {
    return <Navigate to="/ganti-kata-sandi" replace />;
  }
  return <Outlet />;
}

export function RequireAdmin() {
  const { isAdmin } = useAuth();
  return isAdmin ? <Outlet /> : <ForbiddenPage />;
}

export function RequirePlatformAdmin() {
  const { user } = useAuth();
  return user?.isPlatformAdmin ? <Outlet /> : <ForbiddenPage />;
}

/** Only make the internal `next` target reachable: never an absolute URL. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  if (next.startsWith('/masuk')) return '/';
  return next;
}
