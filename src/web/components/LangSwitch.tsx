import { Button, Tooltip } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider.tsx';

/** One click toggles Bahasa Indonesia ⇄ English; the label names the language you switch to. */
export function LangSwitch({ variant = 'default' }: { variant?: 'default' | 'subtle' }) {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useAuth();
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <Tooltip label={t('lang.switchTo')}>
      <Button
        variant={variant}
        size="xs"
        leftSection={<IconLanguage size={16} />}
        onClick={() => setLanguage(next)}
        data-testid="lang-switch"
        aria-label={t('lang.switchTo')}
        lang={next}
      >
        {next === 'en' ? 'EN' : 'ID'}
      </Button>
    </Tooltip>
  );
}
