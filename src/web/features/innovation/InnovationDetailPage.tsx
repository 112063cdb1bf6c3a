import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Menu,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconChartBar,
  IconCheck,
  IconChevronDown,
  IconFileDescription,
  IconHistory,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconSend,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { innovationKeys, useInnovation, type InnovationDetail, type Lifecycle } from '../../api/innovations.ts';
import { AuditList } from '../../components/AuditList.tsx';
import { EvidenceList, EvidenceUpload } from '../../components/evidence.tsx';
import { ErrorAlert, errorMessage, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatDateTime, formatNip } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { BadgeRow, DigitalBadge, Field, formatRupiah, LifecycleBadge, StageBadge, StatusBadge, UrusanText } from './common.tsx';
import { ReplicationBox } from './ReplicationBox.tsx';
import { ScoreTab } from './ScoreTab.tsx';
import { StartProposalButton } from '../kipp/StartProposalButton.tsx';

type Step = 'submit' | 'verify' | 'publish';

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export default function InnovationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const detail = useInnovation(id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'data';
  useDocumentTitle(`${detail.data?.title ?? t('innovation.title')} · Serasan`);

  if (detail.isLoading) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (detail.error || !detail.data) {
    return (
      <Stack>
        <ErrorAlert error={detail.error} />
        <Anchor component={Link} to="/inovasi/daftar">
          {t('innovation.detail.back')}
        </Anchor>
      </Stack>
    );
  }
  const r = detail.data;
  return (
    <Stack gap="md">
      <Header r={r} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'data' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data" leftSection={<IconFileDescription size={16} />} data-testid="data-tab">
            {t('innovation.detail.tabs.data')}
          </Tabs.Tab>
          <Tabs.Tab value="nilai" leftSection={<IconChartBar size={16} />} data-testid="score-tab">
            {t('innovation.detail.tabs.score')}
          </Tabs.Tab>
          <Tabs.Tab value="riwayat" leftSection={<IconHistory size={16} />} data-testid="history-tab">
            {t('innovation.detail.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="md">
          <DataTab r={r} />
        </Tabs.Panel>
        <Tabs.Panel value="nilai" pt="md">
          <ScoreTab innovation={r} />
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="md">
          <HistoryTab id={r.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function HistoryTab({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  return <AuditList query={{ entityType: 'innovation', entityId: id }} page={page} onPage={setPage} showEntity={false} testId="innovation-audit" />;
}

function Header({ r }: { r: InnovationDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mobile = useIsMobile();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [lifecycleTo, setLifecycleTo] = useState<Lifecycle | null>(null);
  const p = r.permissions;

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: innovationKeys.all });
    await qc.invalidateQueries({ queryKey: ['iid'] });
    await qc.invalidateQueries({ queryKey: ['public'] });
    await qc.invalidateQueries({ queryKey: ['audit'] });
  };

  const step = async (s: Step) => {
    setBusy(s);
    try {
      await api(`/innovations/${r.id}/${s}`, { method: 'POST', body: {} });
      await refresh();
      notifySuccess(t(`innovation.workflow.done.${s}`));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const size = mobile ? 'xs' : 'sm';
  const lastReturn = r.status === 'returned' ? [...r.timeline].reverse().find((x) => x.action === 'return') : undefined;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/inovasi/daftar" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('innovation.detail.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Title order={2} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }} data-testid="innovation-heading">
            {r.title}
            {r.acronym && (
              <Text span c="dimmed" fz="md" fw={500}>
                {' '}
                ({r.acronym})
              </Text>
            )}
          </Title>
          <BadgeRow>
            <StatusBadge status={r.status} size="lg" data-testid="innovation-status" />
            <StageBadge stage={r.stage} size="lg" />
            <DigitalBadge digital={r.digital} />
            <LifecycleBadge lifecycle={r.lifecycle} size="lg" data-testid="innovation-lifecycle" />
          </BadgeRow>
          <Text size="sm" c="dimmed">
            {[r.unitName, r.year].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {p.update && (
            <Button component={Link} to={`/inovasi/${r.id}/ubah`} variant="default" size={size} leftSection={<IconPencil size={16} />} data-testid="innovation-edit">
              {t('common.edit')}
            </Button>
          )}
          <StartProposalButton innovationId={r.id} size={size} />
          {p.submit && (
            <Button size={size} leftSection={<IconSend size={16} />} onClick={() => void step('submit')} loading={busy === 'submit'} data-testid="wf-submit">
              {t('innovation.workflow.submit')}
            </Button>
          )}
          {p.return && (
            <Button size={size} color="orange" variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setReturning(true)} data-testid="wf-return">
              {t('innovation.workflow.return')}
            </Button>
          )}
          {p.verify && (
            <Button size={size} color="teal" leftSection={<IconCheck size={16} />} onClick={() => void step('verify')} loading={busy === 'verify'} data-testid="wf-verify">
              {t('innovation.workflow.verify')}
            </Button>
          )}
          {p.publish && (
            <Button size={size} color="green" leftSection={<IconWorld size={16} />} onClick={() => void step('publish')} loading={busy === 'publish'} data-testid="wf-publish">
              {t('innovation.workflow.publish')}
            </Button>
          )}
          {p.lifecycle && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size={size} variant="default" rightSection={<IconChevronDown size={14} />} data-testid="lifecycle-menu">
                  {t('innovation.fields.lifecycle')}: {t(`innovation.lifecycle.${r.lifecycle}`)}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {r.lifecycle !== 'active' && (
                  <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={() => setLifecycleTo('active')} data-testid="lifecycle-active">
                    {t('innovation.lifecycleAction.active')}
                  </Menu.Item>
                )}
                {r.lifecycle === 'active' && (
                  <Menu.Item leftSection={<IconPlayerPause size={16} />} onClick={() => setLifecycleTo('paused')} data-testid="lifecycle-paused">
                    {t('innovation.lifecycleAction.paused')}
                  </Menu.Item>
                )}
                {r.lifecycle !== 'retired' && (
                  <Menu.Item color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => setLifecycleTo('retired')} data-testid="lifecycle-retired">
                    {t('innovation.lifecycleAction.retired')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      {lastReturn && (
        <Alert color="orange" icon={<IconArrowBackUp />} title={t('innovation.workflow.returnedTitle')} data-testid="returned-alert">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {lastReturn.comment}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {lastReturn.actorName} · {formatDateTime(lastReturn.at)}
          </Text>
        </Alert>
      )}
      {r.lifecycle === 'retired' && r.retiredReason && (
        <Alert color="red" title={t('innovation.lifecycle.retired')}>
          {r.retiredReason}
        </Alert>
      )}
      {r.status === 'draft' && !p.submit && p.update && (
        <Text size="sm" c="dimmed" data-testid="draft-hint">
          {t('innovation.workflow.draftHint')}
        </Text>
      )}

      <ReturnModal id={r.id} opened={returning} onClose={() => setReturning(false)} onDone={refresh} />
      <LifecycleModal r={r} to={lifecycleTo} onClose={() => setLifecycleTo(null)} onDone={refresh} />
    </Stack>
  );
}

function ReturnModal({ id, opened, onClose, onDone }: { id: string; opened: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (comment.trim().length < 5) {
      setError(cap(t('zod.tooSmall', { minimum: 5 })));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/innovations/${id}/return`, { method: 'POST', body: { comment: comment.trim() } });
      await onDone();
      notifySuccess(t('innovation.workflow.done.return'));
      setComment('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('innovation.workflow.returnTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('innovation.workflow.returnHint')}
        </Text>
        <Textarea
          label={t('fields.comment')}
          withAsterisk
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={error}
          data-testid="wf-return-comment"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={() => void send()} loading={busy} data-testid="wf-return-confirm">
            {t('innovation.workflow.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LifecycleModal({ r, to, onClose, onDone }: { r: InnovationDetail; to: Lifecycle | null; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = to === 'retired';
  const send = async () => {
    if (!to) return;
    const text = reason.trim();
    if ((required || text) && text.length < 5) {
      setError(cap(required && !text ? t('zod.retireReason') : t('zod.tooSmall', { minimum: 5 })));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/innovations/${r.id}/lifecycle`, { method: 'POST', body: { lifecycle: to, reason: text || null } });
      await onDone();
      notifySuccess(t('innovation.lifecycleAction.done', { state: t(`innovation.lifecycle.${to}`) }));
      setReason('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={!!to} onClose={onClose} title={to ? t(`innovation.lifecycleAction.${to}`) : ''}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {to ? t(`innovation.lifecycleAction.hint.${to}`) : ''}
        </Text>
        <Textarea
          label={t('fields.reason')}
          withAsterisk={required}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-testid="lifecycle-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={to === 'retired' ? 'red' : undefined} onClick={() => void send()} loading={busy} data-testid="lifecycle-confirm">
            {to ? t(`innovation.lifecycleAction.${to}`) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid={testId}>
      <Title order={3} fz="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function DataTab({ r }: { r: InnovationDetail }) {
  const { t } = useTranslation();
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Section title={t('innovation.form.sections.identity')} testId="detail-identity">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
              <Field label={t('innovation.fields.unit')}>{r.unitName}</Field>
              <Field label={t('innovation.fields.initiatorClass')}>{r.initiatorClass ? t(`innovation.initiator.${r.initiatorClass}`) : null}</Field>
              <Field label={t('innovation.fields.type')}>{t(`innovation.type.${r.type}`)}</Field>
              <Field label={t('innovation.fields.digital')}>{r.digital ? t('common.yes') : t('common.no')}</Field>
              <Field label={t('innovation.fields.urusanMain')}>
                <UrusanText codes={[r.urusanMain]} />
              </Field>
              <Field label={t('innovation.fields.urusanOther')}>
                <UrusanText codes={r.urusanOther} />
              </Field>
            </SimpleGrid>
          </Section>

          <Section title={t('innovation.form.sections.stage')} testId="detail-stage">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
              <Field label={t('innovation.fields.initiatedOn')}>{formatDate(r.initiatedOn)}</Field>
              <Field label={t('innovation.fields.trialOn')}>{r.trialOn ? formatDate(r.trialOn) : null}</Field>
              <Field label={t('innovation.fields.appliedOn')}>{r.appliedOn ? formatDate(r.appliedOn) : null}</Field>
            </SimpleGrid>
          </Section>

          <Section title={t('innovation.form.sections.design')} testId="detail-design">
            <Stack gap="md">
              <Field label={t('innovation.fields.description')} testId="detail-description">
                {r.description}
              </Field>
              <Field label={t('innovation.fields.goals')}>{r.goals}</Field>
              <Field label={t('innovation.fields.benefits')}>{r.benefits}</Field>
              <Field label={t('innovation.fields.results')}>{r.results}</Field>
            </Stack>
          </Section>

          <Section title={t('innovation.form.sections.legal')} testId="detail-legal">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
              <Field label={t('innovation.fields.legalBasisDoc')}>{r.legalBasisDoc}</Field>
              <Field label={t('innovation.fields.legalBasisLevel')}>{r.legalBasisLevel ? t(`innovation.legalLevel.${r.legalBasisLevel}`) : null}</Field>
              <Field label={t('innovation.fields.budget')}>{r.budget !== null ? formatRupiah(r.budget) : null}</Field>
              <Field label={t('innovation.fields.videoUrl')}>
                {r.videoUrl ? (
                  <Anchor href={r.videoUrl} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {r.videoUrl}
                  </Anchor>
                ) : null}
              </Field>
            </SimpleGrid>
          </Section>

          <Section title={t('innovation.form.sections.innovators')} testId="detail-innovators">
            {r.innovators.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('innovation.form.noInnovators')}
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {r.innovators.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        {i.personId ? (
                          <Anchor component={Link} to={`/organisasi/pegawai/${i.personId}`} size="sm">
                            {i.personName}
                          </Anchor>
                        ) : (
                          <Text size="sm">{i.externalName}</Text>
                        )}
                        {i.nip && (
                          <Text size="xs" c="dimmed" className="serasan-mono">
                            {formatNip(i.nip)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`innovation.role.${i.role}`)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>

          {r.sourceNote && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('innovation.fields.sourceNote')}: {r.sourceNote}
            </Text>
          )}
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={3} fz="h5" mb="sm">
              {t('innovation.detail.timeline')}
            </Title>
            <WorkflowTimeline r={r} />
          </Paper>
          <ReplicationBox innovation={r} />
          <Paper withBorder p="md" data-testid="innovation-evidence">
            <Title order={3} fz="h5" mb="sm">
              {t('innovation.detail.evidence')}
            </Title>
            <Stack gap="sm">
              {r.permissions.update && <EvidenceUpload entityType="innovation" entityId={r.id} />}
              <EvidenceList entityType="innovation" entityId={r.id} />
            </Stack>
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function WorkflowTimeline({ r }: { r: InnovationDetail }) {
  const { t } = useTranslation();
  // The server lists every step: recorded or imported, each transition, lifecycle changes, publication.
  const entries = r.timeline.map((e) => ({
    key: e.id,
    title:
      e.action === 'create'
        ? t('innovation.detail.created')
        : e.action === 'lifecycle' && e.lifecycle
          ? `${t('actions.lifecycle')}: ${t(`innovation.lifecycle.${e.lifecycle}`, { defaultValue: e.lifecycle })}`
          : t(`actions.${e.action}`, { defaultValue: e.action }),
    actor: e.actorName,
    at: e.at,
    comment: e.comment,
    color: e.action === 'return' ? 'orange' : e.action === 'publish' ? 'green' : e.action === 'verify' ? 'teal' : e.action === 'create' || e.action === 'import' ? 'gray' : 'blue',
  }));
  return (
    <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="innovation-timeline">
      {entries.map((e) => (
        <Timeline.Item key={e.key} title={<Text size="sm" fw={600}>{e.title}</Text>} color={e.color} data-testid="timeline-entry">
          <Text size="xs" c="dimmed">
            {[e.actor, formatDateTime(e.at)].filter(Boolean).join(' · ')}
          </Text>
          {e.comment && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
              “{e.comment}”
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
