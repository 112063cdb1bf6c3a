import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Center, Checkbox, FileInput, Group, Loader, Modal, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDeviceFloppy, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, upload } from '../../api/client.ts';
import { UnverifiedBadge } from '../../components/UnverifiedBadge.tsx';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { EvaluationPanel } from './EvaluationPanel.tsx';
import { innovationKeys, useInnovationScore, useRulebook, useRulebooks, type InnovationDetail, type InnovationScore } from '../../api/innovations.ts';
import { useEvidence } from '../../api/queries.ts';
import type { Evidence } from '../../api/types.ts';
import { checkFile } from '../../components/evidence.tsx';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatBytes } from '../../components/format.ts';
import { formatScore } from './common.tsx';
import { answersFrom, IndicatorTable, isDirty, type Answers } from './indicators.tsx';

/** Upload a file as evidence of this innovation; when linking is refused, keep it unlinked (the score answer still points at it). */
async function uploadEvidence(file: File, innovationId: string, onProgress?: (f: number) => void): Promise<Evidence> {
  const linked = new FormData();
  linked.append('entityType', 'innovation');
  linked.append('entityId', innovationId);
  linked.append('file', file, file.name);
  try {
    return await upload<Evidence>('/evidence', linked, onProgress);
  } catch (e) {
    if (!isApiError(e) || e.status !== 403) throw e;
    const plain = new FormData();
    plain.append('file', file, file.name);
    return upload<Evidence>('/evidence', plain, onProgress);
  }
}

