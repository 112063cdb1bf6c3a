import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { safeNext } from '../../auth/guards.tsx';
import { notifySuccess } from '../../components/feedback.tsx';
import { AuthCard } from './AuthCard.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user, refresh, logout } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(`${t('auth.password.title')} · Serasan`);

  return (
    <AuthCard title={t('auth.password.title')}>
      <Stack gap="md">
        {user?.mustChangePassword && (
          <Alert color="yellow" icon={<IconKey />}>
            {t('auth.password.requiredNotice')}
          </Alert>
        )}
        <ChangePasswordForm
          onDone={async () => {
            notifySuccess(t('auth.password.changed'));
            await refresh();
            navigate(safeNext(params.get('next')), { replace: true });
          }}
        />
        <Text size="sm" c="dimmed" ta="center">
          {user?.name} ·{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void logout()} data-testid="logout">
            {t('nav.logout')}
          </Anchor>
        </Text>
      </Stack>
    </AuthCard>
  );
}
