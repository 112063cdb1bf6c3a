/** `components/LangSwitch.tsx` for the lean survey-form build: the same button, no Tooltip. */
import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth.tsx';

export function LangSwitch({ variant = 'default' }: { variant?: 'default' | 'subtle' }) {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useAuth();
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <Button
      variant={variant}
      size="xs"
      leftSection={<IconLanguage size={16} />}
      onClick={() => setLanguage(next)}
      data-testid="lang-switch"
      aria-label={t('lang.switchTo')}
      title={t('lang.switchTo')}
      lang={next}
    >
      {next === 'en' ? 'EN' : 'ID'}
    </Button>
  );
}
