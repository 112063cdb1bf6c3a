import { useMemo, useState } from 'react';
import { Button, Card, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZUpdatePlanIndicatorInput, ZUpdatePlanProgramInput, ZUpdatePlanSasaranInput, ZUpdatePlanTujuanInput } from '../../../shared/schemas/sakip-plan.ts';
import { api } from '../../api/client.ts';
import { useUnits } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { zodErrors } from '../../components/validation.ts';
import { planKeys, type PlanRecord, type PlanTree } from './plan-api.ts';

/** Roles that manage the pemda plan (pk.manage tenant-wide). */
const PEMDA_MANAGERS = ['admin', 'rb_team'];

/** Units whose Renstra the user may write: all for pemda managers, else the granted units and their sub-units. */
export function useWritableUnits() {
  const { user } = useAuth();
  const units = useUnits().data ?? [];
  return useMemo(() => {
    const roles = user?.roles ?? [];
    if (roles.some((r) => PEMDA_MANAGERS.includes(r.role))) return units;
    const scope = new Set(roles.filter((r) => (r.role === 'unit_head' || r.role === 'unit_operator') && r.unitId).map((r) => r.unitId!));
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of units) if (u.parentId && scope.has(u.parentId) && !scope.has(u.id)) (scope.add(u.id), (grew = true));
    }
    return units.filter((u) => scope.has(u.id));
  }, [user, units]);
}

export function useMayManagePemda() {
  const { user } = useAuth();
  return !!user?.roles.some((r) => PEMDA_MANAGERS.includes(r.role));
}

