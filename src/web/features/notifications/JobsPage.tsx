import { Badge, Button, Card, Center, Code, Group, Loader, Pagination, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useJobs, type JobStatus } from './api.ts';

const STATUSES: JobStatus[] = ['failed', 'dead', 'queued', 'running', 'done'];
const COLORS: Record<JobStatus, string> = { queued: 'blue', running: 'indigo', done: 'teal', failed: 'orange', dead: 'red' };

/** Admin: background jobs of the tenant, by status, with their last error and a retry button. */
export default function JobsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<JobStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const jobs = useJobs({ status: status === 'all' ? undefined : status, page });
  const data = jobs.data;
  const kindLabel = (kind: string) => t(`jobs.kinds.${kind.replace(/\./g, '_')}`, { defaultValue: kind });

  const retry = async (id: string) => {
    try {
      await api(`/admin/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' });
      await qc.invalidateQueries({ queryKey: ['admin-jobs'] });
      notifySuccess(t('jobs.retried'));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <ScrollArea type="auto" offsetScrollbars>
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as JobStatus | 'all');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('jobs.all') },
            ...STATUSES.map((s) => ({ value: s, label: `${t(`jobs.statuses.${s}`)} (${data?.counts[s] ?? 0})` })),
          ]}
          data-testid="jobs-filter"
        />
      </ScrollArea>
      <ErrorAlert error={jobs.error} />
      <Card withBorder p={0}>
        {jobs.isLoading ? (
          <Center p="lg">
            <Loader />
          </Center>
        ) : (data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed" size="sm" p="md">
            {t('jobs.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="jobs-table" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jobs.kind')}</Table.Th>
                  <Table.Th>{t('jobs.status')}</Table.Th>
                  <Table.Th>{t('jobs.attempts')}</Table.Th>
                  <Table.Th>{t('jobs.updatedAt')}</Table.Th>
                  <Table.Th>{t('jobs.lastError')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data!.items.map((j) => (
                  <Table.Tr key={j.id} data-testid="job-row">
                    <Table.Td>
                      <Text size="sm">{kindLabel(j.kind)}</Text>
                      <Text size="xs" c="dimmed" className="serasan-mono">
                        {j.kind}
                        {j.isSystem ? ` · ${t('jobs.system')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={COLORS[j.status]} variant="light" tt="none">
                        {t(`jobs.statuses.${j.status}`)}
                      </Badge>
                      {j.status === 'failed' && (
                        <Text size="xs" c="dimmed">
                          {t('jobs.runAt')}: {formatDateTime(j.runAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {j.attempts} / {j.maxAttempts}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(j.updatedAt)}</Text>
                    </Table.Td>
                    <Table.Td maw={360}>
                      {j.lastError ? (
                        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="job-error">
                          {j.lastError}
                        </Code>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {(j.status === 'failed' || j.status === 'dead') && (
                        <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={16} />} onClick={() => void retry(j.id)} data-testid="job-retry">
                          {t('jobs.retry')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {data && data.total > data.pageSize && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('jobs.count', { count: data.total })}
          </Text>
          <Pagination total={Math.ceil(data.total / data.pageSize)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
