import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Collapse, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload, IconHistory, IconLoader2, IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { countWords, type ProposalComment, type ProposalSection, type SavedSection } from '../../api/kipp.ts';
import { CommentsBox } from './CommentsBox.tsx';

type Status = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

interface Stored {
  text: string;
  baseVersion: number;
}

const storageKey = (proposalId: string, key: string) => `serasan:kipp:${proposalId}:${key}`;

function readStored(proposalId: string, key: string): Stored | null {
  try {
    const raw = localStorage.getItem(storageKey(proposalId, key));
    if (!raw) return null;
    const v = JSON.parse(raw) as Stored;
    return typeof v.text === 'string' && typeof v.baseVersion === 'number' ? v : null;
  } catch {
    return null;
  }
}

function writeStored(proposalId: string, key: string, v: Stored | null): void {
  try {
    if (v) localStorage.setItem(storageKey(proposalId, key), JSON.stringify(v));
    else localStorage.removeItem(storageKey(proposalId, key));
  } catch {
    /* storage full or private mode: the text stays in the page */
  }
}

const AUTOSAVE_MS = 1500;

export function SectionCard({
  proposalId,
  section,
  canWrite,
  comments,
  onSaved,
  onHistory,
}: {
  proposalId: string;
  section: ProposalSection;
  canWrite: boolean;
  comments: ProposalComment[];
  onSaved: () => void;
  onHistory: (key: string) => void;
}) {
  const { t } = useTranslation();
  const key = section.key;
  const [initial] = useState(() => {
    const stored = readStored(proposalId, key);
    if (stored && stored.text !== section.text) return { text: stored.text, version: stored.baseVersion, restored: true };
    if (stored) writeStored(proposalId, key, null);
    return { text: section.text, version: section.version, restored: false };
  });
  const [text, setText] = useState(initial.text);
  const [status, setStatus] = useState<Status>(initial.restored ? 'dirty' : 'saved');
  const [restored, setRestored] = useState(initial.restored);
  const [conflict, setConflict] = useState<{ version: number; text: string } | null>(null);
  const [showComments, setShowComments] = useState(false);

  const textRef = useRef(initial.text);
  const versionRef = useRef(initial.version);
  const savedTextRef = useRef(section.text);
  const savingRef = useRef(false);
  const pendingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const save = useCallback(async (): Promise<void> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    if (savingRef.current) {
      pendingRef.current = true;
      return;
    }
    const sent = textRef.current;
    if (sent === savedTextRef.current && versionRef.current >= 0) {
      writeStored(proposalId, key, null);
      setStatus((s) => (s === 'conflict' ? s : 'saved'));
      return;
    }
    savingRef.current = true;
    setStatus('saving');
    try {
      const res = await api<SavedSection>(`/proposals/${proposalId}/sections/${key}`, { method: 'PUT', body: { text: sent, baseVersion: versionRef.current } });
      versionRef.current = res.version;
      savedTextRef.current = sent;
      setConflict(null);
      setRestored(false);
      if (textRef.current === sent) {
        writeStored(proposalId, key, null);
        setStatus('saved');
      } else {
        setStatus('dirty');
        pendingRef.current = true;
      }
      onSavedRef.current();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        const d = e.details[0] as { currentVersion?: number; currentText?: string } | undefined;
        setConflict({ version: Number(d?.currentVersion ?? versionRef.current), text: String(d?.currentText ?? '') });
        setStatus('conflict');
        pendingRef.current = false;
      } else {
        setStatus('failed');
        pendingRef.current = false;
      }
    } finally {
      savingRef.current = false;
    }
    if (pendingRef.current) {
      pendingRef.current = false;
      void save();
    }
  }, [proposalId, key]);

  useEffect(
    () => () => {
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

  const change = (value: string) => {
    setText(value);
    textRef.current = value;
    writeStored(proposalId, key, { text: value, baseVersion: versionRef.current });
    if (status !== 'conflict') setStatus('dirty');
    if (timerRef.current) clearTimeout(timerRef.current);
    if (status !== 'conflict') timerRef.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  const keepMine = () => {
    if (!conflict) return;
    versionRef.current = conflict.version;
    savedTextRef.current = conflict.text;
    setConflict(null);
    void save();
  };
  const takeTheirs = () => {
    if (!conflict) return;
    versionRef.current = conflict.version;
    savedTextRef.current = conflict.text;
    textRef.current = conflict.text;
    setText(conflict.text);
    writeStored(proposalId, key, null);
    setConflict(null);
    setStatus('saved');
    onSavedRef.current();
  };

  const words = countWords(text);
  const over = words > section.wordLimit;
  const open = comments.filter((c) => !c.resolvedAt).length;
  const prefill = section.prefillSource;
  const prefillNote = prefill?.startsWith('innovation.')
    ? t('kipp.proposal.prefill.innovation', {
        field: prefill
          .slice('innovation.'.length)
          .split(',')
          .map((f) => t(`kipp.proposal.prefillField.${f.trim()}`, { defaultValue: f.trim() }))
          .join(', '),
      })
    : prefill?.startsWith('proposal:')
      ? t('kipp.proposal.prefill.proposal')
      : null;

  const statusView: Record<Status, { color: string; icon: React.ReactNode; label: string }> = {
    saved: { color: 'teal', icon: <IconCheck size={14} />, label: t('kipp.proposal.status.saved') },
    dirty: { color: 'gray', icon: <IconCloudUpload size={14} />, label: t('kipp.proposal.status.dirty') },
    saving: { color: 'blue', icon: <IconLoader2 size={14} />, label: t('kipp.proposal.status.saving') },
    failed: { color: 'red', icon: <IconAlertTriangle size={14} />, label: t('kipp.proposal.status.failed') },
    conflict: { color: 'orange', icon: <IconAlertTriangle size={14} />, label: t('kipp.proposal.conflict.title') },
  };
  const sv = statusView[status];

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} id={key} style={{ scrollMarginTop: 72 }} data-testid={`section-card-${key}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} fz="lg" style={{ flex: '1 1 240px' }}>
            {section.title}
          </Title>
          <Badge variant="light" color={section.weight > 0 ? 'pemda' : 'gray'}>
            {section.weight > 0 ? t('kipp.proposal.weight', { weight: section.weight }) : t('kipp.proposal.noWeight')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {section.guidance}
        </Text>
        {prefillNote && (
          <Text size="xs" c="blue.8" fs="italic" data-testid={`section-prefill-${key}`}>
            {prefillNote}
          </Text>
        )}
        <Textarea
          value={text}
          onChange={(e) => change(e.currentTarget.value)}
          onBlur={() => {
            if (status !== 'conflict') void save();
          }}
          readOnly={!canWrite}
          autosize
          minRows={4}
          maxRows={18}
          placeholder={t('kipp.proposal.placeholder')}
          aria-label={section.title}
          error={over ? t('kipp.proposal.overLimit', { limit: section.wordLimit }) : undefined}
          data-testid={`section-${key}`}
        />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} c={over ? 'red.7' : 'dimmed'} data-testid={`section-count-${key}`} data-over={over ? 'true' : 'false'}>
              {t('kipp.proposal.words', { count: words, limit: section.wordLimit })}
            </Text>
            {canWrite && (
              <Text size="sm" c={sv.color === 'gray' ? 'dimmed' : `${sv.color}.7`} data-testid={`section-status-${key}`} data-status={status} role="status">
                <Group gap={4} component="span" wrap="nowrap">
                  {sv.icon}
                  {sv.label}
                </Group>
              </Text>
            )}
            {status === 'failed' && (
              <Button size="compact-xs" variant="light" color="red" onClick={() => void save()}>
                {t('kipp.proposal.retry')}
              </Button>
            )}
          </Group>
          <Group gap={4}>
            <Button size="compact-sm" variant="subtle" leftSection={<IconMessageCircle size={14} />} onClick={() => setShowComments((v) => !v)} data-testid={`section-comments-${key}`}>
              {open > 0 ? t('kipp.proposal.comments.count', { count: open }) : t('kipp.proposal.comments.title')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconHistory size={14} />} onClick={() => onHistory(key)} data-testid={`section-history-${key}`}>
              {t('kipp.proposal.history.button')}
            </Button>
          </Group>
        </Group>
        {restored && status === 'dirty' && (
          <Text size="xs" c="orange.8">
            {t('kipp.proposal.status.restored')}
          </Text>
        )}
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('kipp.proposal.conflict.title')} data-testid={`section-conflict-${key}`}>
            <Stack gap="xs">
              <Text size="sm">{t('kipp.proposal.conflict.body', { version: conflict.version })}</Text>
              <Paper withBorder p="xs" bg="gray.0">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {conflict.text || t('kipp.proposal.history.empty')}
                </Text>
              </Paper>
              <Group gap="xs">
                <Button size="xs" onClick={keepMine} data-testid={`conflict-mine-${key}`}>
                  {t('kipp.proposal.conflict.mine')}
                </Button>
                <Button size="xs" variant="default" onClick={takeTheirs} data-testid={`conflict-theirs-${key}`}>
                  {t('kipp.proposal.conflict.theirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Collapse expanded={showComments}>
          <CommentsBox proposalId={proposalId} sectionKey={key} comments={comments} />
        </Collapse>
      </Stack>
    </Paper>
  );
}
