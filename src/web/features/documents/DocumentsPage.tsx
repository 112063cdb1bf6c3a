import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, FileInput, Group, Modal, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { DOC_TYPES } from '../../../shared/schemas/documents.ts';
import { api, upload, withQuery } from '../../api/client.ts';
import { useUnits } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, errorMessage, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';

type Contacts = { address: string | null; phone: string | null; website: string | null; email: string | null; postalCode: string | null };
type TenantSettings = Contacts & { emblemEvidenceId: string | null; governmentLine: string | null; headTitle: string | null; headName: string | null; place: string | null; isDemo: number };
type UnitLetterhead = Contacts & { unitId: string; unitCode: string | null; isDemo: number };
interface SettingsView {
  settings: TenantSettings | null;
  units: UnitLetterhead[];
  canManageTenant: boolean;
}
interface RegisterRow {
  id: string;
  docType: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  status: 'issued' | 'cancelled';
  cancelReason: string | null;
  issuedAt: string;
  unitName: string | null;
  documentId: string | null;
  documentStatus: 'issued' | 'withdrawn' | null;
  withdrawnReason: string | null;
  verificationCode: string | null;
  issuedByName: string | null;
}

const CONTACT_FIELDS = ['address', 'phone', 'website', 'email', 'postalCode'] as const;
const clean = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()]));

/** A live HTML rendering of the kop while typing (the PDF preview is the exact print). */
function KopPreview({ emblem, lines }: { emblem: boolean; lines: Array<{ text: string; size: number; bold?: boolean }> }) {
  return (
    <Paper withBorder p="sm" bg="white" data-testid="kop-preview">
      <Group wrap="nowrap" align="center" gap="sm">
        <div style={{ width: 48, flex: '0 0 48px' }}>
          <div aria-hidden style={{ width: 40, height: 48, background: emblem ? '#eab308' : '#eee', border: '3px solid #166534', borderRadius: '0 0 20px 20px' }} />
        </div>
        <Stack gap={0} style={{ flex: 1, textAlign: 'center', minWidth: 0 }}>
          {lines.filter((l) => l.text).map((l, i) => (
            <Text key={i} fz={l.size} fw={l.bold ? 700 : 400} lh={1.25} style={{ overflowWrap: 'anywhere' }}>
              {l.text}
            </Text>
          ))}
        </Stack>
      </Group>
      <div style={{ borderBottom: '3px double #000', marginTop: 8 }} />
    </Paper>
  );
}

