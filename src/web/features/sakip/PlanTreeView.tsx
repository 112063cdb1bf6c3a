import { createContext, useContext, useState } from 'react';
import { ActionIcon, Badge, Box, Collapse, Group, Menu, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots, IconLink, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import type { PemdaSasaranNode, PlanIndicatorNode, PlanProgramNode, PlanRecord, PlanTree, UnitSasaranNode } from './plan-api.ts';

/** What the page lets the user do on a record of the tree; absent = read only. */
export interface PlanActions {
  /** May the user write this part of the plan: the pemda plan (`null`) or a unit's Renstra. */
  mayManage(unitId: string | null): boolean;
  act(action: 'edit' | 'relink' | 'delete', record: PlanRecord): void;
}
export const PlanActionsContext = createContext<PlanActions | null>(null);

/** The "⋯" menu of one record: Ubah, (for a unit sasaran) Tautkan, Hapus. Nothing when the user may not write it. */
function RecordMenu({ record }: { record: PlanRecord }) {
  const { t } = useTranslation();
  const actions = useContext(PlanActionsContext);
  if (!actions?.mayManage(record.unitId)) return null;
  return (
    // hideDetached off: the "⋯" of a row in a sideways-scrolled table (phones) may be clipped, its menu must still show.
    <Menu position="bottom-end" withinPortal shadow="md" hideDetached={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('sakipPlan.actions.menu', { code: record.code })} data-testid={`plan-actions-${record.code}`} onClick={(e) => e.stopPropagation()}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.act('edit', record)} data-testid="plan-action-edit">
          {t('sakipPlan.actions.edit')}
        </Menu.Item>
        {record.kind === 'unitSasaran' && (
          <Menu.Item leftSection={<IconLink size={14} />} onClick={() => actions.act('relink', record)} data-testid="plan-action-relink">
            {t('sakipPlan.actions.relink')}
          </Menu.Item>
        )}
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.act('delete', record)} data-testid="plan-action-delete">
          {t('sakipPlan.actions.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** One collapsible level of the pohon kinerja. */
function Node({ label, badge, actions, children, defaultOpen = false, testId }: { label: React.ReactNode; badge?: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode; defaultOpen?: boolean; testId?: string }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Box data-testid={testId}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <ActionIcon variant="subtle" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={typeof label === 'string' ? label : undefined}>
          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
        </ActionIcon>
        <Box style={{ flex: 1, cursor: 'pointer' }} onClick={() => setOpen((o) => !o)}>
          <Group gap={8} wrap="wrap">
            {label}
            {badge}
          </Group>
        </Box>
        {actions}
      </Group>
      <Collapse expanded={open}>
        <Box pl={{ base: 6, sm: 28 }} pt={4} pb={4}>
          {children}
        </Box>
      </Collapse>
    </Box>
  );
}

function Indicators({ items, year, unitId }: { items: PlanIndicatorNode[]; year: number; unitId: string | null }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Table.ScrollContainer minWidth={300} type="native" mb="xs">
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sakipPlan.tree.indicators')}</Table.Th>
            <Table.Th w={90}>{t('sakipPlan.forms.satuan')}</Table.Th>
            <Table.Th w={110} ta="right">{t('sakipPlan.tree.target', { year })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
                  <div>
                    <Text size="sm">{i.name}</Text>
                    <Text size="xs" c="dimmed">
                      {i.code} · {t(`sakipPlan.polarity.${i.polarity}`)}
                    </Text>
                  </div>
                  <RecordMenu record={{ kind: 'indicator', node: i, id: i.id, code: i.code, name: i.name, unitId }} />
                </Group>
              </Table.Td>
              <Table.Td>{i.satuan}</Table.Td>
              <Table.Td ta="right" data-testid={`plan-target-${i.code}`}>{formatNumber(i.target)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Programs({ items, year, unitId }: { items: PlanProgramNode[]; year: number; unitId: string }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Table.ScrollContainer minWidth={300} type="native">
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sakipPlan.tree.programs')}</Table.Th>
            <Table.Th w={130} ta="right">{t('sakipPlan.tree.budget', { year })}</Table.Th>
            <Table.Th w={130} ta="right">{t('sakipPlan.tree.realised')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
                  <div>
                    <Text size="sm">{p.name}</Text>
                    <Text size="xs" c="dimmed">{p.code}</Text>
                  </div>
                  <RecordMenu record={{ kind: 'program', node: p, id: p.id, code: p.code, name: p.name, unitId }} />
                </Group>
              </Table.Td>
              <Table.Td ta="right" data-testid={`plan-budget-${p.code}`}>{formatNumber(p.budget)}</Table.Td>
              <Table.Td ta="right">{formatNumber(p.realised)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UnitSasaran({ s, year }: { s: UnitSasaranNode; year: number }) {
  return (
    <Node
      label={<Text size="sm">{s.name}</Text>}
      badge={<Badge variant="light" color="gray" size="sm">{s.code}</Badge>}
      actions={<RecordMenu record={{ kind: 'unitSasaran', node: s, id: s.id, code: s.code, name: s.name, unitId: s.unitId }} />}
      testId={`plan-unit-sasaran-${s.code}`}
    >
      <Indicators items={s.indicators} year={year} unitId={s.unitId} />
      <Programs items={s.programs} year={year} unitId={s.unitId} />
    </Node>
  );
}

function PemdaSasaran({ s, year }: { s: PemdaSasaranNode; year: number }) {
  const { t } = useTranslation();
  return (
    <Node
      label={<Text fw={600} size="sm">{s.name}</Text>}
      badge={
        <>
          <Badge variant="light" size="sm">{s.code}</Badge>
          {s.units.length === 0 && <Badge color="orange" variant="light" size="sm" tt="none">{t('sakipPlan.tree.noUnit')}</Badge>}
        </>
      }
      actions={<RecordMenu record={{ kind: 'pemdaSasaran', node: s, id: s.id, code: s.code, name: s.name, unitId: null }} />}
      testId={`plan-sasaran-${s.code}`}
    >
      <Indicators items={s.indicators} year={year} unitId={null} />
      <Stack gap={4}>
        {s.units.map((u) => (
          <Node key={u.unitId} testId={`plan-units-${s.code}-${u.unitName}`} label={<Text size="sm" fw={500}>{u.unitName}</Text>} badge={<Badge variant="outline" color="teal" size="sm">{u.sasaran.length}</Badge>}>
            <Stack gap={4}>
              {u.sasaran.map((x) => (
                <UnitSasaran key={x.id} s={x} year={year} />
              ))}
            </Stack>
          </Node>
        ))}
      </Stack>
    </Node>
  );
}

/** The pohon kinerja: pemda tujuan → sasaran → indicators → supporting units → their sasaran, indicators and programmes. */
export function PlanTreeView({ tree }: { tree: PlanTree }) {
  const { t } = useTranslation();
  if (!tree.tujuan.length && !tree.unlinked.length) return <Text c="dimmed">{t('sakipPlan.tree.empty')}</Text>;
  return (
    <Stack gap="sm" data-testid="plan-tree">
      {tree.tujuan.map((tj) => (
        <Paper key={tj.id ?? 'none'} withBorder p="sm">
          <Node
            defaultOpen
            label={<Text fw={700}>{tj.name || t('sakipPlan.tree.noTujuan')}</Text>}
            badge={tj.code ? <Badge size="sm">{tj.code}</Badge> : undefined}
            actions={tj.id ? <RecordMenu record={{ kind: 'tujuan', id: tj.id, code: tj.code, name: tj.name, unitId: null }} /> : undefined}
            testId={tj.id ? `plan-tujuan-${tj.code}` : undefined}
          >
            <Stack gap={6}>
              {tj.sasaran.map((s) => (
                <PemdaSasaran key={s.id} s={s} year={tree.year} />
              ))}
            </Stack>
          </Node>
        </Paper>
      ))}
      {tree.unlinked.length > 0 && (
        <Paper withBorder p="sm">
          <Node label={<Text fw={700} c="orange.8">{t('sakipPlan.tree.unlinked')}</Text>} testId="plan-unlinked">
            <Stack gap={4}>
              {tree.unlinked.map((s) => (
                <Box key={s.id}>
                  <Text size="xs" c="dimmed">{s.unitName}</Text>
                  <UnitSasaran s={s} year={tree.year} />
                </Box>
              ))}
            </Stack>
          </Node>
        </Paper>
      )}
    </Stack>
  );
}
