import { useState } from 'react';
import { ActionIcon, Badge, Box, Collapse, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import type { PemdaSasaranNode, PlanIndicatorNode, PlanProgramNode, PlanTree, UnitSasaranNode } from './plan-api.ts';

/** One collapsible level of the pohon kinerja. */
function Node({ label, badge, children, defaultOpen = false, testId }: { label: React.ReactNode; badge?: React.ReactNode; children: React.ReactNode; defaultOpen?: boolean; testId?: string }) {
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
      </Group>
      <Collapse expanded={open}>
        <Box pl={28} pt={4} pb={4}>
          {children}
        </Box>
      </Collapse>
    </Box>
  );
}

function Indicators({ items, year }: { items: PlanIndicatorNode[]; year: number }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Table withTableBorder fz="sm" mb="xs" verticalSpacing={4}>
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
              <Text size="sm">{i.name}</Text>
              <Text size="xs" c="dimmed">
                {i.code} · {t(`sakipPlan.polarity.${i.polarity}`)}
              </Text>
            </Table.Td>
            <Table.Td>{i.satuan}</Table.Td>
            <Table.Td ta="right">{formatNumber(i.target)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Programs({ items, year }: { items: PlanProgramNode[]; year: number }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sakipPlan.tree.programs')}</Table.Th>
          <Table.Th w={150} ta="right">{t('sakipPlan.tree.budget', { year })}</Table.Th>
          <Table.Th w={150} ta="right">{t('sakipPlan.tree.realised')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Text size="sm">{p.name}</Text>
              <Text size="xs" c="dimmed">{p.code}</Text>
            </Table.Td>
            <Table.Td ta="right">{formatNumber(p.budget)}</Table.Td>
            <Table.Td ta="right">{formatNumber(p.realised)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UnitSasaran({ s, year }: { s: UnitSasaranNode; year: number }) {
  return (
    <Node label={<Text size="sm">{s.name}</Text>} badge={<Badge variant="light" color="gray" size="sm">{s.code}</Badge>} testId={`plan-unit-sasaran-${s.code}`}>
      <Indicators items={s.indicators} year={year} />
      <Programs items={s.programs} year={year} />
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
      testId={`plan-sasaran-${s.code}`}
    >
      <Indicators items={s.indicators} year={year} />
      <Stack gap={4}>
        {s.units.map((u) => (
          <Node key={u.unitId} label={<Text size="sm" fw={500}>{u.unitName}</Text>} badge={<Badge variant="outline" color="teal" size="sm">{u.sasaran.length}</Badge>}>
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
          <Node defaultOpen label={<Text fw={700}>{tj.name || t('sakipPlan.tree.noTujuan')}</Text>} badge={tj.code ? <Badge size="sm">{tj.code}</Badge> : undefined}>
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
          <Node label={<Text fw={700} c="orange.8">{t('sakipPlan.tree.unlinked')}</Text>}>
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
