import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError, upload, type ApiErrorDetail } from '../../api/client.ts';
import { innovationKeys } from '../../api/innovations.ts';
import { ErrorAlert, errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { formatBytes, formatNumber } from '../../components/format.ts';
import { MAX_UPLOAD_BYTES } from '../../components/evidence.tsx';

export const TEMPLATE_URL = '/api/innovations/import-template.xlsx';

/** Excel import, all-or-nothing: either every row is saved, or a table says which cells to fix. */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('innovation.import.title')} size="xl">
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
  const [done, setDone] = useState<number | null>(null);

  const pick = (f: File | null) => {
    setFile(f);
    setDetails([]);
    setDone(null);
    setError(null);
    setFileProblem(f && !/\.xlsx$/i.test(f.name) ? t('innovation.import.onlyXlsx') : f && f.size > MAX_UPLOAD_BYTES ? t('evidence.tooLarge', { size: formatBytes(f.size), max: formatBytes(MAX_UPLOAD_BYTES) }) : null);
  };

  const send = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setProgress(0);
    setError(null);
    setDetails([]);
    try {
      const res = await upload<{ imported: number; ids: string[] }>('/innovations/import', form, setProgress);
      setDone(res.imported);
      setFile(null);
      notifySuccess(t('innovation.import.done', { count: res.imported, formatted: formatNumber(res.imported) }));
      await qc.invalidateQueries({ queryKey: innovationKeys.all });
    } catch (e) {
      setError(errorMessage(e));
      if (isApiError(e)) setDetails(e.details.filter((d) => d.row !== undefined || d.column !== undefined));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('innovation.import.intro')}</Text>
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
      {done !== null && (
        <Alert color="teal" icon={<IconCheck />} data-testid="import-done">
          {t('innovation.import.done', { count: done, formatted: formatNumber(done) })}
        </Alert>
      )}
      <ErrorAlert error={error} testId="import-error" />
      {details.length > 0 && (
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
      )}
      <Group justify="space-between" mt="xs">
        <Anchor href={TEMPLATE_URL} size="xs" download>
          {t('innovation.import.templateHint')}
        </Anchor>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {done !== null ? t('common.done') : t('common.cancel')}
          </Button>
          <Button onClick={() => void send()} disabled={!file || !!fileProblem} loading={progress !== null} leftSection={<IconUpload size={16} />} data-testid="import-submit">
            {t('innovation.import.submit')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** "Baris 502, Unit Pengampu: unit … tidak ada" → "unit … tidak ada" (row and column have their own cells). */
function stripPrefix(message: string): string {
  return message.replace(/^(Baris|Row)\s+\d+,\s*[^:]+:\s*/i, '');
}
