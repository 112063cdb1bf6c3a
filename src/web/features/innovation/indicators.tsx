/**
 * The indicator table of the Indeks Inovasi Daerah: one row per indicator with its weight, the
 * parameter chosen (labels from the rulebook), the points, evidence and the red flag for a
 * mandatory indicator without evidence. Used for an innovation's SID (16–35) and the region's SPD.
 */
import { Badge, Box, Button, Group, NativeSelect, Paper, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconFlag, IconLock, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RulebookIndicator, ScoreItem } from '../../api/innovations.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { formatScore } from './common.tsx';

export interface Answer {
  choice: number;
  basis: string | null;
  evidenceIds: string[];
  note: string | null;
}

export type Answers = Record<string, Answer>;

export function answersFrom(items: ScoreItem[]): Answers {
  return Object.fromEntries(
    items.filter((i) => !i.derived).map((i) => [i.indicator, { choice: i.choice, basis: i.basis, evidenceIds: i.evidenceIds ?? [], note: i.note ?? null }]),
  );
}

/** Points as the rulebook computes them (weight × parameter), for rows edited but not yet saved. */
function previewPoints(item: ScoreItem, a: Answer | undefined): number {
  if (!a) return item.points;
  return item.weight * a.choice;
}

interface Props {
  items: ScoreItem[];
  indicators: RulebookIndicator[];
  answers: Answers;
  editable: boolean;
  onChange: (indicator: string, a: Answer) => void;
  /** Evidence attach for a row; absent when the table has no per-row evidence. */
  onEvidence?: (indicator: string) => void;
  testId?: string;
  derivedHint?: (item: ScoreItem) => string;
}

