import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Modal, Progress, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconDownload, IconEye, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError, upload, type ApiErrorDetail } from '../../api/client.ts';
import { innovationKeys } from '../../api/innovations.ts';
import { ErrorAlert, errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { formatBytes } from '../../components/format.ts';
import { MAX_UPLOAD_BYTES } from '../../components/evidence.tsx';
import type { ImportAction, ImportPreview, ImportPreviewRow, ImportResult } from '../../../shared/schemas/innovation-import.ts';

export const TEMPLATE_URL = '/api/innovations/import-template.xlsx';

const ACTION_COLOR: Record<ImportAction, string> = { create: 'teal', update: 'blue', unchanged: 'gray', duplicate: 'orange', error: 'red' };

/**
 * Excel import in two steps: a preview says what each row would do (new, updated, unchanged,
 * may already exist, problem); the user decides the possible duplicates and confirms, and the
 * whole file is saved in one go, or nothing.
 */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('innovation.import.title')} size="xl" fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}>
      {opened && <ImportForm onClose={onClose} />}
    </Modal>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, 'create' | 'skip'>>({});
  const [done, setDone] = useState<ImportResult | null>(null);

  const pick = (f: File | null) => {
    setFile(f);
    setDetails([]);
    setDone(null);
    setError(null);
    setPreview(null);
    setDecisions({});
    setFileProblem(f && !/\.xlsx$/i.test(f.name) ? t('innovation.import.onlyXlsx') : f && f.size > MAX_UPLOAD_BYTES ? t('evidence.tooLarge', { size: formatBytes(f.size), max: formatBytes(MAX_UPLOAD_BYTES) }) : null);
  };

  const send = async <T,>(path: string): Promise<T | null> => {
    if (!file) return null;
    const form = new FormData();
    form.append('file', file, file.name);
    setProgress(0);
    setError(null);
    setDetails([]);
    try {
      return await upload<T>(path, form, setProgress);
    } catch (e) {
      setError(errorMessage(e));
      if (isApiError(e)) setDetails(e.details.filter((d) => d.row !== undefined || d.column !== undefined));
      return null;
    } finally {
      setProgress(null);
    }
  };

  const runPreview = async () => {
    const res = await send<ImportPreview>('/innovations/import/preview');
    if (!res) return;
    setPreview(res);
    // A possible duplicate is skipped unless the user says otherwise.
    setDecisions(Object.fromEntries(res.rows.filter((r) => r.action === 'duplicate').map((r) => [r.row, 'skip' as const])));
  };

  const confirm = async () => {
    const create = Object.entries(decisions).filter(([, d]) => d === 'create').map(([r]) => r);
    const skip = Object.entries(decisions).filter(([, d]) => d === 'skip').map(([r]) => r);
    const query = new URLSearchParams();
    if (create.length) query.set('create', create.join(','));
    if (skip.length) query.set('skip', skip.join(','));
    const res = await send<ImportResult>(`/innovations/import${query.size ? `?${query}` : ''}`);
    if (!res) return;
    setDone(res);
    setPreview(null);
    setFile(null);
    notifySuccess(t('importPlan.done', res));
    await qc.invalidateQueries({ queryKey: innovationKeys.all });
  };

  const counts = preview?.counts;
  const blocked = !!counts && counts.error > 0;
  const nothing = !!counts && counts.create + counts.update + counts.duplicate === 0 && counts.error === 0;

  return (
    <Stack gap="sm">
      <Text size="sm">{t('importPlan.intro')}</Text>
      <Group gap="xs">
        <Button component="a" href={TEMPLATE_URL} download variant="light" size="xs" leftSection={<IconDownload size={14} />} data-testid="import-template">
          {t('innovation.list.template')}
        </Button>
      </Group>
      <FileInput
        label={t('innovation.import.file')}
        placeholder={t('evidence.choose')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={pick}
        clearable
        leftSection={<IconFileSpreadsheet size={16} />}
        error={fileProblem}
        data-testid="import-file"
      />
      {progress !== null && <Progress value={Math.round(progress * 100)} animated size="sm" />}
      {done && (
        <Alert color="teal" icon={<IconCheck />} data-testid="import-done">
          {t('importPlan.done', done)}
        </Alert>
      )}
      <ErrorAlert error={error} testId="import-error" />
      {details.length > 0 && <ProblemTable details={details} />}
      {preview && counts && (
        <Stack gap="xs" data-testid="import-preview">
          <Group gap={6}>
            {(Object.keys(ACTION_COLOR) as ImportAction[]).map((a) => (
              <Badge key={a} color={ACTION_COLOR[a]} variant={counts[a] ? 'filled' : 'outline'} data-testid={`import-count-${a}`}>
                {t(`importPlan.action.${a}`)}: {counts[a]}
              </Badge>
            ))}
          </Group>
          {blocked && (
            <Alert color="red" icon={<IconAlertTriangle />} p="xs">
              {t('importPlan.fixErrors')}
            </Alert>
          )}
          {!blocked && counts.duplicate > 0 && (
            <Alert color="orange" icon={<IconAlertTriangle />} p="xs">
              {t('importPlan.decideDuplicates')}
            </Alert>
          )}
          {nothing && (
            <Alert color="gray" icon={<IconCheck />} p="xs" data-testid="import-nothing">
              {t('importPlan.nothingToDo')}
            </Alert>
          )}
          <ScrollArea.Autosize mah={360} type="auto">
            <Table striped withTableBorder fz="sm" data-testid="import-preview-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('importPlan.col.row')}</Table.Th>
                  <Table.Th>{t('importPlan.col.title')}</Table.Th>
                  <Table.Th w={150}>{t('importPlan.col.action')}</Table.Th>
                  <Table.Th>{t('importPlan.col.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows
                  .filter((r) => r.action !== 'unchanged' || preview.rows.length <= 50)
                  .map((r) => (
                    <PreviewRow key={r.row} r={r} decision={decisions[r.row]} onDecide={(d) => setDecisions((x) => ({ ...x, [r.row]: d }))} />
                  ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      )}
      <Group justify="space-between" mt="xs">
        <Anchor href={TEMPLATE_URL} size="xs" download>
          {t('innovation.import.templateHint')}
        </Anchor>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {done ? t('common.done') : t('common.cancel')}
          </Button>
          {preview ? (
            <Button onClick={() => void confirm()} disabled={blocked || nothing} loading={progress !== null} leftSection={<IconUpload size={16} />} data-testid="import-submit">
              {t('importPlan.confirm')}
            </Button>
          ) : (
            <Button onClick={() => void runPreview()} disabled={!file || !!fileProblem} loading={progress !== null} leftSection={<IconEye size={16} />} data-testid="import-preview-button">
              {t('importPlan.preview')}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

function PreviewRow({ r, decision, onDecide }: { r: ImportPreviewRow; decision?: 'create' | 'skip'; onDecide: (d: 'create' | 'skip') => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="import-preview-row" data-action={r.action}>
      <Table.Td>{r.row}</Table.Td>
      <Table.Td>{r.title || '—'}</Table.Td>
      <Table.Td>
        <Badge color={ACTION_COLOR[r.action]} variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>
          {t(`importPlan.action.${r.action}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {r.action === 'update' && <Text size="xs">{t('importPlan.changes', { columns: r.changes.join(', ') })}</Text>}
        {r.action === 'duplicate' && r.match && (
          <Stack gap={4}>
            <Text size="xs">{t('importPlan.existing', { title: r.match.title, reason: r.match.reason })}</Text>
            <SegmentedControl
              size="xs"
              value={decision ?? 'skip'}
              onChange={(v) => onDecide(v as 'create' | 'skip')}
              data={[
                { value: 'skip', label: t('importPlan.skip') },
                { value: 'create', label: t('importPlan.createAnyway') },
              ]}
              data-testid="import-decision"
            />
          </Stack>
        )}
        {r.action === 'error' && (
          <Stack gap={2}>
            {r.problems.map((p, i) => (
              <Text key={i} size="xs" c="red.8">
                {p.column}: {p.message}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ProblemTable({ details }: { details: ApiErrorDetail[] }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table striped withTableBorder data-testid="import-errors" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('innovation.import.row')}</Table.Th>
            <Table.Th w={160}>{t('innovation.import.column')}</Table.Th>
            <Table.Th>{t('innovation.import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {details.map((d, i) => (
            <Table.Tr key={i} data-testid="import-error-row">
              <Table.Td>{d.row !== undefined ? String(d.row) : '—'}</Table.Td>
              <Table.Td>{d.column !== undefined ? String(d.column) : (d.field ?? '—')}</Table.Td>
              <Table.Td>{stripPrefix(d.message ?? '')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** "Baris 502, Unit Pengampu: unit … tidak ada" → "unit … tidak ada" (row and column have their own cells). */
function stripPrefix(message: string): string {
  return message.replace(/^(Baris|Row)\s+\d+,\s*[^:]+:\s*/i, '');
}
