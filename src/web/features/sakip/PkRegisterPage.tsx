import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, List, Modal, NativeSelect, Paper, Radio, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconSearch, IconWand } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/client.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, errorMessage } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { pkKeys, useRegister, type RegisterRow, type RegisterStatus } from './pk-api.ts';

const STATUS_COLOR: Record<RegisterStatus, string> = { none: 'gray', draft: 'yellow', submitted: 'blue', agreed: 'indigo', signed: 'green' };

export function PkStatusBadge({ status, replaced }: { status: RegisterStatus; replaced?: boolean }) {
  const { t } = useTranslation();
  if (replaced) return <Badge color="gray" variant="outline" style={{ flexShrink: 0, overflow: 'visible' }}>{t('sakipPk.status.replaced')}</Badge>;
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'signed' ? 'filled' : 'light'} style={{ flexShrink: 0, overflow: 'visible' }} data-testid={`pk-status-${status}`}>
      {t(`sakipPk.status.${status}`)}
    </Badge>
  );
}

/** The step dates of a row: drafted → submitted → agreed → signed, each with its day. */
function Steps({ row }: { row: RegisterRow }) {
  const { t } = useTranslation();
  const steps = [
    ['drafted', row.draftedAt],
    ['submitted', row.submittedAt],
    ['agreed', row.agreedAt],
    ['signed', row.signedOn],
  ] as const;
  const done = steps.filter(([, at]) => at);
  if (!done.length) return <Text c="dimmed" size="sm">—</Text>;
  return (
    <Stack gap={0}>
      {done.map(([k, at]) => (
        <Text key={k} size="xs">
          {t(`sakipPk.step.${k}`)}: {formatDate(at)}
        </Text>
      ))}
    </Stack>
  );
}

function Holder({ row }: { row: RegisterRow }) {
  const { t } = useTranslation();
  if (!row.holderName) return <Badge color="red" variant="light">{t('sakipPk.register.vacant')}</Badge>;
  return (
    <Text size="sm">
      {row.holderKind === 'plt' ? 'Plt. ' : row.holderKind === 'plh' ? 'Plh. ' : ''}
      {row.holderName}
    </Text>
  );
}

