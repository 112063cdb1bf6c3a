import { useMemo, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES } from '../../../shared/schemas/common.ts';
import { ZCreateUnitInput } from '../../../shared/schemas/org.ts';
import { api } from '../../api/client.ts';
import { keys, useUnits } from '../../api/queries.ts';
import type { Unit, UnitType } from '../../api/types.ts';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { descendantIds, UnitSelect } from '../../components/units.tsx';
import { blankToNull, zodErrors } from '../../components/validation.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  unit?: Unit | null;
  parentId?: string | null;
}

export function UnitFormModal({ opened, onClose, unit, parentId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={unit ? t('org.units.editTitle') : t('org.units.createTitle')} size="lg">
      {opened && <UnitForm unit={unit} parentId={parentId} onDone={onClose} />}
    </Modal>
  );
}

function UnitForm({ unit, parentId, onDone }: { unit?: Unit | null; parentId?: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const [error, setError] = useState<string | null>(null);
  const exclude = useMemo(() => (unit ? descendantIds(units.data ?? [], unit.id) : undefined), [unit, units.data]);

  const form = useForm({
    initialValues: {
      name: unit?.name ?? '',
      shortName: unit?.shortName ?? '',
      type: (unit?.type ?? '') as UnitType | '',
      code: unit?.code ?? '',
      parentId: (unit ? unit.parentId : parentId) ?? null,
      isActive: unit?.isActive ?? true,
    },
    validate: (v) => zodErrors(ZCreateUnitInput, blankToNull({ name: v.name, shortName: v.shortName, type: v.type, code: v.code, parentId: v.parentId }), t),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = blankToNull({ name: v.name.trim(), shortName: v.shortName.trim(), type: v.type, code: v.code.trim(), parentId: v.parentId });
    try {
      if (unit) await api<Unit>(`/units/${unit.id}`, { method: 'PATCH', body: { ...body, isActive: v.isActive } });
      else await api<Unit>('/units', { method: 'POST', body });
      await Promise.all([qc.invalidateQueries({ queryKey: keys.units }), qc.invalidateQueries({ queryKey: keys.tenant })]);
      notifySuccess(unit ? t('org.units.saved', { name: body.name }) : t('org.units.created', { name: body.name }));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} testId="unit-form-error" />
        <TextInput label={t('org.units.name')} placeholder={t('org.units.namePlaceholder')} withAsterisk data-testid="unit-name" {...form.getInputProps('name')} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t('org.units.shortName')} placeholder="Diskominfo" data-testid="unit-short-name" {...form.getInputProps('shortName')} />
          <TextInput label={t('fields.code')} placeholder="1.16.2.20.2.21.01.0000" data-testid="unit-code" {...form.getInputProps('code')} />
        </Group>
        <Select
          label={t('fieldsIn.units.type')}
          withAsterisk
          data={UNIT_TYPES.map((x) => ({ value: x, label: t(`unitTypes.${x}`) }))}
          data-testid="unit-type"
          allowDeselect={false}
          {...form.getInputProps('type')}
        />
        <UnitSelect
          label={t('fields.parentId')}
          description={t('org.units.parentHint')}
          exclude={exclude}
          value={form.getValues().parentId}
          onChange={(id) => form.setFieldValue('parentId', id)}
          error={form.errors.parentId}
          data-testid="unit-parent"
        />
        {unit && <Switch label={t('org.units.isActive')} {...form.getInputProps('isActive', { type: 'checkbox' })} />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="unit-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
