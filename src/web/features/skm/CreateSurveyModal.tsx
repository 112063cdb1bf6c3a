import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Autocomplete, Button, Checkbox, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { todayIso } from '../../components/format.ts';
import { DateField } from '../../components/DateField.tsx';
import { requiredMessage } from '../../components/validation.ts';
import { NativeUnitSelect, useManageScope, useUnitOptions } from '../../components/units.tsx';
import { skmKeys, useServiceNames, type PeriodKind } from './api.ts';
import { currentQuarter, periodPicks } from './common.tsx';

export function CreateSurveyModal({ opened, onClose, defaultUnitId }: { opened: boolean; onClose: () => void; defaultUnitId?: string | null }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('skm.create.title')} size="lg">
      {opened && <CreateSurveyForm onDone={onClose} defaultUnitId={defaultUnitId} />}
    </Modal>
  );
}

function CreateSurveyForm({ onDone, defaultUnitId }: { onDone: () => void; defaultUnitId?: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { user } = useAuth();
  const scope = useManageScope();
  const { options } = useUnitOptions({ activeOnly: true });
  const [error, setError] = useState<string | null>(null);
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const picks = useMemo(() => [year - 1, year, year + 1].flatMap((y) => periodPicks(y)), [year]);
  const initialPick = currentQuarter(today);

  const ownUnit = user?.roles.find((r) => r.unitId && scope.has(r.unitId))?.unitId ?? null;
  const firstAllowed = options.find((u) => scope.has(u.id))?.id ?? null;
  const initialUnit = defaultUnitId && scope.has(defaultUnitId) ? defaultUnitId : ownUnit ?? (scope.has(null) ? null : firstAllowed);

  const form = useForm({
    initialValues: {
      unitId: initialUnit as string | null,
      serviceName: '',
      pick: initialPick.key,
      periodStart: initialPick.start,
      periodEnd: initialPick.end,
      population: '' as number | string,
      free: false,
    },
    validate: {
      unitId: (v) => (v ? null : t('skm.create.unitRequired')),
      serviceName: (v) => (v.trim().length >= 3 ? null : t('skm.create.serviceRequired')),
      periodStart: (v) => (v ? null : requiredMessage(t)),
      periodEnd: (v, all) => (!v ? requiredMessage(t) : all.periodStart && v < all.periodStart ? t('skm.create.endBeforeStart') : null),
      population: (v) => (v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1) ? null : t('skm.create.populationInvalid')),
    },
  });
  const v = form.getValues();

  // Services this unit surveyed before, matching what is typed: the same name continues its trend.
  const [typed] = useDebouncedValue(v.serviceName.trim(), 250);
  const existing = useServiceNames(v.unitId, typed);
  const serviceNames = useMemo(() => (existing.data ?? []).map((s) => s.name), [existing.data]);

  const applyPick = (key: string) => {
    const p = picks.find((x) => x.key === key);
    form.setFieldValue('pick', key);
    if (p) {
      form.setFieldValue('periodStart', p.start);
      form.setFieldValue('periodEnd', p.end);
    }
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const pick = picks.find((p) => p.start === values.periodStart && p.end === values.periodEnd);
    const body = {
      unitId: values.unitId!,
      serviceName: values.serviceName.trim(),
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      ...(pick ? { periodKind: pick.kind as PeriodKind } : {}),
      ...(values.population !== '' ? { population: Number(values.population) } : {}),
      inactiveUnsur: values.free ? ['U4'] : [],
    };
    try {
      const created = await api<{ id: string; serviceName: string }>('/skm/surveys', { method: 'POST', body });
      await qc.invalidateQueries({ queryKey: skmKeys.all });
      notifySuccess(t('skm.create.created', { name: created.serviceName }));
      onDone();
      navigate(`/skm/${created.id}`);
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="skm-create-form">
      <Stack gap="sm">
        <ErrorAlert error={error} testId="skm-create-error" />
        <NativeUnitSelect
          label={t('skm.fields.unit')}
          withAsterisk
          value={v.unitId}
          onChange={(id) => form.setFieldValue('unitId', id)}
          allowed={scope.has}
          emptyLabel={t('skm.create.pickUnit')}
          error={form.errors.unitId}
          data-testid="skm-create-unit"
        />
        <Autocomplete
          label={t('skm.fields.service')}
          description={t('skm.create.serviceHint')}
          placeholder={t('skm.create.servicePlaceholder')}
          withAsterisk
          data={serviceNames}
          data-testid="skm-create-service"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('serviceName')}
        />
        <NativeSelect
          label={t('skm.create.quickPeriod')}
          value={picks.some((p) => p.key === v.pick && p.start === v.periodStart && p.end === v.periodEnd) ? v.pick : ''}
          onChange={(e) => applyPick(e.currentTarget.value)}
          data={[
            { value: '', label: t('skm.create.customPeriod') },
            ...[year - 1, year, year + 1].map((y) => ({
              group: String(y),
              items: periodPicks(y).map((p) => ({ value: p.key, label: t(p.label[0], p.label[1]) })),
            })),
          ]}
          data-testid="skm-create-period"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField label={t('skm.fields.periodStart')} withAsterisk data-testid="skm-create-start" {...form.getInputProps('periodStart')} />
          <DateField label={t('skm.fields.periodEnd')} withAsterisk min={v.periodStart || undefined} data-testid="skm-create-end" {...form.getInputProps('periodEnd')} />
        </SimpleGrid>
        <NumberInput
          label={t('skm.fields.population')}
          description={t('skm.create.populationHint')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          data-testid="skm-create-population"
          {...form.getInputProps('population')}
        />
        <Checkbox
          label={t('skm.create.free')}
          description={t('skm.create.freeHint')}
          data-testid="skm-create-free"
          {...form.getInputProps('free', { type: 'checkbox' })}
        />
        <Text size="xs" c="dimmed">
          {t('skm.create.rulebookNote')}
        </Text>
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="skm-create-submit">
            {t('skm.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