export function IndicatorTable({ items, indicators, answers, editable, onChange, onEvidence, testId, derivedHint }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const byNo = new Map(indicators.map((i) => [i.no, i]));

  const rows = items.map((item) => {
    const ind = byNo.get(item.indicator);
    const a = answers[item.indicator];
    const saved = !a || (a.choice === item.choice && (a.basis ?? null) === (item.basis ?? null) && sameIds(a.evidenceIds, item.evidenceIds ?? []));
    const evidenceCount = a && onEvidence ? a.evidenceIds.length : item.evidenceCount;
    const choice = a?.choice ?? item.choice;
    const flagged = a && onEvidence ? item.mandatory && !item.derived && evidenceCount === 0 : item.flag === 'missing_evidence';
    const points = saved ? item.points : previewPoints(item, a);
    const basisList = ind?.bases ?? [];
    const basis = a?.basis ?? item.basis ?? null;
    const params = basisList.length ? (basisList.find((b) => b.key === basis)?.params ?? ind?.params ?? []) : (ind?.params ?? []);
    const paramLabel = (v: number) => params.find((p) => p.value === v)?.label;

    const select = item.derived ? (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconLock size={16} style={{ flex: 'none', marginTop: 2 }} color="var(--mantine-color-gray-6)" />
        <Stack gap={2}>
          <Text size="sm">{item.choiceLabel ?? t('innovation.score.none')}</Text>
          <Text size="xs" c="dimmed" data-testid="score-derived-hint">
            {derivedHint?.(item) ?? t('innovation.score.derived')}
          </Text>
        </Stack>
      </Group>
    ) : editable ? (
      <Stack gap={4}>
        {basisList.length > 0 && (
          <NativeSelect
            size="xs"
            aria-label={t('innovation.score.basis')}
            value={basis ?? ''}
            onChange={(e) => onChange(item.indicator, { ...(a ?? emptyAnswer(item)), basis: e.currentTarget.value || null, choice: e.currentTarget.value ? (a?.choice ?? 0) : 0 })}
            data={[{ value: '', label: t('innovation.score.pickBasis') }, ...basisList.map((b) => ({ value: b.key, label: `${b.key}. ${b.label}` }))]}
            data-testid={`score-basis-${item.indicator}`}
          />
        )}
        <NativeSelect
          size="xs"
          aria-label={`${t('innovation.score.parameter')} ${item.indicator}`}
          value={String(choice)}
          disabled={basisList.length > 0 && !basis}
          onChange={(e) => onChange(item.indicator, { ...(a ?? emptyAnswer(item)), choice: Number(e.currentTarget.value) })}
          data={[{ value: '0', label: t('innovation.score.none') }, ...params.map((p) => ({ value: String(p.value), label: `${p.value}. ${p.label}` }))]}
          data-testid={`score-choice-${item.indicator}`}
        />
      </Stack>
    ) : (
      <Text size="sm">
        {choice > 0 ? `${choice}. ${paramLabel(choice) ?? item.choiceLabel ?? ''}` : t('innovation.score.none')}
        {basis && basisList.length > 0 && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({t('innovation.score.basis')}: {basisList.find((b) => b.key === basis)?.label ?? basis})
          </Text>
        )}
      </Text>
    );

    const evidence = item.derived ? (
      <Text size="sm" c="dimmed">
        —
      </Text>
    ) : onEvidence ? (
      <Button
        size="compact-sm"
        variant={evidenceCount ? 'light' : 'subtle'}
        color={flagged ? 'red' : undefined}
        leftSection={<IconPaperclip size={14} />}
        onClick={() => onEvidence(item.indicator)}
        disabled={!editable}
        data-testid={`score-evidence-${item.indicator}`}
        aria-label={`${t('innovation.score.evidence')} ${item.indicator}`}
      >
        {evidenceCount}
      </Button>
    ) : (
      <Text size="sm">{evidenceCount}</Text>
    );

    const flag = flagged ? (
      <Tooltip label={t('innovation.score.flagMissing')} multiline maw={260}>
        <ThemeIcon color="red" variant="light" size={22} radius="xl" data-testid="score-flag" aria-label={t('innovation.score.flagMissing')}>
          <IconFlag size={14} />
        </ThemeIcon>
      </Tooltip>
    ) : null;

    const nameCell = (
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {item.name}
          </Text>
          {flag}
        </Group>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {item.variable}
          </Text>
          {item.mandatory && (
            <Badge size="xs" variant="outline" color="red">
              {t('innovation.score.mandatory')}
            </Badge>
          )}
          {!saved && (
            <Badge size="xs" variant="light" color="yellow">
              {t('innovation.score.unsaved')}
            </Badge>
          )}
        </Group>
      </Stack>
    );

    return { item, select, evidence, flagged, points, nameCell };
  });

  if (mobile) {
    return (
      <Stack gap="xs" data-testid={testId}>
        {rows.map(({ item, select, evidence, flagged, points, nameCell }) => (
          <Paper key={item.indicator} withBorder p="sm" bg={flagged ? 'red.0' : undefined} data-testid="score-row" data-indicator={item.indicator} data-flagged={flagged || undefined}>
            <Group gap="xs" align="flex-start" wrap="nowrap" mb={6}>
              <Badge variant="filled" color="gray" size="lg" radius="sm" style={{ flex: 'none' }}>
                {item.indicator}
              </Badge>
              <Box style={{ minWidth: 0, flex: 1 }}>{nameCell}</Box>
            </Group>
            {select}
            <Group justify="space-between" mt={6}>
              <Text size="xs" c="dimmed">
                {t('innovation.score.weight')} {formatScore(item.weight)} · {t('innovation.score.points')}{' '}
                <Text span fw={700} c="dark">
                  {formatScore(points)} / {formatScore(item.maxPoints)}
                </Text>
              </Text>
              {evidence}
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid={testId} verticalSpacing="xs" striped={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>{t('innovation.score.no')}</Table.Th>
            <Table.Th>{t('innovation.score.indicator')}</Table.Th>
            <Table.Th w={70} ta="right">
              {t('innovation.score.weight')}
            </Table.Th>
            <Table.Th w={280}>{t('innovation.score.parameter')}</Table.Th>
            <Table.Th w={90} ta="right">
              {t('innovation.score.points')}
            </Table.Th>
            <Table.Th w={80}>{t('innovation.score.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ item, select, evidence, flagged, points, nameCell }) => (
            <Table.Tr key={item.indicator} bg={flagged ? 'red.0' : undefined} data-testid="score-row" data-indicator={item.indicator} data-flagged={flagged || undefined}>
              <Table.Td>
                <Text fw={700} size="sm">
                  {item.indicator}
                </Text>
              </Table.Td>
              <Table.Td>{nameCell}</Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatScore(item.weight)}</Text>
              </Table.Td>
              <Table.Td>{select}</Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={650} style={{ whiteSpace: 'nowrap' }}>
                  {formatScore(points)} / {formatScore(item.maxPoints)}
                </Text>
              </Table.Td>
              <Table.Td>{evidence}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function emptyAnswer(item: ScoreItem): Answer {
  return { choice: item.choice, basis: item.basis, evidenceIds: item.evidenceIds ?? [], note: item.note ?? null };
}

function sameIds(a: string[], b: string[]) {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function isDirty(items: ScoreItem[], answers: Answers): boolean {
  return items.some((i) => {
    const a = answers[i.indicator];
    return !!a && (a.choice !== i.choice || (a.basis ?? null) !== (i.basis ?? null) || !sameIds(a.evidenceIds, i.evidenceIds ?? []));
  });
}

