import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Collapse, Grid, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { kippKeys, useCompetitions, useProposals, type CompetitionRow } from '../../api/kipp.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
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

  const send = async () => {
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
          <TextInput type="date" label={t('kipp.competition.fields.registrationClose')} value={close} onChange={(e) => setClose(e.currentTarget.value)} data-testid="competition-close" />
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

function CompetitionCard({ c }: { c: CompetitionRow }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component={Link} to={`/kompetisi/${c.id}`} style={{ textDecoration: 'none', color: 'inherit', display: 'block' }} data-testid="competition-item">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {c.name}
        </Text>
        <CompetitionStatusBadge status={c.status} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('kipp.competition.meta', { year: c.year, close: formatDate(c.registrationClose), quota: c.quota })}
      </Text>
    </Paper>
  );
}

export default function KippHomePage() {
  const { t } = useTranslation();
  const { user, isAdmin } = useAuth();
  const manager = isAdmin || hasRole(user, 'innovation_team');
  const readsCompetitions = manager || hasRole(user, 'leader', 'inspectorate', 'judge');
  const writesProposals = manager || hasRole(user, 'unit_head', 'unit_operator');
  const proposals = useProposals();
  const competitions = useCompetitions(readsCompetitions);
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
      <Grid gap="md">
        {readsCompetitions && (
          <Grid.Col span={{ base: 12, md: writesProposals ? 6 : 12 }}>
            <Title order={3} fz="lg" mb="xs">
              {t('kipp.list.competitions')}
            </Title>
            <ErrorAlert error={competitions.error} />
            <Stack gap="xs">
              {competitions.data?.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('kipp.list.noCompetitions')}
                </Text>
              )}
              {competitions.data?.items.map((c) => <CompetitionCard key={c.id} c={c} />)}
            </Stack>
          </Grid.Col>
        )}
        {writesProposals && (
          <Grid.Col span={{ base: 12, md: readsCompetitions ? 6 : 12 }}>
            <Title order={3} fz="lg" mb="xs">
              {t('kipp.list.proposals')}
            </Title>
            <ErrorAlert error={proposals.error} />
            <Stack gap="xs">
              {proposals.data?.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('kipp.list.noProposals')}
                </Text>
              )}
              {proposals.data?.items.map((p) => (
                <Paper key={p.id} withBorder p="sm" data-testid="proposal-item">
                  <Anchor component={Link} to={`/proposal/${p.id}`} fw={600}>
                    {p.title}
                  </Anchor>
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {t('kipp.list.updated', { at: formatDateTime(p.updatedAt) })}
                    </Text>
                    {p.competitionId && (
                      <Badge size="xs" variant="light">
                        {t('kipp.list.inCompetition')}
                      </Badge>
                    )}
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