/** Simple forms: a pemda sasaran (Tim RB), an indicator with the year's target, a unit sasaran linked to a pemda sasaran. */
export function PlanForms({ tree }: { tree: PlanTree }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pemdaManager = useMayManagePemda();
  const units = useWritableUnits();
  const [kind, setKind] = useState<'unit' | 'pemda' | 'indicator'>(pemdaManager ? 'pemda' : 'unit');
  const [v, setV] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<number | string>('');
  const set = (k: string) => (value: string | null) => setV((o) => ({ ...o, [k]: value ?? '' }));
  const pemdaSasaran = tree.tujuan.flatMap((tj) => tj.sasaran);
  const unitIds = new Set(units.map((u) => u.id));
  const unitSasaran = [...pemdaSasaran.flatMap((s) => s.units.flatMap((u) => u.sasaran)), ...tree.unlinked].filter((s) => unitIds.has(s.unitId));
  const sasaranOptions = [...(pemdaManager ? pemdaSasaran.map((s) => ({ value: s.id, label: `${s.code} — ${s.name}` })) : []), ...unitSasaran.map((s) => ({ value: s.id, label: `${s.code} — ${s.name} (${s.unitName})` }))];

  const save = useMutation({
    mutationFn: async () => {
      const periodId = tree.period.id;
      if (kind === 'pemda') return api('/sakip/plan/sasaran', { method: 'POST', body: { periodId, code: v.code, name: v.name, tujuanId: v.tujuanId || null } });
      if (kind === 'unit') return api('/sakip/plan/sasaran', { method: 'POST', body: { periodId, code: v.code, name: v.name, unitId: v.unitId, pemdaSasaranId: v.pemdaSasaranId || null } });
      return api('/sakip/plan/indicators', {
        method: 'POST',
        body: { sasaranId: v.sasaranId, code: v.code, name: v.name, satuan: v.satuan, polarity: v.polarity || 'higher', targets: typeof target === 'number' ? [{ year: tree.year, target }] : [] },
      });
    },
    onSuccess: async () => {
      notifySuccess(t('sakipPlan.forms.saved'));
      setV({});
      setTarget('');
      await qc.invalidateQueries({ queryKey: planKeys.all });
    },
  });

  const kinds = [...(pemdaManager ? [{ value: 'pemda', label: t('sakipPlan.forms.pemdaSasaran') }] : []), { value: 'unit', label: t('sakipPlan.forms.unitSasaran') }, { value: 'indicator', label: t('sakipPlan.forms.indicator') }];
  if (!pemdaManager && units.length === 0) return null;
  return (
    <Card withBorder data-testid="plan-forms">
      <Title order={4} mb="sm">{t('sakipPlan.forms.title')}</Title>
      <Stack gap="xs">
        <SegmentedControl value={kind} onChange={(x) => (setKind(x as typeof kind), save.reset())} data={kinds} size="xs" />
        {kind === 'indicator' && <Select label={t('sakipPlan.forms.sasaran')} data={sasaranOptions} value={v.sasaranId ?? null} onChange={set('sasaranId')} searchable required />}
        {kind === 'unit' && <Select label={t('sakipPlan.forms.unit')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={v.unitId ?? null} onChange={set('unitId')} searchable required />}
        <TextInput label={t('sakipPlan.forms.code')} value={v.code ?? ''} onChange={(e) => set('code')(e.currentTarget.value)} required w={160} />
        <TextInput label={t('sakipPlan.forms.name')} value={v.name ?? ''} onChange={(e) => set('name')(e.currentTarget.value)} required />
        {kind === 'pemda' && <Select label={t('sakipPlan.forms.tujuan')} data={tree.tujuan.filter((x) => x.id).map((x) => ({ value: x.id!, label: `${x.code} — ${x.name}` }))} value={v.tujuanId ?? null} onChange={set('tujuanId')} clearable />}
        {kind === 'unit' && <Select label={t('sakipPlan.forms.linkTo')} placeholder={t('sakipPlan.forms.none')} data={pemdaSasaran.map((s) => ({ value: s.id, label: `${s.code} — ${s.name}` }))} value={v.pemdaSasaranId ?? null} onChange={set('pemdaSasaranId')} clearable searchable />}
        {kind === 'indicator' && (
          <Group grow>
            <TextInput label={t('sakipPlan.forms.satuan')} value={v.satuan ?? ''} onChange={(e) => set('satuan')(e.currentTarget.value)} required />
            <Select label={t('sakipPlan.forms.polarity')} data={(['higher', 'lower'] as const).map((p) => ({ value: p, label: t(`sakipPlan.polarity.${p}`) }))} value={v.polarity || 'higher'} onChange={set('polarity')} />
            <NumberInput label={t('sakipPlan.forms.target', { year: tree.year })} value={target} onChange={setTarget} decimalSeparator="," thousandSeparator="." />
          </Group>
        )}
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="plan-form-save">
            {t('sakipPlan.forms.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

// ---- editing, re-linking and deleting a record of the tree ----

const DELETE_PATH: Record<PlanRecord['kind'], string> = { tujuan: 'tujuan', pemdaSasaran: 'sasaran', unitSasaran: 'sasaran', indicator: 'indicators', program: 'programs' };
const EDIT_TITLE: Record<PlanRecord['kind'], string> = { tujuan: 'tujuan', pemdaSasaran: 'pemdaSasaran', unitSasaran: 'unitSasaran', indicator: 'indicator', program: 'program' };

type Num = number | string;
const num = (v: Num): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function yearsOf(tree: PlanTree) {
  const out: number[] = [];
  for (let y = tree.period.startYear; y <= tree.period.endYear; y++) out.push(y);
  return out;
}

/** The edit form of a record, prefilled, with the same zod schema as the API; `relink` shows only the pemda sasaran a unit sasaran feeds. */
export function PlanEditModal({ record, relink, tree, onClose }: { record: PlanRecord | null; relink?: boolean; tree: PlanTree; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useIsMobile();
  const title = record ? t(relink ? 'sakipPlan.edit.relink' : `sakipPlan.edit.${EDIT_TITLE[record.kind]}`, { code: record.code }) : '';
  return (
    <Modal opened={!!record} onClose={onClose} title={title} size={record?.kind === 'program' || record?.kind === 'indicator' ? 'lg' : 'md'} fullScreen={phone}>
      {record && <EditForm key={`${record.id}-${relink ? 'link' : 'edit'}`} record={record} relink={!!relink} tree={tree} onDone={onClose} />}
    </Modal>
  );
}

function EditForm({ record, relink, tree, onDone }: { record: PlanRecord; relink: boolean; tree: PlanTree; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const years = yearsOf(tree);
  const pemdaSasaran = tree.tujuan.flatMap((tj) => tj.sasaran);
  const ind = record.kind === 'indicator' ? record.node : null;
  const prog = record.kind === 'program' ? record.node : null;
  const form = useForm({
    initialValues: {
      name: record.name,
      tujuanId: record.kind === 'pemdaSasaran' ? record.node.tujuanId : null,
      pemdaSasaranId: record.kind === 'unitSasaran' ? record.node.pemdaSasaranId : null,
      satuan: ind?.satuan ?? '',
      polarity: ind?.polarity ?? 'higher',
      baseline: (ind?.baseline ?? '') as Num,
      finalTarget: (ind?.finalTarget ?? '') as Num,
      targets: Object.fromEntries(years.map((y) => [String(y), (ind?.targets.find((x) => x.year === y)?.target ?? '') as Num])),
      pagu: Object.fromEntries(years.map((y) => [String(y), (prog?.budgets.find((x) => x.year === y)?.pagu ?? '') as Num])),
      realisasi: Object.fromEntries(years.map((y) => [String(y), (prog?.budgets.find((x) => x.year === y)?.realisasi ?? '') as Num])),
    },
    validate: (v) => {
      const { schema, body } = request(v);
      const errors = zodErrors(schema, body, t);
      // Targets and budgets are keyed by year in the form, by index in the body.
      const out: Record<string, string> = {};
      for (const [k, m] of Object.entries(errors)) {
        const at = /^(targets|budgets)\.(\d+)\.(\w+)/.exec(k);
        if (!at) out[k] = m;
        else {
          const year = (body as { targets?: Array<{ year: number }>; budgets?: Array<{ year: number }> })[at[1] as 'targets' | 'budgets']![Number(at[2])]!.year;
          out[at[1] === 'targets' ? `targets.${year}` : at[3] === 'realisasi' ? `realisasi.${year}` : `pagu.${year}`] = m;
        }
      }
      if (record.kind === 'program') for (const y of years) if (num(v.realisasi[String(y)]!) !== null && num(v.pagu[String(y)]!) === null) out[`pagu.${y}`] = t('sakipPlan.edit.paguRequired', { year: y });
      return out;
    },
  });

  /** The PUT of the record: path, body and the schema the server validates it with. */
  function request(v: typeof form.values) {
    switch (record.kind) {
      case 'tujuan':
        return { path: `/sakip/plan/tujuan/${record.id}`, schema: ZUpdatePlanTujuanInput, body: { name: v.name } };
      case 'pemdaSasaran':
        return { path: `/sakip/plan/sasaran/${record.id}`, schema: ZUpdatePlanSasaranInput, body: { name: v.name, tujuanId: v.tujuanId ?? null } };
      case 'unitSasaran':
        return { path: `/sakip/plan/sasaran/${record.id}`, schema: ZUpdatePlanSasaranInput, body: relink ? { pemdaSasaranId: v.pemdaSasaranId ?? null } : { name: v.name, pemdaSasaranId: v.pemdaSasaranId ?? null } };
      case 'indicator':
        return {
          path: `/sakip/plan/indicators/${record.id}`,
          schema: ZUpdatePlanIndicatorInput,
          body: {
            name: v.name,
            satuan: v.satuan,
            polarity: v.polarity,
            baseline: num(v.baseline),
            finalTarget: num(v.finalTarget),
            targets: years.flatMap((y) => (num(v.targets[String(y)]!) === null ? [] : [{ year: y, target: num(v.targets[String(y)]!)! }])),
          },
        };
      case 'program':
        return {
          path: `/sakip/plan/programs/${record.id}`,
          schema: ZUpdatePlanProgramInput,
          body: { name: v.name, budgets: years.flatMap((y) => (num(v.pagu[String(y)]!) === null ? [] : [{ year: y, pagu: num(v.pagu[String(y)]!)!, realisasi: num(v.realisasi[String(y)]!) }])) },
        };
    }
  }

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const { path, body } = request(v);
    try {
      await api(path, { method: 'PUT', body });
      await qc.invalidateQueries({ queryKey: planKeys.all });
      notifySuccess(t('sakipPlan.edit.saved', { code: record.code }));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  const numberProps = { decimalSeparator: ',', thousandSeparator: '.', hideControls: true } as const;
  return (
    <form onSubmit={submit} noValidate data-testid="plan-edit-form">
      <Stack gap="sm">
        <ErrorAlert error={error} testId="plan-edit-error" />
        {!relink && (
          <>
            <TextInput label={t('sakipPlan.forms.code')} value={record.code} readOnly disabled description={t('sakipPlan.edit.codeFixed')} w={{ base: '100%', sm: 260 }} />
            <TextInput label={t('sakipPlan.forms.name')} withAsterisk data-testid="plan-edit-name" {...form.getInputProps('name')} />
          </>
        )}
        {record.kind === 'pemdaSasaran' && (
          <Select label={t('sakipPlan.forms.tujuan')} data={tree.tujuan.filter((x) => x.id).map((x) => ({ value: x.id!, label: `${x.code} — ${x.name}` }))} clearable {...form.getInputProps('tujuanId')} />
        )}
        {record.kind === 'unitSasaran' && (
          <Select
            label={t('sakipPlan.forms.linkTo')}
            description={relink ? t('sakipPlan.edit.relinkHint') : undefined}
            placeholder={t('sakipPlan.forms.none')}
            data={pemdaSasaran.map((x) => ({ value: x.id, label: `${x.code} — ${x.name}` }))}
            clearable
            searchable
            data-testid="plan-edit-link"
            {...form.getInputProps('pemdaSasaranId')}
          />
        )}
        {ind && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('sakipPlan.forms.satuan')} withAsterisk {...form.getInputProps('satuan')} />
              <Select label={t('sakipPlan.forms.polarity')} data={(['higher', 'lower'] as const).map((p) => ({ value: p, label: t(`sakipPlan.polarity.${p}`) }))} allowDeselect={false} {...form.getInputProps('polarity')} />
              <NumberInput label={t('sakipPlan.tree.baseline')} {...numberProps} {...form.getInputProps('baseline')} />
              <NumberInput label={t('sakipPlan.tree.finalTarget')} {...numberProps} {...form.getInputProps('finalTarget')} />
            </SimpleGrid>
            <Text size="sm" fw={600}>{t('sakipPlan.edit.targets')}</Text>
            <SimpleGrid cols={{ base: 2, sm: Math.min(years.length, 5) }} spacing="xs">
              {years.map((y) => (
                <NumberInput key={y} label={String(y)} {...numberProps} data-testid={`plan-edit-target-${y}`} {...form.getInputProps(`targets.${y}`)} />
              ))}
            </SimpleGrid>
          </>
        )}
        {prog && (
          <>
            <Text size="sm" fw={600}>{t('sakipPlan.edit.budgets')}</Text>
            <Text size="xs" c="dimmed" mt={-8}>{t('sakipPlan.edit.budgetsHint')}</Text>
            {years.map((y) => (
              <Group key={y} gap="xs" align="flex-start" wrap="nowrap">
                <Text size="sm" w={44} pt={30}>{y}</Text>
                <NumberInput label={t('sakipPlan.edit.pagu')} {...numberProps} min={0} style={{ flex: 1 }} data-testid={`plan-edit-pagu-${y}`} {...form.getInputProps(`pagu.${y}`)} />
                <NumberInput label={t('sakipPlan.edit.realisasi')} {...numberProps} min={0} style={{ flex: 1 }} data-testid={`plan-edit-realisasi-${y}`} {...form.getInputProps(`realisasi.${y}`)} />
              </Group>
            ))}
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="plan-edit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Confirm, then DELETE; a refusal (409 while something hangs on the record, 403) stays in the dialog with the server's message. */
export function PlanDeleteModal({ record, onClose }: { record: PlanRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (r: PlanRecord) => api(`/sakip/plan/${DELETE_PATH[r.kind]}/${r.id}`, { method: 'DELETE' }),
    onSuccess: async (_, r) => {
      await qc.invalidateQueries({ queryKey: planKeys.all });
      notifySuccess(t('sakipPlan.remove.done', { code: r.code }));
      onClose();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={!!record} onClose={close} title={record ? t('sakipPlan.remove.title', { code: record.code }) : ''}>
      {record && (
        <Stack gap="sm" data-testid="plan-delete-dialog">
          <Text size="sm">{t('sakipPlan.remove.body', { name: record.name })}</Text>
          <Text size="xs" c="dimmed">{t('sakipPlan.remove.inUseHint')}</Text>
          <ErrorAlert error={remove.error} testId="plan-delete-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate(record)} loading={remove.isPending} data-testid="plan-delete-confirm">
              {t('sakipPlan.remove.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
