import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEyeOff, IconFileTypePdf, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../api/kipp.ts';

/**
 * A judge's view of an entered proposal: the scored version, read-only, in the official section
 * order with word counts and weights. In blind mode the server has already removed unit and
 * innovator names; this page adds no link to the innovation record.
 */
export function ProposalReadView({ p }: { p: Proposal }) {
  const { t } = useTranslation();
  const competitionId = p.locked?.competitionId ?? p.competitionId;
  return (
    <Stack gap="md" maw={980} data-testid="proposal-read">
      {competitionId && (
        <Anchor component={Link} to={`/kompetisi/${competitionId}`} size="sm" data-testid="read-back">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('flow.read.back')}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('flow.read.kicker')}
          </Text>
          <Title order={2} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }} data-testid="proposal-title">
            {p.title}
          </Title>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light">{t('kipp.proposal.rulebook', { title: p.rulebookTitle })}</Badge>
            {p.locked && (
              <Badge variant="light" color="gray" leftSection={<IconLock size={12} />} data-testid="read-version">
                {t('flow.read.version', { version: p.locked.version })}
              </Badge>
            )}
            {p.blind && (
              <Badge variant="light" color="grape" leftSection={<IconEyeOff size={12} />}>
                {t('flow.read.blind')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Button component="a" href={`/api/proposals/${p.id}/export.pdf`} variant="default" leftSection={<IconFileTypePdf size={16} />} data-testid="export-pdf">
            {t('kipp.proposal.export.pdf')}
          </Button>
          {competitionId && (
            <Button component={Link} to={`/kompetisi/${competitionId}?nilai=${p.id}`} data-testid="read-score">
              {t('flow.read.score')}
            </Button>
          )}
        </Group>
      </Group>
      <Alert color="gray" icon={<IconLock size={16} />}>
        {t('flow.read.note', { competition: p.locked?.competitionName ?? '' })}
      </Alert>
      {p.sections.map((s, i) => (
        <Paper key={s.key} withBorder p="md" data-testid="read-section" data-section={s.key}>
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
                {i + 1}. {s.title}
              </Title>
              <Group gap={6}>
                <Badge variant="outline" color={s.wordCount > s.wordLimit ? 'red' : 'gray'}>
                  {t('kipp.proposal.words', { count: s.wordCount, limit: s.wordLimit })}
                </Badge>
                <Badge variant="light" color="gray">
                  {s.weight ? t('kipp.proposal.weight', { weight: s.weight }) : t('kipp.proposal.noWeight')}
                </Badge>
              </Group>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={s.text ? undefined : 'dimmed'} fs={s.text ? undefined : 'italic'}>
              {s.text || t('flow.read.empty')}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
