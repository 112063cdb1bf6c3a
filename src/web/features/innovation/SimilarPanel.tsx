import { useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSimilar, type SimilarInnovation } from '../../api/innovations.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatPercent, StageBadge, StatusBadge } from './common.tsx';

export const SIMILAR_MIN_CHARS = 8;
const SHOWN = 5;

function linkTo(s: SimilarInnovation): string {
  return s.sameTenant ? `/inovasi/${s.id}` : `/publik/inovasi/${s.id}`;
}

/**
 * "Search before create": innovations of this and other regions that read like the one being
 * typed, best first, so nobody records the same innovation twice (or misses a replication).
 */
export function SimilarPanel({ text, title, excludeId }: { text: string; title?: string; excludeId?: string }) {
  const { t } = useTranslation();
  const enough = text.length >= SIMILAR_MIN_CHARS;
  const similar = useSimilar(enough ? text : '', excludeId, title);
  const items = enough ? (similar.data?.items ?? []) : [];
  const duplicates = items.filter((i) => i.likelyDuplicate);
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);

  return (
    <Paper withBorder p="md" data-testid="similar-panel" aria-live="polite" bg="gray.0">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconSearch size={18} />
          <Title order={3} fz="h5">
            {t('innovation.similar.title')}
          </Title>
        </Group>
        {enough && similar.isFetching && <Loader size="xs" />}
      </Group>
      {!enough ? (
        <Text size="sm" c="dimmed">
          {t('innovation.similar.hint', { min: SIMILAR_MIN_CHARS })}
        </Text>
      ) : (
        <Stack gap="sm">
          <ErrorAlert error={similar.error} />
          {duplicates.length > 0 && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t('innovation.similar.duplicateTitle')} data-testid="duplicate-warning" p="sm">
              <Text size="sm">
                {t('innovation.similar.duplicateBody', { title: duplicates[0]!.title, region: duplicates[0]!.tenantName })}
              </Text>
            </Alert>
          )}
          {similar.data && items.length === 0 && !similar.isFetching && (
            <Text size="sm" c="dimmed" data-testid="similar-none">
              {t('innovation.similar.none')}
            </Text>
          )}
          {items.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('innovation.similar.intro')}
            </Text>
          )}
          {shown.map((s) => (
            <Box
              key={s.id}
              p="xs"
              bg="white"
              style={{ border: `1px solid var(--mantine-color-${s.likelyDuplicate ? 'red-4' : 'gray-3'})`, borderRadius: 'var(--mantine-radius-sm)' }}
              data-testid="similar-item"
              data-duplicate={s.likelyDuplicate || undefined}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Anchor href={linkTo(s)} target="_blank" rel="noopener" size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {s.title} <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
                </Anchor>
                <Text size="sm" fw={700} c={s.likelyDuplicate ? 'red.7' : 'pemda.7'} style={{ flex: 'none' }} data-testid="similar-score">
                  {formatPercent(s.score)}
                </Text>
              </Group>
              <Progress value={Math.round(s.score * 100)} size={4} mt={4} color={s.likelyDuplicate ? 'red' : 'pemda'} aria-hidden />
              {s.reason && s.reason.length > 0 && (
                <Text size="xs" mt={4} data-testid="similar-reason">
                  {t('search.sharedWords', { words: s.reason.join(', ') })}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {[s.tenantName, s.unitName, s.year].filter(Boolean).join(' · ')}
              </Text>
              <Group gap={4} mt={4}>
                <Badge size="xs" variant="light" color={s.sameTenant ? 'pemda' : 'grape'}>
                  {s.sameTenant ? t('innovation.similar.ownRegion') : t('innovation.similar.otherRegion')}
                </Badge>
                <StageBadge stage={s.stage} size="xs" />
                {s.sameTenant && <StatusBadge status={s.status} size="xs" />}
                {s.likelyDuplicate && (
                  <Badge size="xs" color="red" variant="filled" data-testid="similar-duplicate-badge">
                    {t('search.likelyDuplicate')}
                  </Badge>
                )}
              </Group>
            </Box>
          ))}
          {items.length > shown.length && (
            <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)} data-testid="similar-more">
              {t('innovation.similar.more', { count: items.length - shown.length })}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
