import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRulebooks as useKippRulebooks } from '../api/kipp.ts';

/**
 * "belum terverifikasi": shown wherever a number or rulebook from an UNVERIFIED source is used
 * (RULES.md confidence marks). Renders nothing for HIGH/MED/LOW unless `force` is set (a single
 * number flagged UNVERIFIED inside a verified rulebook). The tooltip names the source confidence.
 */
export function UnverifiedBadge({ confidence, force, what, size = 'sm', alone }: { confidence?: string | null; force?: boolean; what?: string; size?: 'xs' | 'sm' | 'md'; alone?: boolean }) {
  const { t } = useTranslation();
  if (!force && confidence !== 'UNVERIFIED') return null;
  const level = t(`assessment.confidenceLevel.${confidence && ['HIGH', 'MED', 'LOW', 'UNVERIFIED'].includes(confidence) ? confidence : 'UNVERIFIED'}`);
  return (
    <Tooltip label={what ? t('assessment.unverifiedHintItem', { what, level }) : t('assessment.unverifiedHint', { level })} multiline maw={320} withArrow>
      <Badge color="orange" variant="light" size={size} leftSection={<IconAlertTriangle size={12} />} tt="none" data-testid="unverified-badge" style={{ cursor: 'help', ...(alone ? { alignSelf: 'flex-start' } : {}) }}>
        {t('assessment.unverified')}
      </Badge>
    </Tooltip>
  );
}

/** The badge for a KIPP rulebook by id (e.g. `kipp-khusus-2023`, whose weights are UNVERIFIED). */
export function KippRulebookUnverifiedBadge({ rulebookId, size = 'sm', alone }: { rulebookId: string | null | undefined; size?: 'xs' | 'sm' | 'md'; alone?: boolean }) {
  const { t } = useTranslation();
  const rulebooks = useKippRulebooks();
  const rb = rulebooks.data?.items.find((r) => r.id === rulebookId);
  return <UnverifiedBadge confidence={rb?.confidence} what={t('assessment.kippWeights')} size={size} alone={alone} />;
}
