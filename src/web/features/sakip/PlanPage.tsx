import { useState } from 'react';
import { Alert, Badge, Button, Card, FileInput, Grid, Group, List, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, upload, type ApiErrorDetail } from '../../api/client.ts';
import { ErrorAlert, errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { planKeys, usePlanCascade, usePlanTree, type PlanCascade } from './plan-api.ts';
import { PlanTreeView } from './PlanTreeView.tsx';
import { PlanForms, useMayManagePemda } from './PlanForms.tsx';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 9 }, (_, i) => THIS_YEAR - 4 + i);

/** The cascade check as a warnings card (LKE AKIP criterion "cascading"). */
function CascadeCard({ c }: { c: PlanCascade }) {
  const { t } = useTranslation();
  const ok = !c.unlinkedUnitSasaran.length && !c.uncarriedPemdaSasaran.length;
  return (
    <Card withBorder data-testid="plan-cascade" style={{ borderColor: ok ? 'var(--mantine-color-teal-4)' : 'var(--mantine-color-orange-4)' }}>
      <Group gap="xs" mb="xs">
        {ok ? <IconCircleCheck color="var(--mantine-color-teal-6)" /> : <IconAlertTriangle color="var(--mantine-color-orange-6)" />}
        <Title order={4}>{t('sakipPlan.cascade.title')}</Title>
      </Group>
      {ok ? (
        <Text size="sm">{t('sakipPlan.cascade.ok')}</Text>
      ) : (
        <Stack gap="xs">
          {c.unlinkedUnitSasaran.length > 0 && (
            <div>
              <Text size="sm" fw={600}>{t('sakipPlan.cascade.unlinked', { count: c.unlinkedUnitSasaran.length })}</Text>
              <List size="sm" spacing={2}>
                {c.unlinkedUnitSasaran.map((s) => (
                  <List.Item key={s.id}>
                    <b>{s.unitName}</b> · {s.code} {s.name}
                    {s.indicators.length > 0 && <Text span size="xs" c="dimmed"> ({s.indicators.map((i) => i.name).join('; ')})</Text>}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {c.uncarriedPemdaSasaran.length > 0 && (
            <div>
              <Text size="sm" fw={600}>{t('sakipPlan.cascade.uncarried', { count: c.uncarriedPemdaSasaran.length })}</Text>
              <List size="sm" spacing={2}>
                {c.uncarriedPemdaSasaran.map((s) => (
                  <List.Item key={s.id}>
                    {s.code} {s.name}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <Text size="xs" c="dimmed">{t('sakipPlan.cascade.hint')}</Text>
        </Stack>
      )}
    </Card>
  );
}

/** Template, export and import (all or nothing) with the import's row report. */
function ExcelCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ApiErrorDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true);
    setError(null);
    setReport([]);
    try {
      const res = await upload<{ created: number; updated: number; unchanged: number }>(`/sakip/plan/import?year=${year}`, form);
      notifySuccess(t('sakipPlan.importDone', res));
      setFile(null);
      await qc.invalidateQueries({ queryKey: planKeys.all });
    } catch (e) {
      setError(errorMessage(e));
      if (isApiError(e)) setReport(e.details.filter((d) => d.row !== undefined));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="plan-excel">
      <Group gap="xs" mb="xs">
        <IconFileSpreadsheet />
        <Title order={4}>Excel</Title>
      </Group>
      <Group gap="xs" mb="sm">
        <Button component="a" href={`/api/sakip/plan/template.xlsx?year=${year}`} variant="light" size="xs" leftSection={<IconDownload size={14} />}>
          {t('sakipPlan.template')}
        </Button>
        <Button component="a" href={`/api/sakip/plan/export.xlsx?year=${year}`} variant="light" size="xs" leftSection={<IconDownload size={14} />} data-testid="plan-export">
          {t('sakipPlan.export')}
        </Button>
      </Group>
      <Group gap="xs" align="flex-end">
        <FileInput label={t('sakipPlan.import')} placeholder={t('sakipPlan.importPick')} accept=".xlsx" value={file} onChange={setFile} clearable style={{ flex: 1 }} size="xs" data-testid="plan-import-file" />
        <Button onClick={send} disabled={!file} loading={busy} size="xs" leftSection={<IconUpload size={14} />}>
          {t('sakipPlan.importSend')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="sm" title={error} data-testid="plan-import-report">
          {report.length > 0 && (
            <Table fz="xs" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sakipPlan.sheet')}</Table.Th>
                  <Table.Th>{t('sakipPlan.row')}</Table.Th>
                  <Table.Th>{t('sakipPlan.column')}</Table.Th>
                  <Table.Th>{t('sakipPlan.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.map((d, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{String(d.sheet ?? '')}</Table.Td>
                    <Table.Td>{String(d.row ?? '')}</Table.Td>
                    <Table.Td>{String(d.column ?? '')}</Table.Td>
                    <Table.Td>{String(d.message ?? '').replace(/^[^:]*:\s*/, '')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </Card>
  );
}

function AddPeriod({ year }: { year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [start, setStart] = useState<number | string>(year);
  const [end, setEnd] = useState<number | string>(year + 4);
  const m = useMutation({
    mutationFn: () => api('/sakip/plan/periods', { method: 'POST', body: { startYear: Number(start), endYear: Number(end) } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
  return (
    <Group align="flex-end" mt="sm">
      <NumberInput label={t('sakipPlan.startYear')} value={start} onChange={setStart} w={120} thousandSeparator="" />
      <NumberInput label={t('sakipPlan.endYear')} value={end} onChange={setEnd} w={120} thousandSeparator="" />
      <Button onClick={() => m.mutate()} loading={m.isPending}>{t('sakipPlan.addPeriod')}</Button>
      {m.error && <ErrorAlert error={m.error} />}
    </Group>
  );
}

/**
 * The "Rencana" tab of SAKIP (issue 11 item 1): year picker, the cascade check, Excel
 * template/import/export, the pohon kinerja of the period containing the year, and simple forms.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(THIS_YEAR);
  const tree = usePlanTree(year);
  const cascade = usePlanCascade(year, tree.isSuccess);
  const manager = useMayManagePemda();
  const noPeriod = tree.error && isApiError(tree.error) && tree.error.status === 404;
  return (
    <Stack gap="md" data-testid="plan-page">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <Select label={t('sakipPlan.year')} data={YEARS.map(String)} value={String(year)} onChange={(v) => v && setYear(Number(v))} w={110} allowDeselect={false} data-testid="plan-year" />
          {tree.data && (
            <Group gap={6} pb={6}>
              <Text size="sm" c="dimmed">{t('sakipPlan.period')}:</Text>
              <Text size="sm" fw={600}>{tree.data.period.name}</Text>
              {tree.data.period.isDemo && <Badge color="grape" variant="light" size="sm">{t('sakipPlan.demo')}</Badge>}
            </Group>
          )}
        </Group>
      </Group>
      {noPeriod ? (
        <Alert color="yellow" title={t('sakipPlan.noPeriod')}>
          {errorMessage(tree.error)}
          {manager && <AddPeriod year={year} />}
        </Alert>
      ) : tree.error ? (
        <ErrorAlert error={tree.error} />
      ) : null}
      {tree.data && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Title order={3} mb="sm">{t('sakipPlan.tree.title', { year })}</Title>
            <PlanTreeView tree={tree.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              {cascade.data && <CascadeCard c={cascade.data} />}
              <ExcelCard year={year} />
              <PlanForms tree={tree.data} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
