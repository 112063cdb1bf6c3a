import { useMemo, useState } from 'react';
import { Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useUnits } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { planKeys, type PlanTree } from './plan-api.ts';

/** Roles that manage the pemda plan (pk.manage tenant-wide). */
const PEMDA_MANAGERS = ['admin', 'rb_team'];

/** Units whose Renstra the user may write: all for pemda managers, else the granted units and their sub-units. */
function useWritableUnits() {
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
