import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Loader, Modal, NativeSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KINDS } from '../../../shared/schemas/common.ts';
import { ZCreateAssignmentInput, ZEndAssignmentInput } from '../../../shared/schemas/org.ts';
import { api } from '../../api/client.ts';
import { useAssignments, usePeople, usePositions } from '../../api/queries.ts';
import type { Assignment, AssignmentKind } from '../../api/types.ts';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatNip, todayIso } from '../../components/format.ts';
import { UnitSelect } from '../../components/units.tsx';
import { blankToNull, requiredMessage, zodErrors } from '../../components/validation.ts';
import { DateField } from '../../components/DateField.tsx';

const KIND_COLORS: Record<AssignmentKind, string> = { definitif: 'pemda', plt: 'orange', plh: 'grape' };

export function AssignmentKindBadge({ kind }: { kind: AssignmentKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant={kind === 'definitif' ? 'light' : 'filled'}
      color={KIND_COLORS[kind] ?? 'gray'}
      title={t(`assignmentKinds.${kind}`)}
      style={{ flex: 'none' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`org.assign.kindShort.${kind}`)}
    </Badge>
  );
}

/** Everything that shows positions, holders or assignments must refresh after a change. */
export async function invalidateOrg(qc: ReturnType<typeof useQueryClient>) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['positions'] }),
    qc.invalidateQueries({ queryKey: ['assignments'] }),
    qc.invalidateQueries({ queryKey: ['people'] }),
    qc.invalidateQueries({ queryKey: ['audit'] }),
  ]);
}

interface AssignProps {
  opened: boolean;
  onClose: () => void;
  /** Fixed position (from the Jabatan tab) … */
  position?: { id: string; title: string; unitName: string } | null;
  /** … or fixed person (from the person page). */
  person?: { id: string; name: string; unitId: string | null } | null;
}

export function AssignModal({ opened, onClose, position, person }: AssignProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('org.assign.title')} size="lg">
      {opened && <AssignForm position={position} person={person} onDone={onClose} />}
    </Modal>
  );
}

