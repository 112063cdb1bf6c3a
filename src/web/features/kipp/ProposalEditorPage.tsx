import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconChecklist, IconFileTypeDocx, IconFileTypePdf, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useComments, useProposal, type CheckResult } from '../../api/kipp.ts';
import { ErrorAlert, notifyError } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';
import { AttachmentsBox } from './AttachmentsBox.tsx';
import { CheckPanel } from './CheckPanel.tsx';
import { SectionCard } from './SectionCard.tsx';
import { VersionDrawer } from './VersionDrawer.tsx';
import { ProposalReadView } from './ProposalReadView.tsx';
import { KippRulebookUnverifiedBadge } from '../../components/UnverifiedBadge.tsx';

export default function ProposalEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const proposal = useProposal(id);
  // A judge's read-only view has no workspace (comments, check, versions are the unit's and the coaches').
  const comments = useComments(id, !!proposal.data && !proposal.data.readOnly);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [history, setHistory] = useState<string | null>(null);
  const checkShown = useRef(false);
  useDocumentTitle(`${proposal.data?.title ?? t('kipp.proposal.title')} · Serasan`);

  const runCheck = useCallback(
    async (quiet = false) => {
      if (!quiet) setChecking(true);
      try {
        const res = await api<CheckResult>(`/proposals/${id}/check`);
        setCheck(res);
        checkShown.current = true;
      } catch (e) {
        if (!quiet) notifyError(e);
      } finally {
        if (!quiet) setChecking(false);
      }
    },
    [id],
  );
  // Once the check is on screen, keep it current after every save.
  const onSaved = useCallback(() => {
    if (checkShown.current) void runCheck(true);
  }, [runCheck]);

  if (proposal.isLoading) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (proposal.error || !proposal.data) return <ErrorAlert error={proposal.error} />;
  const p = proposal.data;
  if (p.readOnly) return <ProposalReadView p={p} />;
  const all = comments.data?.items ?? [];

  return (
    <Stack gap="md" maw={980}>
      <Anchor component={Link} to={`/inovasi/${p.innovationId}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('kipp.proposal.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('kipp.proposal.title')}
          </Text>
          <Title order={2} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }} data-testid="proposal-title">
            {p.title}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t('kipp.proposal.rulebook', { title: p.rulebookTitle })}</Badge>
            <KippRulebookUnverifiedBadge rulebookId={p.rulebookId} />
            <Text size="xs" c="dimmed">
              {t('kipp.list.updated', { at: formatDateTime(p.updatedAt) })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Button leftSection={<IconChecklist size={16} />} onClick={() => void runCheck()} loading={checking} data-testid="proposal-check">
            {t('kipp.proposal.check.button')}
          </Button>
          <Button component="a" href={`/api/proposals/${p.id}/export.pdf`} variant="default" leftSection={<IconFileTypePdf size={16} />} data-testid="export-pdf">
            {t('kipp.proposal.export.pdf')}
          </Button>
          <Button component="a" href={`/api/proposals/${p.id}/export.docx`} variant="default" leftSection={<IconFileTypeDocx size={16} />} data-testid="export-docx">
            {t('kipp.proposal.export.docx')}
          </Button>
        </Group>
      </Group>
      {p.locked ? (
        <Alert color="yellow" icon={<IconLock size={16} />} data-testid="proposal-locked">
          {t('flow.locked', { competition: p.locked.competitionName, version: p.locked.version })}
        </Alert>
      ) : (
        !p.canWrite && <Alert color="gray">{t('kipp.proposal.readOnly')}</Alert>
      )}
      {check && <CheckPanel proposalId={p.id} result={check} />}
      {p.sections.map((s) => (
        <SectionCard
          key={`${p.id}-${s.key}`}
          proposalId={p.id}
          section={s}
          canWrite={p.canWrite}
          comments={all.filter((c) => c.sectionKey === s.key)}
          onSaved={onSaved}
          onHistory={setHistory}
        />
      ))}
      <AttachmentsBox proposalId={p.id} rulebookId={p.rulebookId} canWrite={p.canWrite} onChanged={onSaved} />
      <VersionDrawer proposalId={p.id} sectionKey={history} sectionTitle={p.sections.find((s) => s.key === history)?.title ?? ''} onClose={() => setHistory(null)} />
    </Stack>
  );
}
