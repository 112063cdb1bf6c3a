import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconEyeOff, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { kippKeys, useCompetition, useProposals, useRanking, type CompetitionDetail } from '../../api/kipp.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, errorMessage, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';
import { CompetitionStatusBadge } from './KippHomePage.tsx';
import { DecreeForm } from './DecreeForm.tsx';
import { KippRulebookUnverifiedBadge } from '../../components/UnverifiedBadge.tsx';

const fmt = (n: number) => (Math.round(n * 100) / 100).toLocaleString('id-ID');

type Entry = CompetitionDetail['items'][number];

function ScoreForm({ detail, entry, onDone }: { detail: CompetitionDetail; entry: Entry; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { criteria, scale } = detail.competition.rulebook.body;
  const [values, setValues] = useState<Record<string, number | string>>(() => Object.fromEntries(criteria.map((c) => [c.key, entry.myScores?.[c.key] ?? ''])));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValues(Object.fromEntries(criteria.map((c) => [c.key, entry.myScores?.[c.key] ?? ''])));
    setError(null);
  }, [entry.proposalId]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    const scores: Record<string, number> = {};
    for (const c of criteria) {
      const v = values[c.key];
      const n = typeof v === 'number' ? v : Number.NaN;
      if (!Number.isFinite(n) || n < scale.min || n > scale.max) {
        setError(t('kipp.competition.scoreRequired', { min: scale.min, max: scale.max }));
        return;
      }
      scores[c.key] = n;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ total: number }>(`/competitions/${detail.competition.id}/scores/${entry.proposalId}`, { method: 'PUT', body: { scores } });
      notifySuccess(t('kipp.competition.scoreSaved', { total: fmt(res?.total ?? 0) }));
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const conflict = async () => {
    try {
      await api(`/competitions/${detail.competition.id}/conflicts`, { method: 'POST', body: { proposalId: entry.proposalId } });
      notifySuccess(t('kipp.competition.conflictDone'));
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Paper withBorder p="md" data-testid="score-form">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="lg" style={{ overflowWrap: 'anywhere' }}>
            {t('kipp.competition.scoreTitle', { title: entry.title })}
          </Title>
          <Badge variant="light" color="gray">
            {t('kipp.competition.scale', { min: scale.min, max: scale.max })}
          </Badge>
          <KippRulebookUnverifiedBadge rulebookId={detail.competition.rulebook.id} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {criteria.map((c) => (
            <NumberInput
              key={c.key}
              label={c.title}
              description={t('kipp.proposal.weight', { weight: c.weight })}
              value={values[c.key] ?? ''}
              onChange={(v) => {
                setValues((s) => ({ ...s, [c.key]: v }));
                setError(null);
              }}
              min={scale.min}
              max={scale.max}
              clampBehavior="none"
              allowDecimal
              data-testid={`score-${c.key}`}
            />
          ))}
        </SimpleGrid>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} data-testid="score-error" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Button variant="subtle" color="orange" size="xs" onClick={() => void conflict()} data-testid="score-conflict">
            {t('kipp.competition.conflict')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={detail.competition.status !== 'open'} data-testid="score-submit">
            {t('kipp.competition.submitScore')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ManagerTools({ detail, onDone }: { detail: CompetitionDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const id = detail.competition.id;
  const proposals = useProposals();
  // Candidates for the jury (every active user, judges first); an ID can still be pasted if the list fails.
  const users = useQuery({
    queryKey: ['judge-candidates', id],
    queryFn: () => api<{ items: Array<{ id: string; name: string; username: string; assigned: boolean }> }>(`/competitions/${id}/judge-candidates`),
    retry: false,
  });
  void isAdmin;
  const [proposalId, setProposalId] = useState('');
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const candidates = (proposals.data?.items ?? []).filter((p) => !p.competitionId);

  const run = async (what: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(what);
    try {
      await fn();
      notifySuccess(done);
      await onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('kipp.competition.addEntry')}</Title>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <NativeSelect
              style={{ flex: 1, minWidth: 0 }}
              aria-label={t('kipp.competition.addEntry')}
              value={proposalId}
              onChange={(e) => setProposalId(e.currentTarget.value)}
              data={[{ value: '', label: t('kipp.competition.addEntryPlaceholder') }, ...candidates.map((p) => ({ value: p.id, label: p.title }))]}
              data-testid="entry-select"
            />
            <Button
              disabled={!proposalId}
              loading={busy === 'entry'}
              onClick={() => void run('entry', () => api(`/competitions/${id}/entries`, { method: 'POST', body: { proposalId } }).then(() => setProposalId('')), t('kipp.competition.entryAdded'))}
              data-testid="entry-add"
            >
              {t('kipp.competition.addEntry')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('kipp.competition.addJudge')}</Title>
          <Text size="sm" c="dimmed" data-testid="assigned-judges">
            {detail.judges?.length ? t('kipp.competition.assignedJudges', { names: detail.judges.map((j) => j.name).join(', ') }) : t('kipp.competition.noJudges')}
          </Text>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            {users.data ? (
              <NativeSelect
                style={{ flex: 1, minWidth: 0 }}
                aria-label={t('kipp.competition.addJudge')}
                value={userId}
                onChange={(e) => setUserId(e.currentTarget.value)}
                data={[{ value: '', label: t('kipp.competition.judgePlaceholder') }, ...users.data.items.filter((u) => !u.assigned).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))]}
                data-testid="judge-select"
              />
            ) : (
              <TextInput
                style={{ flex: 1, minWidth: 0 }}
                aria-label={t('kipp.competition.addJudge')}
                placeholder={t('kipp.competition.judgePlaceholder')}
                value={userId}
                onChange={(e) => setUserId(e.currentTarget.value.trim())}
                data-testid="judge-id"
              />
            )}
            <Button
              disabled={!userId}
              loading={busy === 'judge'}
              onClick={() => void run('judge', () => api(`/competitions/${id}/judges`, { method: 'POST', body: { userId } }).then(() => setUserId('')), t('kipp.competition.judgeAdded'))}
              data-testid="judge-add"
            >
              {t('kipp.competition.addJudge')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function RankingTable({ detail, manager, onDone }: { detail: CompetitionDetail; manager: boolean; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = detail.competition.id;
  // Judges and readers see the ranking only once the result is decided (the server says so).
  const allowed = detail.permissions?.ranking ?? true;
  const ranking = useRanking(id, allowed);
  if (!allowed) {
    return (
      <Paper withBorder p="md" data-testid="ranking-hidden">
        <Text size="sm" c="dimmed">
          {t('flow.competition.rankingHidden')}
        </Text>
      </Paper>
    );
  }
  if (ranking.error) return null; // not everyone may see the ranking
  const r = ranking.data;
  const frozen = detail.competition.status === 'frozen';

  return (
    <Paper withBorder p="md" data-testid="ranking">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {t('kipp.competition.ranking')}
        </Title>
        {r && r.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kipp.competition.noRanking')}
          </Text>
        )}
        {r && r.items.length > 0 && !r.items.some((i) => i.judges > 0) && (
          <Text size="sm" c="dimmed" data-testid="ranking-no-scores">
            {t('competitionRules.noScores')}
          </Text>
        )}
        {r && r.items.some((i) => i.judges > 0) && (
          <Table.ScrollContainer minWidth={620}>
            <Table striped highlightOnHover withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={48}>{t('kipp.competition.rank')}</Table.Th>
                  <Table.Th>{t('kipp.competition.proposal')}</Table.Th>
                  <Table.Th ta="right">{t('kipp.competition.judgeCount')}</Table.Th>
                  <Table.Th ta="right">{t('kipp.competition.mean')}</Table.Th>
                  <Table.Th ta="right">{t('kipp.competition.spread')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((i) => (
                  <Table.Tr key={i.proposalId} data-testid="ranking-row" data-proposal={i.proposalId} data-flagged={i.flagged ? 'true' : 'false'}>
                    <Table.Td fw={700}>{i.rank ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {i.title}
                      </Text>
                      {i.unitName && (
                        <Text size="xs" c="dimmed">
                          {i.unitName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{i.judges}</Table.Td>
                    <Table.Td ta="right" fw={600} data-testid="ranking-mean">
                      {i.judges > 0 ? fmt(i.mean) : <Text span size="xs" c="dimmed">{t('competitionRules.notScored')}</Text>}
                    </Table.Td>
                    <Table.Td ta="right" c={i.flagged ? 'red.7' : undefined} data-testid="ranking-spread">
                      {fmt(i.spread)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {i.flagged && (
                          <Tooltip label={t('kipp.competition.flagHint', { margin: r.margin })}>
                            <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} />} data-testid="ranking-flag">
                              {t('kipp.competition.flag')}
                            </Badge>
                          </Tooltip>
                        )}
                        {i.nominated && (
                          <Badge color="teal" variant="light" data-testid="ranking-nominated">
                            {t('kipp.competition.nominated')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {r && r.items.some((i) => i.flagged) && (
          <Text size="xs" c="red.8">
            {t('kipp.competition.flagHint', { margin: r.margin })}
          </Text>
        )}
        {frozen && (
          <Group gap="sm" wrap="wrap">
            <Alert color="gray" py={6} style={{ flex: '1 1 260px' }}>
              {t('kipp.competition.frozenNote')}
            </Alert>
            {/* In blind mode the decree (it names the units) is for the managers only. */}
            {(detail.permissions?.decree ?? true) ? (
              <Button component="a" href={`/api/competitions/${id}/decree.pdf`} leftSection={<IconFileTypePdf size={16} />} data-testid="decree-pdf">
                {t('kipp.competition.decree')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }} data-testid="decree-blind">
                {t('kipp.competition.decreeBlind')}
              </Text>
            )}
          </Group>
        )}
        {manager && !frozen && <DecreeForm competitionId={id} onDone={onDone} />}
      </Stack>
    </Paper>
  );
}

export default function CompetitionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { user, isAdmin } = useAuth();
  const detail = useCompetition(id);
  // The server says who manages and who is an assigned judge; roles are only the fallback.
  const manager = detail.data?.permissions?.manage ?? (isAdmin || hasRole(user, 'innovation_team'));
  const scorer = detail.data?.permissions?.score ?? (isAdmin || hasRole(user, 'judge', 'innovation_team', 'leader'));
  // "?nilai=<proposal>" (from the judge's read-only view) opens that entry's score form.
  const [search] = useSearchParams();
  const [scoring, setScoring] = useState<string | null>(search.get('nilai'));
  const reader = manager || (detail.data?.permissions?.read ?? false);
  useDocumentTitle(`${detail.data?.competition.name ?? t('kipp.list.competitions')} · Serasan`);

  const refresh = async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: kippKeys.competition(id) }), qc.invalidateQueries({ queryKey: kippKeys.ranking(id) }), qc.invalidateQueries({ queryKey: ['proposals'] })]);
  };

  if (detail.isLoading) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  const c = d.competition;
  const entry = d.items.find((i) => i.proposalId === scoring) ?? null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kompetisi" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('kipp.competition.back')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Title order={2} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }} data-testid="competition-heading">
            {c.name}
          </Title>
          <CompetitionStatusBadge status={c.status} />
          {c.blind && (
            <Badge variant="light" color="grape" leftSection={<IconEyeOff size={12} />}>
              {t('kipp.competition.blind')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('kipp.competition.meta', { year: c.year, close: formatDate(c.registrationClose), quota: c.quota })} · {c.rulebook.title}
        </Text>
        <KippRulebookUnverifiedBadge rulebookId={c.rulebook.id} alone />
      </Stack>

      {manager && c.status === 'open' && <ManagerTools detail={d} onDone={refresh} />}

      <Paper withBorder p="md" data-testid="entries">
        <Title order={3} fz="lg" mb="xs">
          {t('kipp.competition.entries')}
        </Title>
        {d.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('kipp.competition.noEntries')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kipp.competition.proposal')}</Table.Th>
                  <Table.Th>{t('kipp.competition.unit')}</Table.Th>
                  {scorer && <Table.Th ta="right">{t('kipp.competition.myScore')}</Table.Th>}
                  {scorer && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((i) => (
                  <Table.Tr key={i.proposalId} data-testid="entry-row" data-proposal={i.proposalId} bg={scoring === i.proposalId ? 'var(--mantine-color-blue-0)' : undefined}>
                    <Table.Td>
                      {reader ? (
                        <Anchor component={Link} to={`/proposal/${i.proposalId}`} size="sm" data-testid="entry-open">
                          {i.title}
                        </Anchor>
                      ) : (
                        <Text size="sm">{i.title}</Text>
                      )}
                      {i.version !== undefined && (
                        <Text size="xs" c="dimmed">
                          {t('flow.competition.version', { version: i.version })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={i.unitName ? undefined : 'dimmed'} fs={i.unitName ? undefined : 'italic'}>
                        {i.unitName ?? t('kipp.competition.hiddenUnit')}
                      </Text>
                    </Table.Td>
                    {scorer && (
                      <Table.Td ta="right">
                        <Text size="sm" c={i.myTotal === null ? 'dimmed' : undefined}>
                          {i.myTotal === null ? t('kipp.competition.notScored') : fmt(i.myTotal)}
                        </Text>
                      </Table.Td>
                    )}
                    {scorer && (
                      <Table.Td ta="right">
                        {c.status === 'open' && (
                          <Button size="compact-sm" variant={scoring === i.proposalId ? 'filled' : 'light'} onClick={() => setScoring(i.proposalId)} data-testid="entry-score">
                            {t('kipp.competition.score')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {entry && c.status === 'open' && <ScoreForm key={entry.proposalId} detail={d} entry={entry} onDone={refresh} />}

      <RankingTable detail={d} manager={manager} onDone={refresh} />
    </Stack>
  );
}