function LetterheadTab() {
  const { t } = useTranslation();
  const { user, isAdmin } = useAuth();
  const qc = useQueryClient();
  const units = useUnits();
  const settings = useQuery({ queryKey: ['documents', 'settings'], queryFn: () => api<SettingsView>('/documents/settings') });
  const [tenantForm, setTenantForm] = useState<Record<string, string>>({});
  const [unitId, setUnitId] = useState<string | null>(null);
  const [unitForm, setUnitForm] = useState<Record<string, string>>({});
  const [emblem, setEmblem] = useState<File | null>(null);

  // Units this user may edit: all for the admin, else the granted units and their sub-units.
  const editableUnits = useMemo(() => {
    const all = units.data ?? [];
    if (isAdmin) return all;
    const roots = new Set((user?.roles ?? []).filter((r) => r.role === 'unit_head' || r.role === 'unit_operator').map((r) => r.unitId).filter(Boolean) as string[]);
    const out = new Set(roots);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of all) if (u.parentId && out.has(u.parentId) && !out.has(u.id)) (out.add(u.id), (grew = true));
    }
    return all.filter((u) => out.has(u.id));
  }, [units.data, isAdmin, user]);

  useEffect(() => {
    const s = settings.data?.settings;
    setTenantForm({ governmentLine: s?.governmentLine ?? '', headTitle: s?.headTitle ?? '', headName: s?.headName ?? '', place: s?.place ?? '', address: s?.address ?? '', phone: s?.phone ?? '', website: s?.website ?? '', email: s?.email ?? '', postalCode: s?.postalCode ?? '' });
  }, [settings.data]);
  useEffect(() => {
    if (!unitId && editableUnits.length) setUnitId(editableUnits[0].id);
  }, [editableUnits, unitId]);
  useEffect(() => {
    const u = settings.data?.units.find((x) => x.unitId === unitId);
    setUnitForm({ unitCode: u?.unitCode ?? '', address: u?.address ?? '', phone: u?.phone ?? '', website: u?.website ?? '', email: u?.email ?? '', postalCode: u?.postalCode ?? '' });
  }, [settings.data, unitId]);

  const saveTenant = useMutation({
    mutationFn: async () => {
      if (emblem) {
        const form = new FormData();
        form.append('file', emblem);
        await upload('/documents/settings/emblem', form);
        setEmblem(null);
      }
      return api('/documents/settings', { method: 'PUT', body: clean(tenantForm) });
    },
    onSuccess: () => (notifySuccess(t('docs.saved')), qc.invalidateQueries({ queryKey: ['documents'] })),
    onError: (e) => notifyError(e),
  });
  const saveUnit = useMutation({
    mutationFn: () => api(`/documents/letterheads/${unitId}`, { method: 'PUT', body: clean(unitForm) }),
    onSuccess: () => (notifySuccess(t('docs.saved')), qc.invalidateQueries({ queryKey: ['documents'] })),
    onError: (e) => notifyError(e),
  });

  if (settings.error) return <ErrorAlert error={settings.error} />;
  const canTenant = !!settings.data?.canManageTenant;
  const unit = (units.data ?? []).find((u) => u.id === unitId);
  const gov = tenantForm.governmentLine || (user?.tenantName ? `PEMERINTAH ${user.tenantName.toUpperCase()}` : '');
  const contact = (f: Record<string, string>) => [f.phone && `${t('docs.fields.phone')} ${f.phone}`, f.website && `${t('docs.fields.website')} ${f.website}`, f.email && `${t('docs.fields.email')} ${f.email}`].filter(Boolean).join(' · ');
  const addr = (f: Record<string, string>) => (f.address ? `${f.address}${f.postalCode ? ` ${t('docs.fields.postalCode')} ${f.postalCode}` : ''}` : '');
  const input = (form: Record<string, string>, set: (f: Record<string, string>) => void, key: string, label: string, disabled = false, hint?: string) => (
    <TextInput key={key} label={label} description={hint} value={form[key] ?? ''} disabled={disabled} onChange={(e) => set({ ...form, [key]: e.currentTarget.value })} data-testid={`kop-${key}`} />
  );
  const hasEmblem = !!settings.data?.settings?.emblemEvidenceId;

  return (
    <Stack gap="lg">
      {!!settings.data?.settings?.isDemo && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
          {t('docs.tenant.demo')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('docs.unit.title')}
        </Title>
        {editableUnits.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('docs.unit.pick')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="xs">
              <Select label={t('docs.unit.unit')} searchable data={editableUnits.map((u) => ({ value: u.id, label: u.name }))} value={unitId} onChange={setUnitId} data-testid="kop-unit" />
              {input(unitForm, setUnitForm, 'unitCode', t('docs.unit.unitCode'))}
              {CONTACT_FIELDS.map((k) => input(unitForm, setUnitForm, k, t(`docs.fields.${k}`)))}
              <Group>
                <Button onClick={() => saveUnit.mutate()} loading={saveUnit.isPending} disabled={!unitId} data-testid="kop-unit-save">
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('docs.preview.title')}
              </Text>
              <KopPreview emblem={hasEmblem} lines={[{ text: gov, size: 14 }, { text: unit?.name.toUpperCase() ?? '', size: 16, bold: true }, { text: addr(unitForm) || addr(tenantForm), size: 11 }, { text: contact(unitForm) || contact(tenantForm), size: 11 }]} />
              <Button component="a" variant="light" leftSection={<IconFileTypePdf size={16} />} href={`/api/documents/letterhead-preview.pdf?unitId=${unitId ?? ''}`} target="_blank" rel="noopener" disabled={!unitId} data-testid="kop-unit-pdf">
                {t('docs.preview.pdf')}
              </Button>
            </Stack>
          </SimpleGrid>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('docs.tenant.title')}
        </Title>
        {!canTenant && (
          <Text c="dimmed" size="sm" mb="xs">
            {t('docs.tenant.readOnly')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            {input(tenantForm, setTenantForm, 'governmentLine', t('docs.tenant.governmentLine'), !canTenant, t('docs.tenant.governmentLineHint'))}
            {input(tenantForm, setTenantForm, 'headTitle', t('docs.tenant.headTitle'), !canTenant)}
            {input(tenantForm, setTenantForm, 'headName', t('docs.tenant.headName'), !canTenant)}
            {input(tenantForm, setTenantForm, 'place', t('docs.tenant.place'), !canTenant)}
            {CONTACT_FIELDS.map((k) => input(tenantForm, setTenantForm, k, t(`docs.fields.${k}`), !canTenant))}
            <FileInput label={t('docs.tenant.emblem')} accept="image/png,image/jpeg" value={emblem} onChange={setEmblem} disabled={!canTenant} clearable data-testid="kop-emblem" />
            {canTenant && (
              <Group>
                <Button onClick={() => saveTenant.mutate()} loading={saveTenant.isPending} data-testid="kop-tenant-save">
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('docs.preview.title')}
            </Text>
            <KopPreview emblem={hasEmblem} lines={[{ text: gov, size: 14 }, { text: addr(tenantForm), size: 11 }, { text: contact(tenantForm), size: 11 }]} />
            <Text fw={600} size="sm" mt="xs">
              {t('docs.preview.head')}
            </Text>
            <KopPreview emblem={hasEmblem} lines={[{ text: tenantForm.headTitle, size: 16, bold: true }]} />
            <Group gap="xs">
              <Button component="a" variant="light" leftSection={<IconFileTypePdf size={16} />} href="/api/documents/letterhead-preview.pdf?kind=tenant" target="_blank" rel="noopener">
                {t('docs.preview.pdf')}
              </Button>
              <Button component="a" variant="subtle" leftSection={<IconFileTypePdf size={16} />} href="/api/documents/letterhead-preview.pdf?kind=head" target="_blank" rel="noopener">
                {t('docs.preview.head')}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

const REGISTER_FILTERS = ['q', 'docType', 'year', 'status'] as const;
const REGISTER_STATUSES = ['issued', 'reserved', 'withdrawn', 'cancelled'] as const;

function RegisterTab() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mobile = useIsMobile();
  const list = useListState({ filters: REGISTER_FILTERS, defaultSort: LIST_SORTS.documents.default, keep: ['tab'] });
  const reg = useQuery({
    queryKey: ['documents', 'register', list.query],
    queryFn: () => api<{ items: RegisterRow[]; total: number; page: number; pageSize: number }>('/documents/numbers', { query: list.query }),
    placeholderData: keepPreviousData,
  });
  const [cancelling, setCancelling] = useState<RegisterRow | null>(null);
  const [withdrawing, setWithdrawing] = useState<RegisterRow | null>(null);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => api(`/documents/numbers/${cancelling!.id}/cancel`, { method: 'POST', body: { reason } }),
    onSuccess: () => (notifySuccess(t('docs.register.cancelled_ok')), setCancelling(null), setReason(''), qc.invalidateQueries({ queryKey: ['documents', 'register'] })),
  });
  const withdraw = useMutation({
    mutationFn: () => api(`/documents/${withdrawing!.documentId}/withdraw`, { method: 'POST', body: { reason } }),
    onSuccess: () => (notifySuccess(t('docs.register.withdrawn_ok')), setWithdrawing(null), setReason(''), qc.invalidateQueries({ queryKey: ['documents', 'register'] })),
  });
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() + 1 - i));

  const statusOf = (r: RegisterRow): (typeof REGISTER_STATUSES)[number] => (r.status === 'cancelled' ? 'cancelled' : !r.documentId ? 'reserved' : r.documentStatus === 'withdrawn' ? 'withdrawn' : 'issued');
  const STATUS_COLOR = { issued: 'green', reserved: 'yellow', withdrawn: 'red', cancelled: 'gray' } as const;
  const status = (r: RegisterRow) => {
    const s = statusOf(r);
    return (
      <Badge color={STATUS_COLOR[s]} variant={s === 'reserved' ? 'light' : 'filled'} data-testid="register-status" data-status={s}>
        {t(`docs.register.${s}`)}
      </Badge>
    );
  };

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('docs.register.searchPlaceholder'), testId: 'register-search' },
    { kind: 'select', param: 'docType', label: t('docs.register.docType'), options: DOC_TYPES.map((d) => ({ value: d, label: t(`docs.types.${d}`) })), testId: 'register-type' },
    { kind: 'select', param: 'year', label: t('docs.register.year'), options: years.map((y) => ({ value: y, label: y })), testId: 'register-year' },
    { kind: 'select', param: 'status', label: t('docs.register.status'), options: REGISTER_STATUSES.map((s) => ({ value: s, label: t(`docs.register.${s}`) })), testId: 'register-status-filter' },
  ];

  const columns: Column<RegisterRow>[] = [
    {
      key: 'number',
      label: t('docs.register.number'),
      sortKey: 'number',
      render: (r) => (
        <>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {r.number}
          </Text>
          {mobile && (
          <Stack gap={4} mt={2} align="flex-start">
            <Text size="sm">{r.title}</Text>
            <Text size="xs" c="dimmed">
              {[t(`docs.types.${r.docType}`), r.unitName, formatDateTime(r.issuedAt)].filter(Boolean).join(' · ')}
            </Text>
            {status(r)}
          </Stack>
          )}
        </>
      ),
    },
    { key: 'docType', label: t('docs.register.docType'), sortKey: 'docType', desktopOnly: true, render: (r) => <Text size="sm">{t(`docs.types.${r.docType}`)}</Text> },
    {
      key: 'title',
      label: t('docs.register.about'),
      sortKey: 'title',
      desktopOnly: true,
      maw: 320,
      render: (r) => (
        <>
          <Text size="sm">{r.title}</Text>
          {r.cancelReason && (
            <Text size="xs" c="dimmed">
              {t('docs.register.reason')}: {r.cancelReason}
            </Text>
          )}
          {r.withdrawnReason && (
            <Text size="xs" c="red.8">
              {r.withdrawnReason}
            </Text>
          )}
        </>
      ),
    },
    { key: 'unit', label: t('docs.register.unit'), sortKey: 'unit', desktopOnly: true, maw: 200, render: (r) => <Text size="sm">{r.unitName ?? '—'}</Text> },
    {
      key: 'issuedAt',
      label: t('docs.register.issuedAt'),
      sortKey: 'issuedAt',
      descFirst: true,
      desktopOnly: true,
      render: (r) => (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(r.issuedAt)}
          </Text>
          {r.issuedByName && (
            <Text size="xs" c="dimmed">
              {r.issuedByName}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'status',
      label: t('docs.register.status'),
      minWidth: 150,
      render: (r) => (
        <Stack gap={4} align="flex-start">
          {!mobile && status(r)}
          {r.verificationCode && (
            <Anchor href={`/verifikasi/${r.verificationCode}`} target="_blank" size="xs">
              {t('docs.register.verify')}
            </Anchor>
          )}
          {r.documentId && r.documentStatus === 'issued' && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(r)} data-testid="withdraw-open">
              {t('docs.register.withdraw')}
            </Button>
          )}
          {r.status === 'issued' && !r.documentId && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(r)} data-testid="cancel-open">
              {t('docs.register.cancel')}
            </Button>
          )}
        </Stack>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <DataList
        id="register"
        state={list}
        result={reg}
        filters={filters}
        columns={columns}
        rowKey={(r) => r.id}
        countText={(total) => t('docs.register.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/documents/numbers/export.csv', list.exportQuery)}
        emptyText={t('docs.register.empty')}
        minWidth={900}
        footer={
          <Text size="xs" c="dimmed">
            {t('docs.register.gapsNote')}
          </Text>
        }
      />
      <Modal opened={!!cancelling} onClose={() => setCancelling(null)} title={t('docs.register.cancelTitle', { number: cancelling?.number ?? '' })}>
        <Stack gap="sm">
          <Text size="sm">{t('docs.register.cancelHint')}</Text>
          <Textarea label={t('docs.register.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} autosize error={cancel.error ? errorMessage(cancel.error) : undefined} data-testid="cancel-reason" />
          <Group justify="flex-end">
            <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="cancel-confirm">
              {t('docs.register.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={!!withdrawing} onClose={() => setWithdrawing(null)} title={t('docs.register.withdrawTitle', { number: withdrawing?.number ?? '' })}>
        <Stack gap="sm">
          <Text size="sm">{t('docs.register.withdrawHint')}</Text>
          <Textarea label={t('docs.register.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} autosize error={withdraw.error ? errorMessage(withdraw.error) : undefined} data-testid="withdraw-reason" />
          <Group justify="flex-end">
            <Button color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending} data-testid="withdraw-confirm">
              {t('docs.register.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export default function DocumentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'register' ? 'register' : 'letterhead';
  return (
    <Stack gap="md">
      <PageHeader title={t('docs.title')} description={t('docs.description')} />
      <Tabs value={tab} onChange={(v) => setParams(v === 'register' ? { tab: 'register' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="letterhead" data-testid="tab-letterhead">
            {t('docs.tabs.letterhead')}
          </Tabs.Tab>
          <Tabs.Tab value="register" data-testid="tab-register">
            {t('docs.tabs.register')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="letterhead" pt="md">
          <LetterheadTab />
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
