import { Anchor, Badge, Button, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { withQuery } from '../../api/client.ts';
import { useEvidence } from '../../api/queries.ts';
import type { Evidence } from '../../api/types.ts';
import { entityLabel } from '../../components/AuditList.tsx';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { EvidenceUpload, fileKind, KindIcon } from '../../components/evidence.tsx';
import { formatBytes, formatDateTime, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsMobile } from '../../components/responsive.ts';

// URL parameters: `entityType` is "linked to a record of this type" on this page.
const FILTERS = ['q', 'kind', 'entityType'] as const;
const KINDS = ['pdf', 'image', 'docx', 'xlsx'];
const LINKABLE = ['innovation', 'skm_survey', 'proposal', 'official_document', 'person', 'position', 'assignment'];

/** Every evidence file of the region: search, type and link filters, sort, paging and CSV on the one list component. */
export default function EvidencePage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.evidence.default });
  const evidence = useEvidence(list.query);
  const downloadUrl = (e: Evidence) => `/api/evidence/${encodeURIComponent(e.id)}/download`;

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('evidence.searchPlaceholder'), testId: 'evidence-search' },
    { kind: 'select', param: 'kind', label: t('evidence.type'), options: KINDS.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) })), testId: 'evidence-kind-filter' },
    { kind: 'select', param: 'entityType', label: t('evidence.linkedTo'), options: LINKABLE.map((k) => ({ value: k, label: entityLabel(t, k) })), testId: 'evidence-link-filter' },
  ];

  const columns: Column<Evidence>[] = [
    {
      key: 'name',
      label: t('evidence.name'),
      sortKey: 'name',
      render: (e) => {
        const k = fileKind(e.mime, e.originalName);
        return (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <KindIcon kind={k} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor href={downloadUrl(e)} size="sm" fw={500} style={{ wordBreak: 'break-all' }} download>
                {e.originalName}
              </Anchor>
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {t(`evidence.kinds.${k}`)}
                </Text>
                {e.links.map((l) => (
                  <Badge key={`${l.entityType}:${l.entityId}`} size="xs" variant="outline" color="gray">
                    {entityLabel(t, l.entityType)}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {[formatBytes(e.size), e.uploadedByName ?? '—', formatDateTime(e.createdAt)].join(' · ')}
              </Text>
            </Stack>
          </Group>
        );
      },
    },
    { key: 'size', label: t('evidence.size'), sortKey: 'size', descFirst: true, desktopOnly: true, render: (e) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatBytes(e.size)}</Text> },
    { key: 'uploadedBy', label: t('evidence.uploadedBy'), desktopOnly: true, render: (e) => <Text size="sm">{e.uploadedByName ?? '—'}</Text> },
    { key: 'createdAt', label: t('evidence.uploadedAt'), sortKey: 'createdAt', descFirst: true, desktopOnly: true, render: (e) => <Text size="sm">{formatDateTime(e.createdAt)}</Text> },
    {
      key: 'sha256',
      label: 'SHA-256',
      desktopOnly: true,
      render: (e) => (
        <CopyButton value={e.sha256}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : e.sha256} multiline maw={320}>
              <Button variant="subtle" color="gray" size="compact-xs" onClick={copy} rightSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />} className="serasan-mono">
                {e.sha256.slice(0, 10)}…
              </Button>
            </Tooltip>
          )}
        </CopyButton>
      ),
    },
    {
      key: 'download',
      label: '',
      render: (e) => (
        <Button component="a" href={downloadUrl(e)} download size="compact-sm" variant="light" leftSection={<IconDownload size={14} />} data-testid="evidence-download" aria-label={`${t('evidence.download')} ${e.originalName}`}>
          {mobile ? null : t('evidence.download')}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('evidence.title')} description={t('evidence.description')} />
      <EvidenceUpload />
      <DataList
        id="evidence"
        state={list}
        result={evidence}
        filters={filters}
        columns={columns}
        rowKey={(e) => e.id}
        countText={(total) => t('evidence.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/evidence/export.csv', list.exportQuery)}
        emptyText={t('evidence.empty')}
        minWidth={860}
      />
    </Stack>
  );
}
