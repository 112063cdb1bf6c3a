import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Center, Group, Loader, NativeSelect, Pagination, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/queries.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatNip, formatNumber } from '../../components/format.ts';
import { UnitSelect, useManageScope } from '../../components/units.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { PersonFormModal } from './PersonFormModal.tsx';

const PAGE_SIZE = 25;

export default function PeopleTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useManageScope().any;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unitId = params.get('unit');
  const kind = params.get('kind');
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [search, setSearch] = useState(q);
  const [adding, setAdding] = useState(false);
  const mobile = useIsMobile();

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        if (!('page' in patch)) p.delete('page');
        return p;
      },
      { replace: true },
    );
  const pushSearch = useDebouncedCallback((v: string) => update({ q: v.trim() || null }), 350);

  const people = usePeople({ q: q || undefined, unitId, kind, page, pageSize: PAGE_SIZE });
  const data = people.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('org.people.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ q: search.trim() || null });
          }}
          style={{ flex: '2 1 240px' }}
          data-testid="people-search"
        />
        <UnitSelect label={t('fields.unitId')} placeholder={t('common.all')} value={unitId} onChange={(id) => update({ unit: id })} activeOnly={false} style={{ flex: '2 1 200px' }} data-testid="people-unit-filter" />
        <NativeSelect
          label={t('fields.kind')}
          value={kind ?? ''}
          onChange={(e) => update({ kind: e.currentTarget.value || null })}
          data={[
            { value: '', label: t('common.all') },
            { value: 'PNS', label: 'PNS' },
            { value: 'PPPK', label: 'PPPK' },
          ]}
          w={{ base: 110, xs: 120 }}
          data-testid="people-kind-filter"
        />
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="people-add">
            {t('org.people.add')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={people.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="people-total">
          {data ? t('org.people.count', { count: data.total, formatted: formatNumber(data.total) }) : ' '}
        </Text>
        {people.isFetching && !people.isLoading && <Loader size="xs" />}
      </Group>
      <Paper withBorder>
        {people.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : !data || data.items.length === 0 ? (
          <Text p="lg" c="dimmed" ta="center">
            {q || unitId || kind ? t('common.noMatches') : t('org.people.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={mobile ? 0 : 720}>
            <Table highlightOnHover data-testid="people-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('fields.nip')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('fields.kind')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('fields.rank')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('fields.unitId')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id} className="serasan-row-link" onClick={() => navigate(`/organisasi/pegawai/${p.id}`)} data-testid="person-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/organisasi/pegawai/${p.id}`} size="sm" fw={500} onClick={(e) => e.stopPropagation()}>
                        {p.name}
                      </Anchor>
                      <Stack gap={2} hiddenFrom="sm" mt={2}>
                        <Group gap={6}>
                          <Badge size="xs" variant="light" color={p.kind === 'PPPK' ? 'teal' : 'pemda'}>
                            {p.kind}
                          </Badge>
                          <Text size="xs" className="serasan-mono">
                            {p.nipFormatted ?? formatNip(p.nip)}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed">
                          {[p.rank, p.unitName].filter(Boolean).join(' · ')}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <span className="serasan-mono">{p.nipFormatted ?? formatNip(p.nip)}</span>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Badge size="sm" variant="light" color={p.kind === 'PPPK' ? 'teal' : 'pemda'}>
                        {p.kind}
                      </Badge>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{p.rank ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{p.unitName ?? '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {pages > 1 && <Pagination value={Math.min(page, pages)} onChange={(n) => update({ page: String(n) })} total={pages} data-testid="people-pagination" />}

      <PersonFormModal opened={adding} onClose={() => setAdding(false)} defaultUnitId={unitId} />
    </Stack>
  );
}
