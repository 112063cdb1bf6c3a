/** Rencana tindak lanjut: improvement actions per unsur, owned by a position (jabatan). */
import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { usePositions } from '../../api/queries.ts';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';
import { DateField } from '../../components/DateField.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { skmKeys, useActions, type ActionStatus, type SkmAction } from './api.ts';
import { ACTION_STATUSES } from './common.tsx';

const STATUS_COLORS: Record<ActionStatus, string> = { rencana: 'gray', proses: 'blue', selesai: 'green' };

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="skm-action-status" data-status={status}>
      {t(`skm.actions.statuses.${status}`)}
    </Badge>
  );
}

interface Props {
  surveyId: string;
  unitId: string;
  canManage: boolean;
  /** active unsur codes with their names, weakest first */
  unsur: Array<{ code: string; name: string; weak: boolean }>;
}

export function ActionsCard({ surveyId, unitId, canManage, unsur }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const actions = useActions(surveyId);
  const [editing, setEditing] = useState<SkmAction | 'new' | null>(null);
  const nameOf = (code: string) => unsur.find((u) => u.code === code)?.name ?? code;
  const items = actions.data ?? [];

  return (
    <Card withBorder padding="md" data-testid="skm-actions">
      <Group justify="space-between" mb="xs" gap="xs">
        <div>
          <Title order={3} fz="h5">
            {t('skm.actions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('skm.actions.hint')}
          </Text>
        </div>
        {canManage && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="skm-action-add">
            {t('skm.actions.add')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={actions.error} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="skm-actions-empty">
          {t('skm.actions.empty')}
        </Text>
      ) : mobile ? (
        <Stack gap="xs">
          {items.map((a) => (
            <Card key={a.id} withBorder padding="xs" data-testid="skm-action-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="xs" fw={700} c="dimmed">
                  {a.unsur} · {nameOf(a.unsur)}
                </Text>
                <ActionStatusBadge status={a.status} />
              </Group>
              <Text size="sm" mt={4}>
                {a.action}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {a.ownerPositionTitle ?? t('skm.actions.noOwner')} · {a.dueDate ? formatDate(a.dueDate) : t('skm.actions.noDue')}
              </Text>
              {canManage && (
                <Button size="compact-xs" variant="subtle" mt={4} leftSection={<IconPencil size={12} />} onClick={() => setEditing(a)} data-testid="skm-action-edit">
                  {t('common.edit')}
                </Button>
              )}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="skm-actions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('skm.fields.unsur')}</Table.Th>
                <Table.Th>{t('skm.actions.action')}</Table.Th>
                <Table.Th w={220}>{t('skm.actions.owner')}</Table.Th>
                <Table.Th w={140}>{t('skm.actions.due')}</Table.Th>
                <Table.Th w={110}>{t('skm.fields.status')}</Table.Th>
                {canManage && <Table.Th w={60} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-testid="skm-action-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {a.unsur}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {nameOf(a.unsur)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={a.ownerPositionTitle ? undefined : 'dimmed'}>
                      {a.ownerPositionTitle ?? t('skm.actions.noOwner')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.dueDate ? formatDate(a.dueDate) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionStatusBadge status={a.status} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)} aria-label={t('common.edit')} data-testid="skm-action-edit">
                        <IconPencil size={14} />
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing === 'new' ? t('skm.actions.add') : t('skm.actions.editTitle')} size="lg">
        {editing && <ActionForm surveyId={surveyId} unitId={unitId} unsur={unsur} action={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}

function ActionForm({ surveyId, unitId, unsur, action, onDone }: { surveyId: string; unitId: string; unsur: Props['unsur']; action: SkmAction | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const positions = usePositions(unitId);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      unsur: action?.unsur ?? unsur.find((u) => u.weak)?.code ?? unsur[0]?.code ?? 'U1',
      action: action?.action ?? '',
      ownerPositionId: action?.ownerPositionId ?? '',
      dueDate: action?.dueDate ?? '',
      status: (action?.status ?? 'rencana') as ActionStatus,
    },
    validate: {
      action: (v) => (v.trim().length >= 5 ? null : t('skm.actions.actionTooShort')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const common = { action: v.action.trim(), ownerPositionId: v.ownerPositionId || null, dueDate: v.dueDate || null, status: v.status };
    try {
      if (action) await api(`/skm/actions/${action.id}`, { method: 'PATCH', body: common });
      else await api(`/skm/surveys/${surveyId}/actions`, { method: 'POST', body: { unsur: v.unsur, ...common } });
      await qc.invalidateQueries({ queryKey: skmKeys.actions(surveyId) });
      notifySuccess(action ? t('skm.actions.saved') : t('skm.actions.created'));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="skm-action-form">
      <Stack gap="sm">
        <ErrorAlert error={error} testId="skm-action-error" />
        <NativeSelect
          label={t('skm.fields.unsur')}
          disabled={!!action}
          data={unsur.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}${u.weak ? ` (${t('skm.survey.weakest')})` : ''}` }))}
          data-testid="skm-action-unsur"
          {...form.getInputProps('unsur')}
        />
        <Textarea label={t('skm.actions.action')} placeholder={t('skm.actions.actionPlaceholder')} withAsterisk autosize minRows={3} maxLength={2000} data-testid="skm-action-text" {...form.getInputProps('action')} />
        <NativeSelect
          label={t('skm.actions.owner')}
          description={t('skm.actions.ownerHint')}
          data={[{ value: '', label: t('skm.actions.noOwner') }, ...(positions.data ?? []).map((p) => ({ value: p.id, label: p.title }))]}
          data-testid="skm-action-owner"
          {...form.getInputProps('ownerPositionId')}
        />
        <Group grow align="flex-start">
          <DateField label={t('skm.actions.due')} data-testid="skm-action-due" {...form.getInputProps('dueDate')} />
          <NativeSelect
            label={t('skm.fields.status')}
            data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`skm.actions.statuses.${s}`) }))}
            data-testid="skm-action-status-select"
            {...form.getInputProps('status')}
          />
        </Group>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="skm-action-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
