import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { withQuery } from '../../api/client.ts';
import { usePeople } from '../../api/queries.ts';
import type { Person } from '../../api/types.ts';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { formatNip, formatNumber } from '../../components/format.ts';
import { UnitSelect, useManageScope } from '../../components/units.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';

const FILTERS = ['q', 'unitId', 'kind'] as const;

function KindBadge({ kind, size }: { kind: string; size: 'xs' | 'sm' }) {
  return (
    <Badge size={size} variant="light" color={kind === 'PPPK' ? 'teal' : 'pemda'}>
      {kind}
    </Badge>
  );
}

export default function PeopleTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useManageScope().any;
  const [adding, setAdding] = useState(false);
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.people.default });
  const people = usePeople(list.query);

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('org.people.searchPlaceholder'), testId: 'people-search' },
    {
      kind: 'custom',
      param: 'unitId',
      render: (value, set) => <UnitSelect label={t('fields.unitId')} placeholder={t('common.all')} value={value} onChange={set} activeOnly={false} data-testid="people-unit-filter" />,
    },
    {
      kind: 'select',
      param: 'kind',
      label: t('fields.kind'),
      options: [
        { value: 'PNS', label: 'PNS' },
        { value: 'PPPK', label: 'PPPK' },
      ],
      testId: 'people-kind-filter',
    },
  ];

  const columns: Column<Person>[] = [
    {
      key: 'name',
      label: t('fields.name'),
      sortKey: 'name',
      render: (p) => (
        <>
          <Anchor component={Link} to={`/organisasi/pegawai/${p.id}`} size="sm" fw={500} onClick={(e) => e.stopPropagation()}>
            {p.name}
          </Anchor>
          <Stack gap={2} hiddenFrom="sm" mt={2}>
            <Group gap={6}>
              <KindBadge kind={p.kind} size="xs" />
              <Text size="xs" className="serasan-mono">
                {p.nipFormatted ?? formatNip(p.nip)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {[p.rank, p.unitName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </>
      ),
    },
    { key: 'nip', label: t('fields.nip'), sortKey: 'nip', desktopOnly: true, render: (p) => <span className="serasan-mono">{p.nipFormatted ?? formatNip(p.nip)}</span> },
    { key: 'kind', label: t('fields.kind'), sortKey: 'kind', desktopOnly: true, render: (p) => <KindBadge kind={p.kind} size="sm" /> },
    { key: 'rank', label: t('fields.rank'), sortKey: 'rank', desktopOnly: true, render: (p) => <Text size="sm">{p.rank ?? '—'}</Text> },
    { key: 'unit', label: t('fields.unitId'), sortKey: 'unit', desktopOnly: true, render: (p) => <Text size="sm">{p.unitName ?? '—'}</Text> },
  ];

  return (
    <>
      <DataList
        id="people"
        state={list}
        result={people}
        filters={filters}
        columns={columns}
        rowKey={(p) => p.id}
        rowTestId="person-row"
        onRowClick={(p) => navigate(`/organisasi/pegawai/${p.id}`)}
        countText={(total) => t('org.people.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/people/export.csv', list.exportQuery)}
        emptyText={t('org.people.empty')}
        toolbar={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="people-add">
              {t('org.people.add')}
            </Button>
          )
        }
      />
      <PersonFormModal opened={adding} onClose={() => setAdding(false)} defaultUnitId={list.filters.unitId} />
    </>
  );
}