function AssignForm({ position, person, onDone }: Omit<AssignProps, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [personSearch, setPersonSearch] = useState('');
  const [pq] = useDebouncedValue(personSearch, 300);
  const [unitId, setUnitId] = useState<string | null>(person?.unitId ?? null);
  const people = usePeople({ q: pq, pageSize: 20 }, !person);
  const positions = usePositions(position ? null : unitId);

  const form = useForm({
    initialValues: {
      positionId: position?.id ?? '',
      personId: person?.id ?? '',
      kind: 'definitif' as AssignmentKind,
      startDate: todayIso(),
      endDate: '',
      decreeNumber: '',
    },
    validate: (v) => {
      const errors = zodErrors(ZCreateAssignmentInput, blankToNull({ ...v }), t);
      if (!v.startDate) errors.startDate = requiredMessage(t);
      if (!errors.endDate && v.endDate && v.endDate < v.startDate) errors.endDate = t('errors.endBeforeStart');
      return errors;
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api<Assignment>('/assignments', { method: 'POST', body: blankToNull({ ...v, decreeNumber: v.decreeNumber.trim() }) });
      await invalidateOrg(qc);
      notifySuccess(t('org.assign.done'));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  const personOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${formatNip(p.nip)}` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} testId="assign-form-error" />
        {position ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('fields.positionId')}:{' '}
            </Text>
            <b>{position.title}</b> · {position.unitName}
          </Text>
        ) : (
          <>
            <UnitSelect label={t('fields.unitId')} value={unitId} onChange={(id) => { setUnitId(id); form.setFieldValue('positionId', ''); }} />
            <Select
              label={t('fields.positionId')}
              withAsterisk
              searchable
              disabled={!unitId}
              placeholder={unitId ? t('org.assign.pickPosition') : t('org.assign.pickUnitFirst')}
              nothingFoundMessage={positions.isLoading ? t('common.loading') : t('org.positions.empty')}
              data={(positions.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
              data-testid="assign-position"
              {...form.getInputProps('positionId')}
            />
          </>
        )}
        {person ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('fields.personId')}:{' '}
            </Text>
            <b>{person.name}</b>
          </Text>
        ) : (
          <Select
            label={t('fields.personId')}
            withAsterisk
            searchable
            searchValue={personSearch}
            onSearchChange={setPersonSearch}
            filter={({ options }) => options}
            placeholder={t('org.assign.searchPerson')}
            nothingFoundMessage={people.isFetching ? t('common.loading') : t('common.noMatches')}
            rightSection={people.isFetching ? <Loader size="xs" /> : undefined}
            data={personOptions}
            data-testid="assign-person"
            {...form.getInputProps('personId')}
          />
        )}
        <NativeSelect
          label={t('org.assign.kind')}
          description={t(`org.assign.kindHint.${form.getValues().kind}`)}
          data={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`assignmentKinds.${k}`) }))}
          data-testid="assign-kind"
          {...form.getInputProps('kind')}
        />
        <Group grow align="flex-start">
          <DateField label={t('fields.startDate')} withAsterisk data-testid="assign-start" {...form.getInputProps('startDate')} />
          <DateField label={t('fields.endDate')} description={t('common.optional')} min={form.getValues().startDate || undefined} data-testid="assign-end" {...form.getInputProps('endDate')} />
        </Group>
        <TextInput label={t('org.assign.decreeNumber')} placeholder="821.2/123/BKPSDM/2026" data-testid="assign-decree" {...form.getInputProps('decreeNumber')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="assign-submit">
            {t('org.assign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EndAssignmentModal({ assignment, onClose }: { assignment: { id: string; personName: string; positionTitle: string; startDate: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!assignment} onClose={onClose} title={t('org.end.title')}>
      {assignment && <EndForm assignment={assignment} onDone={onClose} />}
    </Modal>
  );
}

function EndForm({ assignment, onDone }: { assignment: { id: string; personName: string; positionTitle: string; startDate: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { endDate: todayIso() },
    validate: (v) => {
      const errors = zodErrors(ZEndAssignmentInput, v, t);
      if (!v.endDate) errors.endDate = requiredMessage(t);
      else if (!errors.endDate && v.endDate < assignment.startDate) errors.endDate = t('errors.endBeforeStart');
      return errors;
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api(`/assignments/${assignment.id}/end`, { method: 'POST', body: v });
      await invalidateOrg(qc);
      notifySuccess(t('org.end.done', { name: assignment.personName }));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('org.end.body', { name: assignment.personName, position: assignment.positionTitle, since: formatDate(assignment.startDate) })}</Text>
        <ErrorAlert error={error} testId="end-form-error" />
        <DateField label={t('fields.endDate')} withAsterisk min={assignment.startDate} data-testid="end-date" {...form.getInputProps('endDate')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={form.submitting} data-testid="end-submit">
            {t('org.end.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Full history of one position (who held it, when, on which decree). */
export function PositionHistoryModal({ position, onClose }: { position: { id: string; title: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useAssignments({ positionId: position?.id }, !!position);
  return (
    <Modal opened={!!position} onClose={onClose} title={t('org.positions.historyTitle', { title: position?.title ?? '' })} size="xl">
      <ErrorAlert error={history.error} />
      {history.isLoading ? (
        <Loader />
      ) : (history.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('org.positions.noHistory')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.personId')}</Table.Th>
                <Table.Th>{t('org.assign.kind')}</Table.Th>
                <Table.Th>{t('org.assign.period')}</Table.Th>
                <Table.Th>{t('org.assign.decreeNumber')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(history.data ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/organisasi/pegawai/${a.personId}`} size="sm">
                      {a.personName}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="serasan-mono">
                      {formatNip(a.nip)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <AssignmentKindBadge kind={a.kind} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {formatDate(a.startDate)} – {a.endDate ? formatDate(a.endDate) : <Badge size="xs" color="teal">{t('org.assign.current')}</Badge>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.decreeNumber ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}
