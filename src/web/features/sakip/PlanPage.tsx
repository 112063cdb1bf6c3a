import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Badge, Button, Card, FileInput, Grid, Group, List, Loader, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, upload, type ApiErrorDetail } from '../../api/client.ts';
import { ErrorAlert, errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { formatNumber } from '../../components/format.ts';
import { planKeys, usePlanCascade, usePlanTree, type PlanCascade, type PlanImportCounts, type PlanImportPreview, type PlanRecord } from './plan-api.ts';
import { PlanActionsContext, PlanTreeView, type PlanActions } from './PlanTreeView.tsx';
import { PlanDeleteModal, PlanEditModal, PlanForms, useMayManagePemda, useWritableUnits } from './PlanForms.tsx';

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

/** Rows with problems (sheet, row, column, message), from the preview or from a refused import: a list, readable at phone width. */
function ProblemList({ rows }: { rows: Array<{ sheet?: unknown; row?: unknown; column?: unknown; message?: unknown }> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="plan-import-problems">
      {rows.map((d, i) => (
        <div key={i}>
          <Text size="xs" fw={600}>
            {t('sakipPlan.sheet')} {String(d.sheet ?? '')} · {t('sakipPlan.row')} {String(d.row ?? '')} · {t('sakipPlan.column')} {String(d.column ?? '')}
          </Text>
          <Text size="xs">{String(d.message ?? '').replace(/^(Lembar|Sheet) [^:]*:\s*/, '')}</Text>
        </div>
      ))}
    </Stack>
  );
}

/** What the chosen file would do, per sheet (nothing is saved yet). */
function PreviewTable({ preview }: { preview: PlanImportPreview }) {
  const { t } = useTranslation();
  const cols = ['created', 'updated', 'unchanged', 'errors'] as const;
  const total = { created: preview.created, updated: preview.updated, unchanged: preview.unchanged, errors: preview.sheets.reduce((s, x) => s + x.errors, 0) };
  return (
    <Table fz="xs" verticalSpacing={2} horizontalSpacing={6} withTableBorder data-testid="plan-import-preview-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sakipPlan.sheet')}</Table.Th>
          {cols.map((c) => (
            <Table.Th key={c} ta="right">{t(`sakipPlan.preview.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.sheets.map((x) => (
          <Table.Tr key={x.sheet} data-testid={`plan-preview-${x.sheet}`}>
            <Table.Td>{x.sheet}</Table.Td>
            {cols.map((c) => (
              <Table.Td key={c} ta="right" c={c === 'errors' && x.errors ? 'red' : x[c] && c !== 'unchanged' ? undefined : 'dimmed'} fw={x[c] && c !== 'unchanged' ? 600 : undefined} data-col={c}>
                {formatNumber(x[c])}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        <Table.Tr data-testid="plan-preview-total">
          <Table.Td fw={600}>{t('sakipPlan.preview.total')}</Table.Td>
          {cols.map((c) => (
            <Table.Td key={c} ta="right" fw={600} data-col={c}>{formatNumber(total[c])}</Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * Template, export and import in two steps: choosing a file runs the preview (counts per sheet and
 * every bad row, nothing saved); "Impor" then sends the same file to the real import, which checks
 * it again and saves all rows or none.
 */
function ExcelCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [report, setReport] = useState<ApiErrorDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const send = async <T,>(path: string, f: File, step: 'preview' | 'import'): Promise<T | null> => {
    const form = new FormData();
    form.append('file', f, f.name);
    setBusy(step);
    setError(null);
    setReport([]);
    try {
      return await upload<T>(path, form);
    } catch (e) {
      setError(errorMessage(e));
      if (isApiError(e)) setReport(e.details.filter((d) => d.row !== undefined));
      return null;
    } finally {
      setBusy(null);
    }
  };
  const pick = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setError(null);
    setReport([]);
    if (f) setPreview(await send<PlanImportPreview>(`/sakip/plan/import/preview?year=${year}`, f, 'preview'));
  };
  const cancel = () => void pick(null);
  const commit = async () => {
    if (!file) return;
    const res = await send<PlanImportCounts>(`/sakip/plan/import?year=${year}`, file, 'import');
    if (!res) return;
    notifySuccess(t('sakipPlan.importDone', { ...res }));
    setFile(null);
    setPreview(null);
    await qc.invalidateQueries({ queryKey: planKeys.all });
  };
  const changes = preview ? preview.created + preview.updated : 0;
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
      <FileInput label={t('sakipPlan.import')} placeholder={t('sakipPlan.importPick')} accept=".xlsx" value={file} onChange={(f) => void pick(f)} clearable size="xs" data-testid="plan-import-file" />
      {busy === 'preview' && (
        <Group gap="xs" mt="sm">
          <Loader size="xs" />
          <Text size="xs">{t('sakipPlan.preview.running')}</Text>
        </Group>
      )}
      {preview && (
        <Stack gap="xs" mt="sm" data-testid="plan-import-preview">
          <Text size="sm" fw={600}>{t('sakipPlan.preview.title')}</Text>
          <Text size="xs" c="dimmed">{t('sakipPlan.preview.intro')}</Text>
          <PreviewTable preview={preview} />
          {preview.problems.length > 0 ? (
            <Alert color="red" p="xs">
              <Text size="sm" fw={600} c="red.8" mb={6}>{t('sakipPlan.preview.problems', { count: new Set(preview.problems.map((p) => `${p.sheet}:${p.row}`)).size })}</Text>
              <ProblemList rows={preview.problems} />
            </Alert>
          ) : (
            changes === 0 && <Text size="xs">{t('sakipPlan.preview.nothing')}</Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={cancel} data-testid="plan-import-cancel">
              {t('sakipPlan.preview.cancel')}
            </Button>
            <Button size="xs" onClick={() => void commit()} disabled={preview.problems.length > 0 || changes === 0} loading={busy === 'import'} leftSection={<IconUpload size={14} />} data-testid="plan-import-confirm">
              {t('sakipPlan.preview.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" mt="sm" p="xs" data-testid="plan-import-report">
          <Text size="sm" fw={600} c="red.8" mb={report.length ? 6 : 0}>{error}</Text>
          {report.length > 0 && <ProblemList rows={report} />}
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
  // The year may come from the address (`?tahun=2025`), as on the PK register.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun')) || THIS_YEAR;
  const setYear = (y: number) => setParams((p) => (p.set('tahun', String(y)), p), { replace: true });
  const years = YEARS.includes(year) ? YEARS : [...YEARS, year].sort();
  const tree = usePlanTree(year);
  const cascade = usePlanCascade(year, tree.isSuccess);
  const manager = useMayManagePemda();
  const writable = useWritableUnits();
  const [editing, setEditing] = useState<{ record: PlanRecord; relink: boolean } | null>(null);
  const [deleting, setDeleting] = useState<PlanRecord | null>(null);
  const actions = useMemo<PlanActions>(() => {
    const ids = new Set(writable.map((u) => u.id));
    return {
      mayManage: (unitId) => (unitId === null ? manager : manager || ids.has(unitId)),
      act: (action, record) => (action === 'delete' ? setDeleting(record) : setEditing({ record, relink: action === 'relink' })),
    };
  }, [writable, manager]);
  const noPeriod = tree.error && isApiError(tree.error) && tree.error.status === 404;
  return (
    <Stack gap="md" data-testid="plan-page">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <Select label={t('sakipPlan.year')} data={years.map(String)} value={String(year)} onChange={(v) => v && setYear(Number(v))} w={110} allowDeselect={false} data-testid="plan-year" />
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
            <PlanActionsContext.Provider value={actions}>
              <PlanTreeView tree={tree.data} />
            </PlanActionsContext.Provider>
            <PlanEditModal record={editing?.record ?? null} relink={editing?.relink} tree={tree.data} onClose={() => setEditing(null)} />
            <PlanDeleteModal record={deleting} onClose={() => setDeleting(null)} />
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