function GenerateModal({ year, opened, onClose }: { year: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [source, setSource] = useState<'previous' | 'plan' | 'empty'>('previous');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ created: number; skipped: Array<{ positionId: string | null; title: string; reason: string }> } | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api('/pk/generate', { method: 'POST', body: { year, source } }));
      await qc.invalidateQueries({ queryKey: pkKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setResult(null);
    setError(null);
    onClose();
  };
  const notable = result?.skipped.filter((s) => s.reason !== 'exists') ?? [];
  return (
    <Modal opened={opened} onClose={close} title={t('sakipPk.register.generateTitle', { year })} size="lg">
      <Stack>
        <Text size="sm">{t('sakipPk.register.generateHelp')}</Text>
        {result ? (
          <Alert color={notable.length ? 'yellow' : 'green'} data-testid="pk-generate-summary">
            <Text fw={600}>{t('sakipPk.register.summary', { created: result.created, skipped: result.skipped.length })}</Text>
            {notable.length > 0 && (
              <ScrollArea.Autosize mah={280} mt="xs" type="auto">
                <List size="sm">
                  {notable.map((s) => (
                    <List.Item key={s.positionId ?? 'bupati'}>
                      {s.title}: {t(`sakipPk.register.skippedReason.${s.reason}`)}
                    </List.Item>
                  ))}
                </List>
              </ScrollArea.Autosize>
            )}
          </Alert>
        ) : (
          <Radio.Group label={t('sakipPk.register.source')} value={source} onChange={(v) => setSource(v as 'previous' | 'plan' | 'empty')}>
            <Stack gap="xs" mt="xs">
              <Radio value="previous" label={t('sakipPk.register.sourcePrevious')} />
              <Radio value="plan" label={t('sakipPk.register.sourcePlan')} data-testid="pk-source-plan" />
              <Radio value="empty" label={t('sakipPk.register.sourceEmpty')} />
            </Stack>
          </Radio.Group>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('sakipPk.page.cancel')}
          </Button>
          {!result && (
            <Button onClick={run} loading={busy} data-testid="pk-generate-run">
              {t('sakipPk.register.run')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The SAKIP index tab: the signing register of a year — per JPT Pratama head (and the Bupati) the
 * holder, the PK status with the date of each step, how it was signed, the scan and the number;
 * the Tim RB drafts the season's PKs here and downloads the ceremony bundle.
 */
export default function PkRegisterPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('tahun')) || thisYear;
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const [generate, setGenerate] = useState(false);
  const query = { year, status: status || undefined, q: q || undefined };
  const { data, error, isLoading } = useRegister(query);
  const manager = hasRole(user, 'admin', 'rb_team');
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const rows = data?.items ?? [];
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <NativeSelect label={t('sakipPk.register.year')} value={String(year)} onChange={(e) => set('tahun', e.currentTarget.value)} data={years.map(String)} w={110} data-testid="pk-year" />
          <NativeSelect
            label={t('sakipPk.register.status')}
            value={status}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[{ value: '', label: t('sakipPk.register.allStatuses') }, ...(['none', 'draft', 'submitted', 'agreed', 'signed'] as const).map((s) => ({ value: s, label: t(`sakipPk.status.${s}`) }))]}
            data-testid="pk-filter-status"
          />
          <TextInput label={t('sakipPk.register.search')} leftSection={<IconSearch size={16} />} defaultValue={q} onBlur={(e) => set('q', e.currentTarget.value.trim())} onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value.trim())} w={mobile ? '100%' : 260} />
        </Group>
        <Group gap="xs" wrap="wrap">
          {manager && (
            <Button leftSection={<IconWand size={16} />} onClick={() => setGenerate(true)} data-testid="pk-generate">
              {t('sakipPk.register.generate')}
            </Button>
          )}
          {manager && (
            <Button component="a" href={withQuery('/api/pk/bundle.pdf', { year })} target="_blank" variant="light" leftSection={<IconFileTypePdf size={16} />} data-testid="pk-bundle">
              {t('sakipPk.register.bundle')}
            </Button>
          )}
          <Button component="a" href={withQuery('/api/pk/register.csv', query)} variant="default" leftSection={<IconDownload size={16} />} data-testid="pk-csv">
            {t('sakipPk.register.csv')}
          </Button>
        </Group>
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      {!isLoading && (
        <Text size="sm" c="dimmed" data-testid="pk-register-count">
          {t('sakipPk.register.count', { shown: rows.length, signed: rows.filter((r) => r.status === 'signed').length })}
        </Text>
      )}
      {mobile ? (
        <Stack gap="xs" data-testid="pk-register">
          {rows.map((r) => (
            <Paper key={r.positionId ?? 'bupati'} withBorder p="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {r.unitName ?? t('sakipPk.level.bupati')}
                  </Text>
                  <Holder row={r} />
                </div>
                <PkStatusBadge status={r.status} />
              </Group>
              <Group justify="space-between" mt={4} align="flex-end">
                <Steps row={r} />
                {r.pkId && (
                  <Anchor component={Link} to={`/sakip/pk/${r.pkId}`} size="sm">
                    {t('sakipPk.register.open')}
                  </Anchor>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="pk-register">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sakipPk.register.unit')}</Table.Th>
                <Table.Th>{t('sakipPk.register.holder')}</Table.Th>
                <Table.Th w={150}>{t('sakipPk.register.status')}</Table.Th>
                <Table.Th w={210}>{t('sakipPk.register.steps')}</Table.Th>
                <Table.Th>{t('sakipPk.register.mode')}</Table.Th>
                <Table.Th>{t('sakipPk.register.scan')}</Table.Th>
                <Table.Th>{t('sakipPk.register.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.positionId ?? 'bupati'}>
                  <Table.Td>
                    {r.pkId ? (
                      <Anchor component={Link} to={`/sakip/pk/${r.pkId}`} fw={600} size="sm">
                        {r.unitName ?? t('sakipPk.level.bupati')}
                      </Anchor>
                    ) : (
                      <Text fw={600} size="sm">
                        {r.unitName ?? t('sakipPk.level.bupati')}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {r.positionTitle}
                      {r.revision > 0 ? ` · ${t('sakipPk.page.revision', { n: r.revision })}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Holder row={r} />
                  </Table.Td>
                  <Table.Td>
                    <PkStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <Steps row={r} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.signingMode ? t(`sakipPk.mode.${r.signingMode}`) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.status === 'signed' ? (r.hasScan ? '✓' : '—') : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {r.documentNumber ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!isLoading && !rows.length && <Text c="dimmed">{t('sakipPk.register.empty')}</Text>}
      <GenerateModal year={year} opened={generate} onClose={() => setGenerate(false)} />
    </Stack>
  );
}
