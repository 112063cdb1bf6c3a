import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Menu,
  Modal,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconDots, IconHistory, IconPencil, IconPlus, IconSearch, IconUserPlus, IconUserX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ZCreatePositionInput } from '../../../shared/schemas/org.ts';
import { api } from '../../api/client.ts';
import { usePositions, useUnits } from '../../api/queries.ts';
import type { Holder, Position } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatNip } from '../../components/format.ts';
import { buildUnitTree, flattenTree, UnitSelect, UnitTypeBadge, useManageScope } from '../../components/units.tsx';
import { zodErrors } from '../../components/validation.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { AssignModal, AssignmentKindBadge, EndAssignmentModal, invalidateOrg, PositionHistoryModal } from './assignments.tsx';

const PER_PAGE = 20;
type Filter = 'all' | 'filled' | 'vacant' | 'acting';

export default function PositionsTab() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const units = useUnits();
  const unitId = params.get('unit');
  const canEdit = useManageScope().has(unitId);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [assignTo, setAssignTo] = useState<Position | null>(null);
  const [ending, setEnding] = useState<{ holder: Holder; position: Position } | null>(null);
  const [history, setHistory] = useState<Position | null>(null);
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const mobile = useIsMobile();

  // Default to the user's own unit (unit roles), otherwise the first unit of the tenant.
  useEffect(() => {
    if (unitId || !units.data?.length) return;
    const own = user?.roles.find((r) => r.unitId)?.unitId;
    const first = own && units.data.some((u) => u.id === own) ? own : flattenTree(buildUnitTree(units.data))[0]!.id;
    setParams((p) => {
      p.set('unit', first);
      return p;
    }, { replace: true });
  }, [unitId, units.data, user, setParams]);

  const unit = units.data?.find((u) => u.id === unitId) ?? null;
  const positions = usePositions(unitId);

  const filtered = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (positions.data ?? [])
      .filter((p) => !q || p.title.toLowerCase().includes(q) || p.holders.some((h) => h.personName.toLowerCase().includes(q) || h.nip.includes(q.replace(/\s/g, ''))))
      .filter((p) => {
        if (filter === 'filled') return p.holders.length > 0;
        if (filter === 'vacant') return !p.holders.some((h) => h.kind === 'definitif');
        if (filter === 'acting') return p.holders.some((h) => h.kind !== 'definitif');
        return true;
      })
      .sort((a, b) => Number(b.isHead) - Number(a.isHead));
  }, [positions.data, search, filter]);
  const pages = Math.max(1, Math.ceil(filtered.length / PER_PAGE));
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * PER_PAGE, current * PER_PAGE);

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
            {canEdit && !h.endDate && (
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
      {canEdit && (
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
          {canEdit && (
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(p)}>
              {t('common.edit')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <UnitSelect
          label={t('fields.unitId')}
          value={unitId}
          clearable={false}
          onChange={(id) => {
            setParams((p) => {
              if (id) p.set('unit', id);
              else p.delete('unit');
              return p;
            });
            setPage(1);
          }}
          style={{ flex: '2 1 300px' }}
          data-testid="positions-unit"
        />
        <TextInput
          label={t('common.search')}
          placeholder={t('org.positions.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 220px' }}
          data-testid="positions-search"
        />
        {canEdit && unit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="position-add">
            {t('org.positions.add')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(1);
          }}
          data={(['all', 'filled', 'vacant', 'acting'] as const).map((f) => ({ value: f, label: t(`org.positions.filter.${f}`) }))}
        />
        {unit && (
          <Group gap="xs">
            <UnitTypeBadge type={unit.type} />
            <Text size="sm" c="dimmed">
              {t('org.positions.count', { count: filtered.length })}
            </Text>
          </Group>
        )}
      </Group>

      <ErrorAlert error={positions.error} />
      <Paper withBorder>
        {!unitId ? (
          <Text p="lg" c="dimmed" ta="center">
            {t('org.positions.pickUnit')}
          </Text>
        ) : positions.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : shown.length === 0 ? (
          <Text p="lg" c="dimmed" ta="center">
            {search || filter !== 'all' ? t('common.noMatches') : t('org.positions.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" data-testid="positions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={mobile ? undefined : '34%'}>{t('fieldsIn.positions.title')}</Table.Th>
                {!mobile && <Table.Th>{t('org.positions.holders')}</Table.Th>}
                {!mobile && <Table.Th w={150} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => (
                <Table.Tr key={p.id} data-testid="position-row">
                  <Table.Td style={{ verticalAlign: 'top' }}>
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
                      {mobile && renderActions(p)}
                    </Group>
                    {mobile && <Box mt="xs">{renderHolders(p)}</Box>}
                  </Table.Td>
                  {!mobile && <Table.Td style={{ verticalAlign: 'top' }}>{renderHolders(p)}</Table.Td>}
                  {!mobile && <Table.Td style={{ verticalAlign: 'top' }}>{renderActions(p)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {pages > 1 && <Pagination value={current} onChange={setPage} total={pages} />}

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
      {position && unitId && <PositionForm unitId={unitId} position={existing} onDone={onClose} />}
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
