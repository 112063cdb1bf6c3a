import { useState } from 'react';
import { Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, upload } from '../../api/client.ts';
import { kippKeys, useAttachments, useRulebooks } from '../../api/kipp.ts';
import { checkFile } from '../../components/evidence.tsx';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';

export function AttachmentsBox({ proposalId, rulebookId, canWrite, onChanged }: { proposalId: string; rulebookId: string; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const rulebooks = useRulebooks();
  const attachments = useAttachments(proposalId);
  const [busy, setBusy] = useState<string | null>(null);
  const required = rulebooks.data?.items.find((r) => r.id === rulebookId)?.body.requiredAttachments ?? [];
  const have = attachments.data?.items ?? [];

  const send = async (kind: string, file: File | null) => {
    if (!file) return;
    const problem = checkFile(file, t);
    if (problem) {
      notifyError(problem);
      return;
    }
    setBusy(kind);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const ev = await upload<{ id: string }>('/evidence', form);
      await api(`/proposals/${proposalId}/attachments`, { method: 'POST', body: { kind, evidenceId: ev.id } });
      await qc.invalidateQueries({ queryKey: kippKeys.attachments(proposalId) });
      notifySuccess(t('kipp.proposal.attachments.done'));
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} id="lampiran" style={{ scrollMarginTop: 72 }} data-testid="proposal-attachments">
      <Title order={3} fz="lg" mb="xs">
        {t('kipp.proposal.attachments.title')}
      </Title>
      <ErrorAlert error={rulebooks.error ?? attachments.error} />
      <Stack gap="xs">
        {required.map((r) => {
          const files = have.filter((a) => a.kind === r.kind);
          return (
            <Group key={r.kind} justify="space-between" wrap="wrap" gap="xs" data-testid={`attachment-${r.kind}`}>
              <Stack gap={0} style={{ flex: '1 1 260px', minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {r.title}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {files.map((f) => String(f.originalName ?? '')).join(', ')}
                </Text>
              </Stack>
              <Group gap="xs">
                {files.length > 0 ? (
                  <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                    {t('kipp.proposal.attachments.uploaded')}
                  </Badge>
                ) : (
                  <Badge color="orange" variant="light">
                    {t('kipp.proposal.attachments.missing')}
                  </Badge>
                )}
                {canWrite && (
                  <FileButton onChange={(f) => void send(r.kind, f)} accept="application/pdf,image/jpeg,image/png,.docx,.xlsx">
                    {(props) => (
                      <Button {...props} size="compact-sm" variant="default" leftSection={<IconUpload size={14} />} loading={busy === r.kind} data-testid={`attachment-upload-${r.kind}`}>
                        {files.length > 0 ? t('kipp.proposal.attachments.replace') : t('kipp.proposal.attachments.upload')}
                      </Button>
                    )}
                  </FileButton>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
