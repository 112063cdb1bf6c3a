import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { kippKeys, type ProposalComment } from '../../api/kipp.ts';
import { notifyError } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';

export function CommentsBox({ proposalId, sectionKey, comments }: { proposalId: string; sectionKey: string; comments: ProposalComment[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: kippKeys.comments(proposalId) }), qc.invalidateQueries({ queryKey: kippKeys.proposal(proposalId) })]);

  const send = async () => {
    if (body.trim().length < 2) return;
    setBusy(true);
    try {
      await api(`/proposals/${proposalId}/comments`, { method: 'POST', body: { sectionKey, body: body.trim() } });
      setBody('');
      await refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const resolve = async (id: string) => {
    try {
      await api(`/proposals/${proposalId}/comments/${id}/resolve`, { method: 'POST', body: {} });
      await refresh();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Paper bg="gray.0" p="sm" radius="sm" data-testid={`comments-${sectionKey}`}>
      <Stack gap="xs">
        {comments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kipp.proposal.comments.none')}
          </Text>
        )}
        {comments.map((c) => (
          <Group key={c.id} justify="space-between" align="flex-start" wrap="nowrap" gap="xs" data-testid="comment" opacity={c.resolvedAt ? 0.6 : 1}>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} td={c.resolvedAt ? 'line-through' : undefined}>
                {c.body}
              </Text>
              <Text size="xs" c="dimmed">
                {c.authorName} · {formatDateTime(c.createdAt)}
              </Text>
            </Stack>
            {c.resolvedAt ? (
              <Badge color="teal" variant="light" size="sm">
                {t('kipp.proposal.comments.resolved')}
              </Badge>
            ) : (
              <Button size="compact-xs" variant="light" color="teal" onClick={() => void resolve(c.id)} data-testid="comment-resolve">
                {t('kipp.proposal.comments.resolve')}
              </Button>
            )}
          </Group>
        ))}
        <Textarea
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          placeholder={t('kipp.proposal.comments.placeholder')}
          aria-label={t('kipp.proposal.comments.add')}
          autosize
          minRows={2}
          data-testid={`comment-input-${sectionKey}`}
        />
        <Group justify="flex-end">
          <Button size="xs" onClick={() => void send()} loading={busy} disabled={body.trim().length < 2} data-testid={`comment-send-${sectionKey}`}>
            {t('kipp.proposal.comments.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
