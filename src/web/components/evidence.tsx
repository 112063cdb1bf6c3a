import { useState } from 'react';
import { Anchor, Badge, Button, Center, CopyButton, FileInput, Group, Loader, Pagination, Paper, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconFileTypePdf, IconFileTypeDocx, IconFileTypeXls, IconPhoto, IconFile, IconUpload, IconCopy, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { upload } from '../api/client.ts';
import { useEvidence } from '../api/queries.ts';
import type { Evidence } from '../api/types.ts';
import { ErrorAlert, notifyError, notifySuccess } from './feedback.tsx';
import { formatBytes, formatDateTime, formatNumber } from './format.ts';
import { entityLabel } from './AuditList.tsx';
import { useIsMobile } from './responsive.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ALLOWED: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'image',
  'image/png': 'image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
const ALLOWED_EXT = /\.(pdf|jpe?g|png|docx|xlsx)$/i;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,' + Object.keys(ALLOWED).join(',');

export function fileKind(mime: string, name = ''): string {
  if (ALLOWED[mime]) return ALLOWED[mime]!;
  const ext = /\.(\w+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') return 'image';
  return ext === 'pdf' || ext === 'docx' || ext === 'xlsx' ? ext : 'other';
}

export function KindIcon({ kind }: { kind: string }) {
  const p = { size: 18, stroke: 1.6 };
  if (kind === 'pdf') return <IconFileTypePdf {...p} color="var(--mantine-color-red-7)" />;
  if (kind === 'docx') return <IconFileTypeDocx {...p} color="var(--mantine-color-blue-7)" />;
  if (kind === 'xlsx') return <IconFileTypeXls {...p} color="var(--mantine-color-green-7)" />;
  if (kind === 'image') return <IconPhoto {...p} color="var(--mantine-color-grape-7)" />;
  return <IconFile {...p} />;
}

/** Client-side pre-check; the server checks the real content type again. */
export function checkFile(file: File, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  if (file.size > MAX_UPLOAD_BYTES) return t('evidence.tooLarge', { size: formatBytes(file.size), max: formatBytes(MAX_UPLOAD_BYTES) });
  if (!ALLOWED[file.type] && !ALLOWED_EXT.test(file.name)) return t('errors.fileType');
  if (file.size === 0) return t('evidence.emptyFile');
  return null;
}

export function EvidenceUpload({ entityType, entityId }: { entityType?: string; entityId?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const pick = (f: File | null) => {
    setFile(f);
    setError(f ? checkFile(f, t) : null);
  };

  const send = async () => {
    if (!file) {
      setError(t('errors.fileMissing'));
      return;
    }
    const problem = checkFile(file, t);
    if (problem) {
      setError(problem);
      return;
    }
    const form = new FormData();
    if (entityType) form.append('entityType', entityType);
    if (entityId) form.append('entityId', entityId);
    form.append('file', file, file.name);
    setProgress(0);
    try {
      const ev = await upload<Evidence>('/evidence', form, setProgress);
      notifySuccess(t('evidence.uploaded', { name: ev?.originalName ?? file.name }));
      setFile(null);
      setError(null);
      await qc.invalidateQueries({ queryKey: ['evidence'] });
    } catch (e) {
      notifyError(e, t('evidence.uploadFailed'));
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t('evidence.file')}
            description={t('evidence.allowed', { max: formatBytes(MAX_UPLOAD_BYTES) })}
            placeholder={t('evidence.choose')}
            accept={ACCEPT}
            value={file}
            onChange={pick}
            clearable
            error={error}
            leftSection={<IconUpload size={16} />}
            style={{ flex: '1 1 300px' }}
            data-testid="evidence-file"
          />
          <Button onClick={() => void send()} loading={progress !== null} disabled={!file || !!error} leftSection={<IconUpload size={16} />} data-testid="evidence-upload" mb={error ? 22 : 0}>
            {t('evidence.upload')}
          </Button>
        </Group>
        {progress !== null && <Progress value={Math.round(progress * 100)} animated size="sm" aria-label={t('evidence.uploading')} />}
      </Stack>
    </Paper>
  );
}

const PAGE_SIZE = 25;

/**
 * The files linked to one record (an innovation, a person), newest first and paged. The evidence
 * page has its own searchable, filterable list (features/evidence/EvidencePage.tsx).
 */
export function EvidenceList({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const mobile = useIsMobile();
  const evidence = useEvidence({ entityType, entityId, page, pageSize: PAGE_SIZE });
  const data = evidence.data;
  const items = data?.items ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  return (
    <Stack gap="sm">
      <ErrorAlert error={evidence.error} />
      {data && (
        <Text size="sm" c="dimmed">
          {t('evidence.count', { count: data.total, formatted: formatNumber(data.total) })}
        </Text>
      )}
      <Paper withBorder>
        {evidence.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : items.length === 0 ? (
          <Text p="lg" c="dimmed" ta="center">
            {t('evidence.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={mobile ? 0 : 760}>
            <Table highlightOnHover data-testid="evidence-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evidence.name')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('evidence.size')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('evidence.uploadedBy')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('evidence.uploadedAt')}</Table.Th>
                  <Table.Th visibleFrom="sm">SHA-256</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => {
                  const k = fileKind(e.mime, e.originalName);
                  const href = `/api/evidence/${encodeURIComponent(e.id)}/download`;
                  return (
                    <Table.Tr key={e.id} data-testid="evidence-row">
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <KindIcon kind={k} />
                          <Stack gap={0} style={{ minWidth: 0 }}>
                            <Anchor href={href} size="sm" fw={500} style={{ wordBreak: 'break-all' }} download>
                              {e.originalName}
                            </Anchor>
                            <Group gap={4}>
                              <Text size="xs" c="dimmed">
                                {t(`evidence.kinds.${k}`)}
                                {mobile ? ` · ${formatBytes(e.size)} · ${e.uploadedByName ?? '—'} · ${formatDateTime(e.createdAt)}` : ''}
                              </Text>
                              {e.links.map((l) => (
                                <Badge key={`${l.entityType}:${l.entityId}`} size="xs" variant="outline" color="gray">
                                  {entityLabel(t, l.entityType)}
                                </Badge>
                              ))}
                            </Group>
                          </Stack>
                        </Group>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatBytes(e.size)}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{e.uploadedByName ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{formatDateTime(e.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <CopyButton value={e.sha256}>
                          {({ copied, copy }) => (
                            <Tooltip label={copied ? t('common.copied') : e.sha256} multiline maw={320}>
                              <Button variant="subtle" color="gray" size="compact-xs" onClick={copy} rightSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />} className="serasan-mono">
                                {e.sha256.slice(0, 10)}…
                              </Button>
                            </Tooltip>
                          )}
                        </CopyButton>
                      </Table.Td>
                      <Table.Td>
                        <Button component="a" href={href} download size="compact-sm" variant="light" leftSection={<IconDownload size={14} />} data-testid="evidence-download" aria-label={`${t('evidence.download')} ${e.originalName}`}>
                          {mobile ? null : t('evidence.download')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {pages > 1 && <Pagination value={Math.min(page, pages)} onChange={setPage} total={pages} size="sm" />}
    </Stack>
  );
}