export function ScoreTab({ innovation }: { innovation: InnovationDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const rulebooks = useRulebooks();
  const [rulebookId, setRulebookId] = useState<string | null>(null);
  const score = useInnovationScore(innovation.id, rulebookId ?? undefined);
  const rb = useRulebook(score.data?.rulebookId);
  const [answers, setAnswers] = useState<Answers>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [evidenceFor, setEvidenceFor] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const editable = innovation.permissions.score;
  const { user, isAdmin } = useAuth();

  useEffect(() => {
    if (score.data) setAnswers(answersFrom(score.data.items));
  }, [score.data]);

  if (score.isLoading) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (score.error || !score.data) return <ErrorAlert error={score.error} />;
  const s = score.data;
  const dirty = isDirty(s.items, answers);
  const previewTotal = s.items.reduce((sum, i) => sum + (i.derived || !answers[i.indicator] ? i.points : i.weight * answers[i.indicator]!.choice), 0);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const body = {
        rulebookId: s.rulebookId,
        answers: Object.fromEntries(
          Object.entries(answers).map(([k, a]) => [k, { choice: a.choice, basis: a.basis ?? null, evidenceIds: a.evidenceIds, note: a.note ?? null }]),
        ),
      };
      const res = await api<InnovationScore>(`/innovations/${innovation.id}/score`, { method: 'PUT', body });
      qc.setQueryData(innovationKeys.score(innovation.id, rulebookId ?? undefined), res);
      await qc.invalidateQueries({ queryKey: ['iid'] });
      notifySuccess(t('innovation.score.saved', { total: formatScore(res.total), max: formatScore(res.max) }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const replicationHint = () => t('innovation.score.derivedReplication', { count: s.confirmedReplications });

  return (
    <Stack gap="md" data-testid="score-panel">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('innovation.score.total')}
          </Text>
          <Group gap="xs" align="baseline">
            <Text fz={36} fw={800} lh={1} data-testid="score-total">
              {formatScore(dirty ? previewTotal : s.total)} / {formatScore(s.max)}
            </Text>
            {dirty && (
              <Badge color="yellow" variant="light">
                {t('innovation.score.unsaved')}
              </Badge>
            )}
            <UnverifiedBadge confidence={rb.data?.confidence} />
          </Group>
          <Progress value={(100 * (dirty ? previewTotal : s.total)) / (s.max || 1)} w={{ base: 240, sm: 320 }} size="sm" mt={4} />
        </Stack>
        <NativeSelect
          label={t('innovation.index.rulebook')}
          value={rulebookId ?? s.rulebookId}
          onChange={(e) => setRulebookId(e.currentTarget.value)}
          data={(rulebooks.data ?? [{ id: s.rulebookId, title: s.rulebookTitle }]).map((r) => ({ value: r.id, label: r.title }))}
          w={{ base: '100%', xs: 320 }}
          data-testid="score-rulebook"
        />
      </Group>

      <Text size="sm" c="dimmed">
        {t('innovation.score.intro')}{' '}
        <Anchor component={Link} to="/inovasi/indeks" size="sm">
          {t('innovation.home.toIndex')}
        </Anchor>
      </Text>

      {s.missingEvidence.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} data-testid="score-missing-evidence">
          {t('innovation.score.missingEvidence', { list: s.missingEvidence.join(', '), count: s.missingEvidence.length })}
        </Alert>
      )}
      {!editable && (
        <Alert color="gray" p="xs">
          {t('innovation.score.readOnly')}
        </Alert>
      )}
      <ErrorAlert error={error} testId="score-error" />

      <Paper withBorder>
        <IndicatorTable
          items={s.items}
          indicators={rb.data?.body.sid.indicators ?? []}
          answers={answers}
          editable={editable}
          onChange={(no, a) => setAnswers((prev) => ({ ...prev, [no]: a }))}
          onEvidence={(no) => setEvidenceFor(no)}
          derivedHint={replicationHint}
          testId="score-table"
        />
      </Paper>

      <EvaluationPanel innovationId={innovation.id} score={s} indicators={rb.data?.body.sid.indicators ?? []} canEvaluate={isAdmin || hasRole(user, 'innovation_team')} />

      {editable && (
        <Paper
          withBorder
          p="sm"
          shadow={dirty ? 'md' : undefined}
          style={dirty ? { position: 'sticky', bottom: 8, zIndex: 5 } : undefined}
          bg={dirty ? 'yellow.0' : undefined}
        >
          <Group justify="space-between" gap="xs">
            <Text size="sm" c={dirty ? 'yellow.9' : 'dimmed'}>
              {dirty ? t('innovation.score.dirtyHint') : t('innovation.score.savedHint')}
            </Text>
            <Group gap="xs">
              {dirty && (
                <Button variant="default" onClick={() => setAnswers(answersFrom(s.items))}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button onClick={() => void save()} loading={saving} disabled={!dirty} leftSection={<IconDeviceFloppy size={16} />} data-testid="score-save">
                {t('innovation.score.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}

      <EvidencePicker
        innovationId={innovation.id}
        indicator={evidenceFor}
        selected={evidenceFor ? (answers[evidenceFor]?.evidenceIds ?? []) : []}
        names={names}
        onClose={() => setEvidenceFor(null)}
        onUploaded={(ev) => setNames((n) => ({ ...n, [ev.id]: ev.originalName }))}
        onApply={(ids) => {
          if (!evidenceFor) return;
          const item = s.items.find((i) => i.indicator === evidenceFor)!;
          setAnswers((prev) => ({ ...prev, [evidenceFor]: { ...(prev[evidenceFor] ?? { choice: item.choice, basis: item.basis, note: item.note ?? null, evidenceIds: [] }), evidenceIds: ids } }));
          setEvidenceFor(null);
        }}
        title={evidenceFor ? `${evidenceFor}. ${s.items.find((i) => i.indicator === evidenceFor)?.name ?? ''}` : ''}
      />
    </Stack>
  );
}

function EvidencePicker({
  innovationId,
  indicator,
  selected,
  names,
  title,
  onClose,
  onApply,
  onUploaded,
}: {
  innovationId: string;
  indicator: string | null;
  selected: string[];
  names: Record<string, string>;
  title: string;
  onClose: () => void;
  onApply: (ids: string[]) => void;
  onUploaded: (ev: Evidence) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!indicator} onClose={onClose} title={t('innovation.score.evidenceTitle', { indicator: title })} size="lg">
      {indicator && <EvidencePickerBody key={indicator} innovationId={innovationId} initial={selected} names={names} onClose={onClose} onApply={onApply} onUploaded={onUploaded} />}
    </Modal>
  );
}

function EvidencePickerBody({
  innovationId,
  initial,
  names,
  onClose,
  onApply,
  onUploaded,
}: {
  innovationId: string;
  initial: string[];
  names: Record<string, string>;
  onClose: () => void;
  onApply: (ids: string[]) => void;
  onUploaded: (ev: Evidence) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useEvidence({ entityType: 'innovation', entityId: innovationId, pageSize: 100 });
  const [ids, setIds] = useState<string[]>(initial);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const known = new Map((list.data?.items ?? []).map((e) => [e.id, e.originalName]));
  const extra = ids.filter((id) => !known.has(id));

  const send = async () => {
    if (!file) return;
    setProgress(0);
    try {
      const ev = await uploadEvidence(file, innovationId, setProgress);
      onUploaded(ev);
      setIds((x) => [...x, ev.id]);
      setFile(null);
      notifySuccess(t('evidence.uploaded', { name: ev.originalName }));
      await qc.invalidateQueries({ queryKey: ['evidence'] });
    } catch (e) {
      notifyError(e, t('evidence.uploadFailed'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('innovation.score.evidenceIntro')}
      </Text>
      {list.isLoading ? (
        <Loader size="sm" />
      ) : (
        <Stack gap={6} data-testid="evidence-choices">
          {(list.data?.items ?? []).length === 0 && extra.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('innovation.score.noEvidence')}
            </Text>
          )}
          {(list.data?.items ?? []).map((e) => (
            <Checkbox
              key={e.id}
              label={`${e.originalName} (${formatBytes(e.size)})`}
              checked={ids.includes(e.id)}
              onChange={(ev) => setIds((x) => (ev.currentTarget.checked ? [...x, e.id] : x.filter((y) => y !== e.id)))}
            />
          ))}
          {extra.map((id) => (
            <Checkbox key={id} label={names[id] ?? t('innovation.score.evidenceUnlinked', { id: id.slice(-8) })} checked onChange={() => setIds((x) => x.filter((y) => y !== id))} />
          ))}
        </Stack>
      )}
      <Title order={4} fz="sm" mt="xs">
        {t('innovation.score.uploadNew')}
      </Title>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <FileInput
          placeholder={t('evidence.choose')}
          value={file}
          onChange={(f) => {
            setFile(f);
            setProblem(f ? checkFile(f, t) : null);
          }}
          error={problem}
          clearable
          leftSection={<IconUpload size={16} />}
          style={{ flex: '1 1 240px' }}
          data-testid="score-evidence-file"
        />
        <Button onClick={() => void send()} disabled={!file || !!problem} loading={progress !== null} data-testid="score-evidence-upload">
          {t('evidence.upload')}
        </Button>
      </Group>
      {progress !== null && <Progress value={Math.round(progress * 100)} size="sm" animated />}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => onApply(ids)} data-testid="score-evidence-apply">
          {t('innovation.score.evidenceApply', { count: ids.length })}
        </Button>
      </Group>
    </Stack>
  );
}
