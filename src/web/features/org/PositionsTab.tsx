import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconDots, IconHistory, IconPencil, IconPlus, IconUserPlus, IconUserX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { POSITION_HOLDER_FILTERS, ZCreatePositionInput } from '../../../shared/schemas/org.ts';
import { api, withQuery } from '../../api/client.ts';
import { usePositionsList } from '../../api/queries.ts';
import type { Holder, Position } from '../../api/types.ts';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatNip, formatNumber } from '../../components/format.ts';
import { UnitSelect, useManageScope } from '../../components/units.tsx';
import { zodErrors } from '../../components/validation.ts';
import { AssignModal, AssignmentKindBadge, EndAssignmentModal, invalidateOrg, PositionHistoryModal } from './assignments.tsx';

// `unit` in the address (links from the units tree, a person, the history); `unitId` for the API.
const FILTERS = ['q', 'unit', 'holder'] as const;

export default function PositionsTab() {
  const { t } = useTranslation();
  const scope = useManageScope();
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.positions.default });
  const unitId = list.filters.unit;
  const apiQuery = (q: Record<string, string | number | undefined>) => {
    const { unit, ...rest } = q;
    return { ...rest, unitId: unit };
  };
  const positions = usePositionsList(apiQuery(list.query));
  const [assignTo, setAssignTo] = useState<Position | null>(null);
  const [ending, setEnding] = useState<{ holder: Holder; position: Position } | null>(null);
  const [history, setHistory] = useState<Position | null>(null);
  const [editing, setEditing] = useState<Position | 'new' | null>(null);

  const renderHolders = (p: Position) =>
    p.holders.length === 0 ? (
      <Badge color="red" variant="light">
        {t('org.positions.vacant')}
      </Badge>
    ) : (
      <Stack gap={6}>
        {p.holders.map((h) => (
          <Group key={h.assignmentId} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <AssignmentKindBadge kind={h.kind} />
                <Anchor component={Link} to={`/organisasi/pegawai/${h.personId}`} size="sm" fw={500}>
                  {h.personName}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed">
                <span className="serasan-mono">{formatNip(h.nip)}</span> · {t('org.assign.since', { date: formatDate(h.startDate) })}
                {h.endDate ? ` ${t('org.assign.until', { date: formatDate(h.endDate) })}` : ''}
              </Text>
            </Stack>
            {scope.has(p.unitId) && !h.endDate && (
              <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconUserX size={14} />} onClick={() => setEnding({ holder: h, position: p })} data-testid="assignment-end" style={{ flex: 'none' }}>
                {t('org.end.button')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    );

  const renderActions = (p: Position) => (
    <Group gap={4} justify="flex-end" wrap="nowrap" style={{ flex: 'none' }}>
      {scope.has(p.unitId) && (
        <Button size="compact-sm" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setAssignTo(p)} data-testid="position-assign">
          {t('org.assign.button')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('common.more')}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => setHistory(p)}>
            {t('org.positions.history')}
          </Menu.Item>
          {scope.has(p.unitId) && (
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(p)}>
              {t('common.edit')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('org.positions.searchPlaceholder'), testId: 'positions-search' },
    {
      kind: 'custom',
      param: 'unit',
      render: (value, set) => <UnitSelect label={t('fields.unitId')} placeholder={t('adminLists.positions.allUnits')} value={value} onChange={set} activeOnly={false} data-testid="positions-unit" />,
    },
    {
      kind: 'select',
      param: 'holder',
      label: t('adminLists.positions.holder'),
      allLabel: t('org.positions.filter.all'),
      options: POSITION_HOLDER_FILTERS.map((f) => ({ value: f, label: t(`org.positions.filter.${f}`) })),
      testId: 'positions-holder-filter',
    },
  ];

  const columns: Column<Position>[] = [
    {
      key: 'title',
      label: t('fieldsIn.positions.title'),
      sortKey: 'title',
      width: '30%',
      render: (p) => (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div>
              <Text size="sm" fw={600}>
                {p.title}
              </Text>
              {p.isHead && (
                <Badge size="xs" variant="outline" mt={4}>
                  {t('org.positions.isHead')}
                </Badge>
              )}
            </div>
            <Group hiddenFrom="sm">{renderActions(p)}</Group>
          </Group>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {p.unitName}
          </Text>
          <Stack hiddenFrom="sm" mt={4}>
            {renderHolders(p)}
          </Stack>
        </Stack>
      ),
    },
    { key: 'unit', label: t('fields.unitId'), sortKey: 'unit', desktopOnly: true, render: (p) => <Text size="sm">{p.unitName}</Text> },
    { key: 'holders', label: t('org.positions.holders'), desktopOnly: true, render: renderHolders },
    { key: 'actions', label: '', desktopOnly: true, width: 150, render: renderActions },
  ];

  return (
    <Stack gap="md">
      <DataList
        id="positions"
        state={list}
        result={positions}
        filters={filters}
        columns={columns}
        rowKey={(p) => p.id}
        rowTestId="position-row"
        countText={(total) => t('adminLists.positions.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/positions/export.csv', apiQuery(list.exportQuery))}
        emptyText={unitId ? t('org.positions.empty') : t('list.empty')}
        toolbar={
          unitId &&
          scope.has(unitId) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="position-add">
              {t('org.positions.add')}
            </Button>
          )
        }
      />

      <AssignModal opened={!!assignTo} onClose={() => setAssignTo(null)} position={assignTo ? { id: assignTo.id, title: assignTo.title, unitName: assignTo.unitName } : null} />
      <EndAssignmentModal
        assignment={ending ? { id: ending.holder.assignmentId, personName: ending.holder.personName, positionTitle: ending.position.title, startDate: ending.holder.startDate } : null}
        onClose={() => setEnding(null)}
      />
      <PositionHistoryModal position={history} onClose={() => setHistory(null)} />
      <PositionFormModal unitId={unitId} position={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function PositionFormModal({ unitId, position, onClose }: { unitId: string | null; position: Position | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const existing = position && position !== 'new' ? position : null;
  return (
    <Modal opened={!!position} onClose={onClose} title={existing ? t('org.positions.editTitle') : t('org.positions.createTitle')}>
      {position && (existing?.unitId ?? unitId) && <PositionForm unitId={(existing?.unitId ?? unitId)!} position={existing} onDone={onClose} />}
    </Modal>
  );
}

function PositionForm({ unitId, position, onDone }: { unitId: string; position: Position | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { title: position?.title ?? '', isHead: position?.isHead ?? false },
    validate: (v) => zodErrors(ZCreatePositionInput, { unitId, title: v.title, isHead: v.isHead }, t),
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      if (position) await api(`/positions/${position.id}`, { method: 'PATCH', body: { title: v.title.trim(), isHead: v.isHead } });
      else await api('/positions', { method: 'POST', body: { unitId, title: v.title.trim(), isHead: v.isHead } });
      await invalidateOrg(qc);
      notifySuccess(t('org.positions.saved', { title: v.title.trim() }));
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} testId="position-form-error" />
        <TextInput label={t('fieldsIn.positions.title')} placeholder={t('org.positions.titlePlaceholder')} withAsterisk data-testid="position-title" {...form.getInputProps('title')} />
        <Checkbox label={t('org.positions.isHeadLabel')} {...form.getInputProps('isHead', { type: 'checkbox' })} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="position-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
