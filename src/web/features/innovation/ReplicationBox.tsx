import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Loader, Modal, Paper, Radio, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { innovationKeys, usePublicInnovations, type InnovationDetail } from '../../api/innovations.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, errorMessage, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';

/** Which published innovation this one replicates, and who replicated this one (to confirm). */
export function ReplicationBox({ innovation }: { innovation: InnovationDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const r = innovation.replication;

  const confirm = async (replicationId: string) => {
    setConfirming(replicationId);
    try {
      await api(`/innovations/${innovation.id}/replications/${replicationId}/confirm`, { method: 'POST', body: {} });
      await qc.invalidateQueries({ queryKey: innovationKeys.all });
      await qc.invalidateQueries({ queryKey: ['iid'] });
      notifySuccess(t('innovation.replication.confirmed'));
    } catch (e) {
      notifyError(e);
    } finally {
      setConfirming(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="replication-box">
      <Group gap={6} mb="xs">
        <IconCopy size={18} />
        <Title order={3} fz="h5">
          {t('innovation.replication.title')}
        </Title>
      </Group>
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('innovation.replication.origin')}
          </Text>
          {r ? (
            <Stack gap={2} data-testid="replication-origin">
              {r.origin ? (
                <Text size="sm">
                  <Anchor component={Link} to={`/publik/inovasi/${r.originInnovationId}`} size="sm" fw={600}>
                    {r.origin.title}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    · {r.origin.tenantName}
                  </Text>
                </Text>
              ) : (
                <Text size="sm">{r.externalOrigin}</Text>
              )}
              <Group gap={4}>
                {r.confirmedAt ? (
                  <Badge size="xs" color="teal" variant="light" leftSection={<IconCheck size={10} />}>
                    {t('innovation.replication.confirmedOn', { date: formatDate(r.confirmedAt) })}
                  </Badge>
                ) : r.originInnovationId ? (
                  <Badge size="xs" color="yellow" variant="light">
                    {t('innovation.replication.waiting')}
                  </Badge>
                ) : (
                  <Badge size="xs" color="gray" variant="light">
                    {t('innovation.replication.external')}
                  </Badge>
                )}
              </Group>
            </Stack>
          ) : (
            <Stack gap={6}>
              <Text size="sm" c="dimmed">
                {t('innovation.replication.notReplica')}
              </Text>
              {innovation.permissions.update && (
                <Button variant="light" size="xs" onClick={() => setPicking(true)} data-testid="replication-set" style={{ alignSelf: 'flex-start' }}>
                  {t('innovation.replication.set')}
                </Button>
              )}
            </Stack>
          )}
        </div>

        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('innovation.replication.replicatedBy')}
          </Text>
          {innovation.replicatedBy.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('innovation.replication.noneYet')}
            </Text>
          ) : (
            <Stack gap={6} mt={4} data-testid="replicated-by">
              {innovation.replicatedBy.map((x) => (
                <Group key={x.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="replicated-by-item">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {x.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {x.tenantName} ({x.regionCode})
                    </Text>
                  </Stack>
                  {x.confirmedAt ? (
                    <Badge size="xs" color="teal" variant="light" style={{ flex: 'none' }}>
                      {t('innovation.replication.confirmedShort')}
                    </Badge>
                  ) : innovation.permissions.confirmReplication ? (
                    <Button size="compact-xs" onClick={() => void confirm(x.id)} loading={confirming === x.id} data-testid="replication-confirm" style={{ flex: 'none' }}>
                      {t('innovation.replication.confirm')}
                    </Button>
                  ) : (
                    <Badge size="xs" color="yellow" variant="light" style={{ flex: 'none' }}>
                      {t('innovation.replication.waiting')}
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          <Text size="xs" c="dimmed" mt={6}>
            {t('innovation.replication.feedsIndex')}
          </Text>
        </div>
      </Stack>
      <Modal opened={picking} onClose={() => setPicking(false)} title={t('innovation.replication.set')} size="lg">
        {picking && <OriginPicker innovation={innovation} onDone={() => setPicking(false)} />}
      </Modal>
    </Paper>
  );
}

function OriginPicker({ innovation, onDone }: { innovation: InnovationDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'serasan' | 'external'>('serasan');
  const [search, setSearch] = useState(innovation.title);
  const [q] = useDebouncedValue(search.trim(), 350);
  const results = usePublicInnovations({ q: q || undefined, pageSize: 10 });
  const [picked, setPicked] = useState<string | null>(null);
  const [external, setExternal] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = (results.data?.items ?? []).filter((i) => i.id !== innovation.id);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = mode === 'serasan' ? { originInnovationId: picked } : { externalOrigin: external.trim() };
      await api(`/innovations/${innovation.id}/replication`, { method: 'POST', body });
      await qc.invalidateQueries({ queryKey: innovationKeys.all });
      notifySuccess(t('innovation.replication.saved'));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as typeof mode)}
        data={[
          { value: 'serasan', label: t('innovation.replication.fromCatalogue') },
          { value: 'external', label: t('innovation.replication.fromOutside') },
        ]}
      />
      {mode === 'serasan' ? (
        <>
          <TextInput
            label={t('innovation.replication.searchLabel')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={results.isFetching ? <Loader size="xs" /> : null}
            data-testid="replication-search"
          />
          <Radio.Group value={picked} onChange={setPicked}>
            <Stack gap={6} mah={320} style={{ overflowY: 'auto' }}>
              {items.length === 0 && !results.isFetching && (
                <Text size="sm" c="dimmed">
                  {t('common.noMatches')}
                </Text>
              )}
              {items.map((i) => (
                <Radio
                  key={i.id}
                  value={i.id}
                  data-testid="replication-option"
                  label={
                    <Text size="sm" component="span">
                      <b>{i.title}</b>{' '}
                      <Text span size="xs" c="dimmed">
                        · {i.regionName}
                        {i.regionCode === user?.regionCode ? ` (${t('innovation.similar.ownRegion')})` : ''} · {i.unitName ?? ''} · {i.year ?? ''}
                      </Text>
                    </Text>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            {t('innovation.replication.pickHint')}
          </Text>
        </>
      ) : (
        <TextInput
          label={t('innovation.replication.externalLabel')}
          placeholder={t('innovation.replication.externalPlaceholder')}
          value={external}
          onChange={(e) => setExternal(e.currentTarget.value)}
          data-testid="replication-external"
        />
      )}
      <ErrorAlert error={error} testId="replication-error" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={mode === 'serasan' ? !picked : external.trim().length < 3} data-testid="replication-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
