import { Alert, Anchor, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../api/kipp.ts';

const fmt = (n: number) => (Math.round(n * 10) / 10).toLocaleString('id-ID');

/** Jump to a section of this page (and focus its text), or follow a link elsewhere. */
function jump(proposalId: string, link: string, e: React.MouseEvent) {
  const prefix = `/proposal/${proposalId}#`;
  if (!link.startsWith(prefix)) return;
  e.preventDefault();
  const key = link.slice(prefix.length);
  const el = document.getElementById(key);
  el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  (document.querySelector(`[data-testid="section-${key}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
  history.replaceState(null, '', link);
}

export function CheckPanel({ proposalId, result }: { proposalId: string; result: CheckResult }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="check-result">
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {t('kipp.proposal.check.title')}
        </Title>
        {result.ok ? (
          <Alert color="teal" icon={<IconCircleCheck />} data-testid="check-ok">
            {t('kipp.proposal.check.ok')}
          </Alert>
        ) : (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('kipp.proposal.check.problems', { count: result.problems.length })}>
            <List size="sm" spacing={4}>
              {result.problems.map((p, i) => (
                <List.Item key={`${p.code}-${p.section ?? ''}-${i}`} data-testid="check-problem" data-code={p.code} data-section={p.section ?? ''}>
                  <Anchor component={Link} to={p.link} size="sm" onClick={(e: React.MouseEvent) => jump(proposalId, p.link, e)}>
                    {p.message}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('kipp.proposal.check.selfScore')}
          </Text>
          <Table.ScrollContainer minWidth={360}>
            <Table striped withTableBorder data-testid="self-score">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kipp.proposal.check.criterion')}</Table.Th>
                  <Table.Th ta="right">{t('kipp.proposal.check.weight')}</Table.Th>
                  <Table.Th ta="right">{t('kipp.proposal.check.estimate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.selfScore.map((s) => (
                  <Table.Tr key={s.criterion}>
                    <Table.Td>{s.title}</Table.Td>
                    <Table.Td ta="right">{s.weight} %</Table.Td>
                    <Table.Td ta="right">{fmt(s.estimate)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('kipp.proposal.check.total')}</Table.Td>
                  <Table.Td ta="right">100 %</Table.Td>
                  <Table.Td ta="right" data-testid="self-score-total">
                    {fmt(result.estimateTotal)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt={4}>
            {t('kipp.proposal.check.note')}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}
