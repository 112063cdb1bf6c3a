import { Button, Tooltip } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { waShareLink } from '../../shared/whatsapp.ts';

/**
 * Opens wa.me with the text filled in (offices forward invitations and reminders this way).
 * A plain link: the user's click opens WhatsApp; Serasan fetches and sends nothing.
 */
export function WhatsAppShareButton({ text, phone, size = 'compact-sm' }: { text: string; phone?: string | null; size?: 'xs' | 'sm' | 'compact-sm' | 'compact-xs' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('whatsapp.hint')} multiline w={260}>
      <Button
        component="a"
        href={waShareLink(text, phone)}
        target="_blank"
        rel="noopener noreferrer"
        size={size}
        variant="light"
        color="green"
        leftSection={<IconBrandWhatsapp size={16} />}
        data-testid="wa-share"
      >
        {t('whatsapp.share')}
      </Button>
    </Tooltip>
  );
}
