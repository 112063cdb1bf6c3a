import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNip, normalizeNip, validateNip } from '../../../shared/nip.ts';
import { ZCreatePersonInput } from '../../../shared/schemas/org.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { AsnKind, Person } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { NativeUnitSelect, useManageScope } from '../../components/units.tsx';
import { formatDate } from '../../components/format.ts';
import { blankToNull, nipProblem, zodErrors } from '../../components/validation.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  person?: Person | null;
  defaultUnitId?: string | null;
}

export function PersonFormModal({ opened, onClose, person, defaultUnitId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={person ? t('org.people.editTitle') : t('org.people.createTitle')} size="lg">
      {opened && <PersonForm person={person} defaultUnitId={defaultUnitId} onDone={onClose} />}
    </Modal>
  );
}

function PersonForm({ person, defaultUnitId, onDone }: { person?: Person | null; defaultUnitId?: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { user } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const scope = useManageScope();
  const ownUnit = user?.roles.find((r) => r.unitId)?.unitId ?? null;

  const form = useForm({
    initialValues: {
      name: person?.name ?? '',
      nip: person ? formatNip(person.nip) : '',
      kind: (person?.kind ?? 'PNS') as AsnKind,
      rank: person?.rank ?? '',
      unitId: person ? person.unitId : defaultUnitId && scope.has(defaultUnitId) ? defaultUnitId : ownUnit,
    },
    validate: (v) => {
      const errors = zodErrors(ZCreatePersonInput, blankToNull({ ...v }), t);
      const nip = nipProblem(v.nip, v.kind, t);
      if (!errors.nip && nip) errors.nip = nip;
      return errors;
    },
  });
  const values = form.getValues();
  const normalized = normalizeNip(values.nip);
  // Live NIP feedback once all 18 digits are typed (or a non-digit appears); the full check runs on submit.
  const liveNipError = normalized.length >= 18 || /[^\d]/.test(normalized) ? nipProblem(values.nip, values.kind, t) : null;
  const nipOk = normalized.length === 18 ? validateNip(normalized, values.kind, new Date().getFullYear()) : null;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = blankToNull({ name: v.name.trim(), nip: normalizeNip(v.nip), kind: v.kind, rank: v.rank.trim(), unitId: v.unitId });
    try {
      if (person) await api<Person>(`/people/${person.id}`, { method: 'PATCH', body });
      else await api<Person>('/people', { method: 'POST', body });
      await Promise.all([qc.invalidateQueries({ queryKey: ['people'] }), qc.invalidateQueries({ queryKey: keys.tenant }), qc.invalidateQueries({ queryKey: ['audit'] })]);
      notifySuccess(person ? t('org.people.saved', { name: body.name }) : t('org.people.created', { name: body.name }));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} testId="person-form-error" />
        <TextInput label={t('fields.name')} description={t('org.people.nameHint')} withAsterisk autoComplete="off" data-testid="person-name" {...form.getInputProps('name')} />
        <NativeSelect
          label={t('fields.kind')}
          withAsterisk
          data={[
            { value: 'PNS', label: 'PNS' },
            { value: 'PPPK', label: 'PPPK' },
          ]}
          data-testid="person-kind"
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={values.kind === 'PPPK' ? t('org.people.nipPppk') : t('fields.nip')}
          withAsterisk
          inputMode="numeric"
          autoComplete="off"
          placeholder="19850312 201001 1 004"
          data-testid="person-nip"
          {...form.getInputProps('nip')}
          error={form.errors.nip ?? liveNipError ?? undefined}
          description={
            nipOk?.ok ? (
              <Text span size="xs" c="teal.8">
                <IconCircleCheck size={12} style={{ verticalAlign: -2 }} /> {formatNip(normalized)} ·{' '}
                {t('org.people.nipParts', {
                  birth: formatDate(nipOk.parts.birthDate),
                  tmt: nipOk.parts.tmtMonth ? `${String(nipOk.parts.tmtMonth).padStart(2, '0')}/${nipOk.parts.tmtYear}` : String(nipOk.parts.tmtYear),
                  sex: t(`org.people.sex.${nipOk.parts.sex}`),
                })}
              </Text>
            ) : (
              t('org.people.nipHint')
            )
          }
          onBlur={() => {
            if (normalized.length === 18 && /^\d+$/.test(normalized)) form.setFieldValue('nip', formatNip(normalized));
            form.validateField('nip');
          }}
        />
        <TextInput label={t('fields.rank')} placeholder={t('org.people.rankPlaceholder')} data-testid="person-rank" {...form.getInputProps('rank')} />
        <NativeUnitSelect label={t('fields.unitId')} value={values.unitId} onChange={(id) => form.setFieldValue('unitId', id)} allowed={scope.has} error={form.errors.unitId} data-testid="person-unit" />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="person-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
