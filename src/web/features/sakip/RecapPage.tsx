import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Group, Loader, ScrollArea, Select, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileTypeDocx, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useUnitOptions } from '../../components/units.tsx';

/**
 * The "Rekap & LKjIP" tab of the SAKIP shell (issue 11 items 3–4): year and quarter pickers, the
 * pemda recap per unit (PK status, reported/verified, average capaian with its colour — verified
 * values only, computed by the server), the Excel download, and the LKjIP (DOCX to edit, PDF to
 * publish) for the pemda and each unit. Users without the tenant-wide view (unit operators and
 * heads) get their own unit's LKjIP.
 */
type Status = 'merah' | 'kuning' | 'hijau';
interface RecapUnit {
  unitId: string | null;
  unitName: string;
  pkId: string | null;
  pkStatus: 'none' | 'draft' | 'submitted' | 'agreed' | 'signed';
  holder: string | null;
  indicators: number;
  reported: number;
  verified: number;
  averageCapaian: number | null;
  status: Status | null;
}
interface Recap {
  year: number;
  quarter: number;
  totals: { units: number; withPk: number; signed: number; indicators: number; reported: number; verified: number; averageCapaian: number | null; status: Status | null };
  units: RecapUnit[];
}

const COLOR: Record<Status, string> = { merah: 'red', kuning: 'yellow', hijau: 'green' };
/** Decimals with the Indonesian comma, whatever the UI language (house rule). */
const pct = (x: number) => `${x.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
const PK_COLOR = { none: 'gray', draft: 'yellow', submitted: 'orange', agreed: 'blue', signed: 'teal' } as const;

function CapaianBadge({ value, status }: { value: number | null; status: Status | null }) {
  const { t } = useTranslation();
  if (value === null || !status) return <Text c="dimmed">—</Text>;
  return (
    <Badge color={COLOR[status]} variant="light" title={t(`sakipRecap.status.${status}`)}>
      {pct(value)}
    </Badge>
  );
}

function LkjipButtons({ year, unitId, testId }: { year: number; unitId: string | null; testId: string }) {
  const { t } = useTranslation();
  const q = `year=${year}${unitId ? `&unitId=${encodeURIComponent(unitId)}` : ''}`;
  return (
    <Group gap={4} wrap="nowrap">
      <Button component="a" href={`/api/sakip/lkjip.docx?${q}`} size="compact-xs" variant="default" leftSection={<IconFileTypeDocx size={14} />} data-testid={`${testId}-docx`}>
        {t('sakipRecap.docx')}
      </Button>
      <Button component="a" href={`/api/sakip/lkjip.pdf?${q}`} target="_blank" rel="noopener" size="compact-xs" variant="default" leftSection={<IconFileTypePdf size={14} />} data-testid={`${testId}-pdf`}>
        {t('sakipRecap.pdf')}
      </Button>
    </Group>
  );
}

export default function RecapPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  // The latest quarter that has ended (TW I while the first one runs): what monitoring reports on.
  const [quarter, setQuarter] = useState(String(Math.max(1, Math.floor(new Date().getMonth() / 3))));
  const tenantWide = hasRole(user, 'admin', 'rb_team', 'inspectorate', 'leader');
  const recap = useQuery({
    queryKey: ['sakip', 'recap', year, quarter],
    queryFn: () => api<Recap>(`/sakip/recap?year=${year}&quarter=${quarter}`),
    enabled: tenantWide,
    placeholderData: keepPreviousData,
  });
  const ownUnits = useMemo(() => [...new Set((user?.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : [])))], [user]);
  const { options } = useUnitOptions({ activeOnly: true });
  const unitChoices = options.filter((u) => tenantWide || ownUnits.includes(u.id)).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }));
  const [unitId, setUnitId] = useState<string | null>(null);
  const chosenUnit = unitId ?? (tenantWide ? null : (ownUnits[0] ?? null));
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  const data = recap.data;

  return (
    <Stack gap="md" data-testid="sakip-recap">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <Select label={t('sakipRecap.year')} data={years} value={String(year)} onChange={(v) => v && setYear(Number(v))} w={110} allowDeselect={false} data-testid="recap-year" />
          {tenantWide && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('sakipRecap.quarter')}
            </Text>
            <SegmentedControl value={quarter} onChange={setQuarter} data={['1', '2', '3', '4'].map((q) => ({ value: q, label: t('sakipRecap.tw', { q: ['I', 'II', 'III', 'IV'][Number(q) - 1], n: q }) }))} data-testid="recap-quarter" />
          </div>
          )}
        </Group>
        {tenantWide && (
          <Group gap="xs" wrap="wrap">
            <Button component="a" href={`/api/sakip/recap.xlsx?year=${year}&quarter=${quarter}`} variant="light" leftSection={<IconFileSpreadsheet size={16} />} data-testid="recap-excel">
              {t('sakipRecap.excel')}
            </Button>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500}>
                {t('sakipRecap.lkjipPemda')}
              </Text>
              <LkjipButtons year={year} unitId={null} testId="lkjip-pemda" />
            </Group>
          </Group>
        )}
      </Group>

      {!tenantWide && (
        <Alert color="blue" icon={<IconInfoCircle />} data-testid="recap-no-access">
          {t('sakipRecap.noRecapAccess')}
        </Alert>
      )}

      <Card withBorder padding="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('sakipRecap.lkjipUnit')} placeholder={t('sakipRecap.unitPicker')} data={unitChoices} value={chosenUnit} onChange={setUnitId} searchable w={{ base: '100%', sm: 420 }} data-testid="lkjip-unit-select" />
          {chosenUnit && <LkjipButtons year={year} unitId={chosenUnit} testId="lkjip-unit" />}
        </Group>
      </Card>

      {tenantWide && (
        <>
          <ErrorAlert error={recap.error} />
          {recap.isLoading && <Loader size="sm" />}
          {data && (
            <>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed" data-testid="recap-summary">
                  {t('sakipRecap.summary', data.totals)}
                </Text>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {t('sakipRecap.average')}
                  </Text>
                  <CapaianBadge value={data.totals.averageCapaian} status={data.totals.status} />
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {t('sakipRecap.note')}
              </Text>
              {data.units.length === 0 ? (
                <Text c="dimmed">{t('sakipRecap.empty')}</Text>
              ) : (
                <ScrollArea>
                  <Table striped highlightOnHover verticalSpacing="xs" miw={900} data-testid="recap-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('sakipRecap.columns.unit')}</Table.Th>
                        <Table.Th miw={150}>{t('sakipRecap.columns.pk')}</Table.Th>
                        <Table.Th ta="right">{t('sakipRecap.columns.indicators')}</Table.Th>
                        <Table.Th ta="right">{t('sakipRecap.columns.reported')}</Table.Th>
                        <Table.Th ta="right">{t('sakipRecap.columns.verified')}</Table.Th>
                        <Table.Th>{t('sakipRecap.columns.capaian')}</Table.Th>
                        <Table.Th>{t('sakipRecap.columns.documents')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.units.map((u) => (
                        <Table.Tr key={u.pkId ?? u.unitId ?? 'pemda'} data-testid="recap-row">
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {u.unitId ? u.unitName : t('sakipRecap.pemda')}
                            </Text>
                            {u.holder && (
                              <Text size="xs" c="dimmed">
                                {u.holder}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Badge color={PK_COLOR[u.pkStatus]} variant="light">
                              {t(`sakipRecap.pkStatus.${u.pkStatus}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right">{u.indicators}</Table.Td>
                          <Table.Td ta="right">{u.reported}</Table.Td>
                          <Table.Td ta="right">{u.verified}</Table.Td>
                          <Table.Td>
                            <CapaianBadge value={u.averageCapaian} status={u.status} />
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {u.pkId && (
                                <Button component="a" href={`/api/pk/${encodeURIComponent(u.pkId)}/notula.pdf?quarter=${quarter}`} target="_blank" rel="noopener" size="compact-xs" variant="subtle" leftSection={<IconFileText size={14} />}>
                                  {t('sakipRecap.notula')}
                                </Button>
                              )}
                              {u.unitId && u.pkId && <LkjipButtons year={year} unitId={u.unitId} testId="lkjip-row" />}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
