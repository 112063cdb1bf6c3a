import { Badge, Button, Code, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { api, withQuery } from '../../api/client.ts';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useJobs, type JobItem, type JobStatus } from './api.ts';

const STATUSES: JobStatus[] = ['failed', 'dead', 'queued', 'running', 'done'];
const COLORS: Record<JobStatus, string> = { queued: 'blue', running: 'indigo', done: 'teal', failed: 'orange', dead: 'red' };
const FILTERS = ['status'] as const;

/** Admin: background jobs of the tenant, by status, with their last error and a retry button. */
export default function JobsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.jobs.default });
  const jobs = useJobs(list.query);
  const counts = jobs.data?.counts;
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

  const badge = (j: JobItem) => (
    <Badge color={COLORS[j.status]} variant="light" tt="none" data-testid="job-status" data-status={j.status}>
      {t(`jobs.statuses.${j.status}`)}
    </Badge>
  );

  const filters: FilterDef[] = [
    {
      kind: 'select',
      param: 'status',
      label: t('jobs.status'),
      // The counts per status come with every page: the admin sees where the failures are.
      options: STATUSES.map((s) => ({ value: s, label: counts ? `${t(`jobs.statuses.${s}`)} (${formatNumber(counts[s] ?? 0)})` : t(`jobs.statuses.${s}`) })),
      testId: 'jobs-filter',
    },
  ];

  const columns: Column<JobItem>[] = [
    {
      key: 'kind',
      label: t('jobs.kind'),
      sortKey: 'kind',
      render: (j) => (
        <>
          <Text size="sm">{kindLabel(j.kind)}</Text>
          <Text size="xs" c="dimmed" className="serasan-mono">
            {j.kind}
            {j.isSystem ? ` · ${t('jobs.system')}` : ''}
          </Text>
          <Stack gap={4} hiddenFrom="sm" mt={4} align="flex-start">
            {badge(j)}
            <Text size="xs" c="dimmed">
              {t('jobs.attempts')}: {j.attempts} / {j.maxAttempts} · {formatDateTime(j.updatedAt)}
            </Text>
          </Stack>
        </>
      ),
    },
    {
      key: 'status',
      label: t('jobs.status'),
      sortKey: 'status',
      desktopOnly: true,
      render: (j) => (
        <>
          {badge(j)}
          {j.status === 'failed' && (
            <Text size="xs" c="dimmed">
              {t('jobs.runAt')}: {formatDateTime(j.runAt)}
            </Text>
          )}
        </>
      ),
    },
    { key: 'attempts', label: t('jobs.attempts'), desktopOnly: true, render: (j) => <Text size="sm">{j.attempts} / {j.maxAttempts}</Text> },
    { key: 'updatedAt', label: t('jobs.updatedAt'), sortKey: 'updatedAt', descFirst: true, desktopOnly: true, render: (j) => <Text size="sm">{formatDateTime(j.updatedAt)}</Text> },
    {
      key: 'lastError',
      label: t('jobs.lastError'),
      maw: 360,
      render: (j) =>
        j.lastError ? (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="job-error">
            {j.lastError}
          </Code>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    {
      key: 'retry',
      label: '',
      render: (j) =>
        (j.status === 'failed' || j.status === 'dead') && (
          <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={16} />} onClick={() => void retry(j.id)} data-testid="job-retry">
            {t('jobs.retry')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <DataList
        id="jobs"
        state={list}
        result={jobs}
        filters={filters}
        columns={columns}
        rowKey={(j) => j.id}
        rowTestId="job-row"
        countText={(total) => t('jobs.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/admin/jobs/export.csv', list.exportQuery)}
        emptyText={t('jobs.empty')}
        minWidth={860}
      />
    </Stack>
  );
}
