import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Collapse, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { api, withQuery } from '../../api/client.ts';
import { kippKeys, useCompetitionYears, useCompetitions, useProposals, type CompetitionRow, type ProposalRow } from '../../api/kipp.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { KippRulebookUnverifiedBadge } from '../../components/UnverifiedBadge.tsx';

export function CompetitionStatusBadge({ status }: { status: 'open' | 'frozen' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'open' ? 'green' : 'gray'} data-testid="competition-status" data-status={status}>
      {t(`kipp.competition.status.${status}`)}
    </Badge>
  );
}

function CreateCompetitionForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const year = new Date().getFullYear();
  const [name, setName] = useState(`Seleksi Inovasi Pelayanan Publik ${year}`);
  const [y, setY] = useState<number | string>(year);
  const [close, setClose] = useState(`${year}-12-31`);
  const [quota, setQuota] = useState<number | string>(3);
  const [blind, setBlind] = useState(true);
  const [rulebookId, setRulebookId] = useState('kipp-umum-2023');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);

  const send = async () => {
    // An empty required date says so beside the field, before anything is sent.
    if (!close) {
      const required = t('zod.required');
      setCloseError(required.charAt(0).toUpperCase() + required.slice(1));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const c = await api<{ id: string }>('/competitions', { method: 'POST', body: { name: name.trim(), year: Number(y), registrationClose: close, quota: Number(quota), blind, rulebookId } });
      await qc.invalidateQueries({ queryKey: kippKeys.competitions });
      notifySuccess(t('kipp.competition.created'));
      navigate(`/kompetisi/${c.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="competition-form">
      <Stack gap="sm">
        <TextInput label={t('kipp.competition.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} withAsterisk data-testid="competition-name" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('kipp.competition.fields.year')} value={y} onChange={setY} min={2014} max={2100} data-testid="competition-year" />
          <DateField
            label={t('kipp.competition.fields.registrationClose')}
            value={close}
            onChange={(v) => {
              setClose(v);
              if (v) setCloseError(null);
            }}
            error={closeError}
            withAsterisk
            data-testid="competition-close"
          />
          <NumberInput label={t('kipp.competition.fields.quota')} value={quota} onChange={setQuota} min={1} max={99} data-testid="competition-quota" />
        </SimpleGrid>
        <NativeSelect
          label={t('kipp.competition.fields.rulebook')}
          value={rulebookId}
          onChange={(e) => setRulebookId(e.currentTarget.value)}
          data={['kipp-umum-2023', 'kipp-khusus-2023'].map((v) => ({ value: v, label: t(`kipp.competition.rulebook.${v}`) }))}
        />
        <KippRulebookUnverifiedBadge rulebookId={rulebookId} alone />
        <Checkbox label={t('kipp.competition.fields.blind')} checked={blind} onChange={(e) => setBlind(e.currentTarget.checked)} data-testid="competition-blind" />
        <ErrorAlert error={error} testId="competition-form-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void send()} loading={busy} data-testid="competition-submit">
            {t('kipp.competition.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const COMPETITION_FILTERS = ['q', 'year'] as const;

/** Where a proposal stands: a draft, entered in an open competition, or in a decided one. */
function proposalStatus(p: ProposalRow): 'draft' | 'entered' | 'decided' {
  if (!p.competitionId) return 'draft';
  return p.competitionStatus === 'frozen' ? 'decided' : 'entered';
}
const PROPOSAL_STATUS_COLOR = { draft: 'gray', entered: 'blue', decided: 'teal' } as const;

function ProposalCard({ p }: { p: ProposalRow }) {
  const { t } = useTranslation();
  const status = proposalStatus(p);
  return (
    <Paper withBorder p="sm" data-testid="proposal-item" style={{ height: '100%' }}>
      <Stack gap={4}>
        {/* The badge keeps its full width; the title wraps beside it. */}
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/proposal/${p.id}`} fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {p.title}
          </Anchor>
          <Badge variant="light" color={PROPOSAL_STATUS_COLOR[status]} style={{ flex: 'none', overflow: 'visible' }} data-testid="proposal-status" data-status={status}>
            {t(`adminLists.proposalStatus.${status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" data-testid="proposal-unit" style={{ overflowWrap: 'anywhere' }}>
          {p.unitName ?? '—'}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('kipp.list.updated', { at: formatDateTime(p.updatedAt) })}
          {p.competitionName ? ` · ${p.competitionName}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

function CompetitionsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListState({ filters: COMPETITION_FILTERS, defaultSort: LIST_SORTS.competitions.default });
  const competitions = useCompetitions(list.query);
  // The years come from the data (plus the region's current year); a year picked in the URL stays offered.
  const yearsQuery = useCompetitionYears();
  const picked = Number(list.query.year);
  const years = [...new Set([...(yearsQuery.data?.years ?? []), ...(Number.isInteger(picked) && picked > 0 ? [picked] : [])])].sort((a, b) => b - a).map(String);

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('adminLists.competitions.searchPlaceholder'), testId: 'competitions-search' },
    { kind: 'select', param: 'year', label: t('kipp.competition.fields.year'), allLabel: t('adminLists.competitions.allYears'), options: years.map((y) => ({ value: y, label: y })), testId: 'competitions-year-filter' },
  ];
  const columns: Column<CompetitionRow>[] = [
    {
      key: 'name',
      label: t('kipp.competition.fields.name'),
      sortKey: 'name',
      render: (c) => (
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/kompetisi/${c.id}`} size="sm" fw={600} onClick={(e) => e.stopPropagation()} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {c.name}
          </Anchor>
          <CompetitionStatusBadge status={c.status} />
        </Group>
      ),
    },
    { key: 'year', label: t('kipp.competition.fields.year'), sortKey: 'year', descFirst: true, desktopOnly: true, render: (c) => <Text size="sm">{c.year}</Text> },
    {
      key: 'registrationClose',
      label: t('kipp.competition.fields.registrationClose'),
      sortKey: 'registrationClose',
      descFirst: true,
      desktopOnly: true,
      render: (c) => <Text size="sm">{formatDate(c.registrationClose)}</Text>,
    },
    { key: 'quota', label: t('kipp.competition.fields.quota'), desktopOnly: true, render: (c) => <Text size="sm">{c.quota}</Text> },
    { key: 'createdAt', label: t('adminLists.createdAt'), sortKey: 'createdAt', descFirst: true, desktopOnly: true, render: (c) => <Text size="sm">{formatDate(c.createdAt)}</Text> },
  ];

  return (
    <DataList
      id="competitions"
      state={list}
      result={competitions}
      filters={filters}
      columns={columns}
      rowKey={(c) => c.id}
      rowTestId="competition-item"
      onRowClick={(c) => navigate(`/kompetisi/${c.id}`)}
      countText={(total) => t('adminLists.competitions.count', { count: total, formatted: formatNumber(total) })}
      exportUrl={withQuery('/api/competitions/export.csv', list.exportQuery)}
      emptyText={t('kipp.list.noCompetitions')}
    />
  );
}

export default function KippHomePage() {
  const { t } = useTranslation();
  const { user, isAdmin } = useAuth();
  const manager = isAdmin || hasRole(user, 'innovation_team');
  const readsCompetitions = manager || hasRole(user, 'leader', 'inspectorate', 'judge');
  const writesProposals = manager || hasRole(user, 'unit_head', 'unit_operator');
  const proposals = useProposals();
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('kipp.list.title')}
        description={t('kipp.list.description')}
        actions={
          manager && !creating ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="competition-open">
              {t('kipp.list.open')}
            </Button>
          ) : undefined
        }
      />
      <Collapse expanded={creating}>{creating && <CreateCompetitionForm onCancel={() => setCreating(false)} />}</Collapse>
      {readsCompetitions && (
        <section>
          <Title order={3} fz="lg" mb="xs">
            {t('kipp.list.competitions')}
          </Title>
          <CompetitionsList />
        </section>
      )}
      {writesProposals && (
        <section>
          <Title order={3} fz="lg" mb="xs">
            {t('kipp.list.proposals')}
          </Title>
          <ErrorAlert error={proposals.error} />
          {proposals.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('kipp.list.noProposals')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {proposals.data?.items.map((p) => <ProposalCard key={p.id} p={p} />)}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}
