import { useState } from 'react';
import { Button, Card, Center, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys, useRegions, useTenants } from '../../api/queries.ts';
import type { TenantRow } from '../../api/types.ts';
import { ErrorAlert, errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Platform operators open a Serasan workspace for a province or a kabupaten/kota. */
export default function TenantsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tenants = useTenants();
  const [province, setProvince] = useState<string | null>(null);
  const [regency, setRegency] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const provinces = useRegions({ level: 'province' });
  const regencies = useRegions({ level: 'regency', parentCode: province }, !!province);

  const create = async () => {
    const regionCode = regency ?? province;
    if (!regionCode) return;
    setBusy(true);
    setError(null);
    try {
      const tenant = await api<TenantRow>('/admin/tenants', { method: 'POST', body: { regionCode } });
      await qc.invalidateQueries({ queryKey: keys.tenants });
      notifySuccess(t('platform.created', { name: tenant?.name ?? regionCode }));
      setRegency(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const q = search.trim().toLowerCase();
  const rows = (tenants.data ?? []).filter((x) => !q || x.name.toLowerCase().includes(q) || x.regionCode.includes(q));

  return (
    <Stack gap="md">
      <PageHeader title={t('platform.title')} description={t('platform.description')} />
      <Card withBorder>
        <Title order={3} fz="h5" mb="sm">
          {t('platform.createTitle')}
        </Title>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          <Group align="flex-end" wrap="wrap" gap="sm">
            <Select
              label={t('platform.province')}
              searchable
              data={(provinces.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
              value={province}
              onChange={(v) => {
                setProvince(v);
                setRegency(null);
              }}
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label={t('platform.regency')}
              description={t('platform.regencyHint')}
              searchable
              clearable
              disabled={!province}
              data={(regencies.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
              value={regency}
              onChange={setRegency}
              style={{ flex: '1 1 240px' }}
            />
            <Button leftSection={<IconPlus size={16} />} disabled={!province} loading={busy} onClick={() => void create()}>
              {t('platform.create')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <TextInput leftSection={<IconSearch size={16} />} placeholder={t('platform.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} aria-label={t('common.search')} maw={360} />
      <ErrorAlert error={tenants.error} />
      <Paper withBorder>
        {tenants.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : rows.length === 0 ? (
          <Text p="lg" c="dimmed" ta="center">
            {t('common.noMatches')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('entities.tenant')}</Table.Th>
                  <Table.Th>{t('fields.regionCode')}</Table.Th>
                  <Table.Th>{t('platform.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>{x.name}</Table.Td>
                    <Table.Td className="serasan-mono">{x.regionCode}</Table.Td>
                    <Table.Td>{formatDate(x.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
