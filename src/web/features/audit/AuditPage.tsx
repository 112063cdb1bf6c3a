import { Link } from 'react-router';
import { Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { coreId } from '../../../shared/i18n/core.id.ts';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { withQuery } from '../../api/client.ts';
import { useAudit, useUsers } from '../../api/queries.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ACTION_COLORS, Changes, entityHref, entityLabel, shortId } from '../../components/AuditList.tsx';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

const ENTITY_TYPES = Object.keys(coreId.entities);
const ACTIONS = Object.keys(coreId.actions);
const FILTERS = ['entityType', 'action', 'actorId', 'from', 'to', 'entityId'] as const;

/**
 * Riwayat: the tenant's audit log on the one list component (issue 10 item 5): filters in the
 * URL (record type, action, actor, from/to as region days), newest first, sortable headers,
 * paging, the CSV of the filtered rows; a row opens in place to show what changed.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const users = useUsers(isAdmin);
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.audit.default });
  const audit = useAudit(list.query);
  const refs = audit.data?.refs ?? {};
  const { from, to } = list.filters;

  const filters: FilterDef[] = [
    { kind: 'select', param: 'entityType', label: t('audit.entity'), options: ENTITY_TYPES.map((e) => ({ value: e, label: t(`entities.${e}`) })), testId: 'audit-filter-entity' },
    { kind: 'select', param: 'action', label: t('audit.action'), options: ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) })), testId: 'audit-filter-action' },
    {
      kind: 'custom',
      param: 'actorId',
      render: (value, set) => (
        <Select
          label={t('audit.actor')}
          placeholder={isAdmin ? t('common.all') : t('audit.actorAdminOnly')}
          clearable
          searchable
          disabled={!isAdmin || !users.data}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))}
          value={value}
          onChange={set}
          data-testid="audit-filter-actor"
        />
      ),
    },
    {
      kind: 'custom',
      param: 'from',
      render: (value, set) => <DateField label={t('audit.from')} value={value} max={to} onChange={(v) => set(v || null)} data-testid="audit-filter-from" />,
    },
    {
      kind: 'custom',
      param: 'to',
      render: (value, set) => (
        <DateField
          label={t('audit.to')}
          value={value}
          min={from}
          onChange={(v) => set(v || null)}
          error={from && to && to < from ? t('errors.endBeforeStart') : undefined}
          data-testid="audit-filter-to"
        />
      ),
    },
  ];

  const entityCell = (e: AuditEntry) => {
    const href = entityHref(e.entityType, e.entityId);
    const name = e.entityName ?? shortId(e.entityId);
    const mono = e.entityName ? undefined : 'serasan-mono';
    return href ? (
      <Anchor component={Link} to={href} size="sm" onClick={(ev) => ev.stopPropagation()} className={mono} title={e.entityId} data-testid="audit-entity">
        {name}
      </Anchor>
    ) : (
      <span className={mono} title={e.entityId} data-testid="audit-entity">
        {name}
      </span>
    );
  };

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      label: t('audit.at'),
      sortKey: 'at',
      descFirst: true,
      render: (e) => (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(e.at)}
          </Text>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {entityLabel(t, e.entityType)}
            {e.entityName ? ` “${e.entityName}”` : ''} · {e.actorName ?? t('audit.system')}
          </Text>
        </>
      ),
    },
    {
      key: 'action',
      label: t('audit.action'),
      sortKey: 'action',
      render: (e) => {
        const n = Object.keys(e.changes ?? {}).length;
        return (
          // The badge keeps its whole word on a phone; the count goes below it when space is short.
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={ACTION_COLORS[e.action] ?? 'gray'} style={{ flexShrink: 0 }}>
              {t(`actions.${e.action}`, { defaultValue: e.action })}
            </Badge>
            {n > 0 && (
              <Text size="xs" c="dimmed">
                {t('audit.fieldsChanged', { count: n })}
              </Text>
            )}
          </Group>
        );
      },
    },
    {
      key: 'entity',
      label: t('audit.entity'),
      sortKey: 'entityType',
      desktopOnly: true,
      render: (e) => (
        <Text size="sm">
          {entityLabel(t, e.entityType)}
          {' · '}
          {entityCell(e)}
        </Text>
      ),
    },
    { key: 'actor', label: t('audit.actor'), sortKey: 'actor', desktopOnly: true, render: (e) => <Text size="sm">{e.actorName ?? t('audit.system')}</Text> },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <DataList
        id="audit"
        state={list}
        result={audit}
        filters={filters}
        columns={columns}
        rowKey={(e) => e.id}
        countText={(total) => t('audit.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/audit/export.csv', list.exportQuery)}
        emptyText={t('audit.none')}
        expand={{ render: (e) => <Changes entry={e} refs={refs} />, label: t('audit.showChanges'), collapseLabel: t('common.collapse') }}
        minWidth={680}
      />
    </Stack>
  );
}
