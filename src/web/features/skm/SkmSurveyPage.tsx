import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Center,
  CopyButton,
  Grid,
  Group,
  Loader,
  Modal,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconArrowLeft,
  IconCheck,
  IconCopy,
  IconExternalLink,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconPrinter,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { ActionsCard } from './ActionsCard.tsx';
import { skmKeys, useRejections, useSurvey, useSurveyResults, useTrend, type Results, type SurveyDetail } from './api.ts';
import { BandScale, ShareBars, TrendChart } from './charts.tsx';
import { AGE_BANDS, EDUCATIONS, formatDecimal, formatPercent, localiseFormula, MutuBadge, OCCUPATIONS, SEXES, usePeriodLabel } from './common.tsx';
import { StatusBadge } from './SkmListPage.tsx';
import classes from './skm.module.css';

export default function SkmSurveyPage() {
  const { param: id = '' } = useParams();
  const { t } = useTranslation();
  const survey = useSurvey(id);
  const results = useSurveyResults(id);
  const periodLabel = usePeriodLabel();

  if (survey.isLoading) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (!survey.data) {
    return (
      <Stack>
        <ErrorAlert error={survey.error} />
        <Anchor component={Link} to="/skm">
          {t('skm.survey.back')}
        </Anchor>
      </Stack>
    );
  }
  const s = survey.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/skm" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('skm.survey.back')}
      </Anchor>
      <PageHeader
        title={s.serviceName}
        description={
          <>
            {s.unitName} · {periodLabel(s.periodStart, s.periodEnd, formatDate)} ({formatDate(s.periodStart)} – {formatDate(s.periodEnd)})
          </>
        }
        actions={
          <>
            <StatusBadge status={s.status} periodStart={s.periodStart} periodEnd={s.periodEnd} />
            {s.canManage && <StatusToggle survey={s} />}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ResultsCard survey={s} results={results.data} loading={results.isLoading} error={results.error} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <FormCard survey={s} />
        </Grid.Col>
      </Grid>
      {results.data && <UnsurTable survey={s} results={results.data} />}
      {results.data && <ProfileCard results={results.data} />}
      <TrendCard survey={s} />
      <ActionsCard
        surveyId={s.id}
        unitId={s.unitId}
        canManage={s.canManage}
        unsur={s.rulebook.body.unsur
          .filter((u) => s.activeUnsur.includes(u.code))
          .map((u) => ({ code: u.code, name: u.name, weak: !!results.data?.n && results.data.weakest.includes(u.code) }))
          .sort((a, b) => Number(b.weak) - Number(a.weak))}
      />
      <RejectionsCard surveyId={s.id} />
      <Text size="xs" c="dimmed">
        {t('skm.survey.rulebook', { title: s.rulebook.title })} {s.rulebook.legalBasis.join('; ')}
      </Text>
    </Stack>
  );
}

function StatusToggle({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = survey.status === 'open' ? 'closed' : 'open';
  const run = async () => {
    setBusy(true);
    try {
      await api(`/skm/surveys/${survey.id}`, { method: 'PATCH', body: { status: next } });
      await qc.invalidateQueries({ queryKey: skmKeys.all });
      notifySuccess(next === 'closed' ? t('skm.survey.closedDone') : t('skm.survey.reopenedDone'));
      setConfirm(false);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={next === 'closed' ? <IconLock size={14} /> : <IconLockOpen size={14} />}
        onClick={() => (next === 'closed' ? setConfirm(true) : void run())}
        loading={busy && !confirm}
        data-testid="skm-toggle-status"
      >
        {next === 'closed' ? t('skm.survey.close') : t('skm.survey.reopen')}
      </Button>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('skm.survey.closeTitle')}>
        <Stack>
          <Text size="sm">{t('skm.survey.closeBody')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void run()} data-testid="skm-close-confirm">
              {t('skm.survey.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ResultsCard({ survey, results, loading, error }: { survey: SurveyDetail; results: Results | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  const [editPop, setEditPop] = useState(false);
  const has = !!results && results.n > 0;
  return (
    <Card withBorder padding="md" h="100%" data-testid="skm-results">
      <Title order={3} fz="h5" mb="sm">
        {t('skm.survey.results')}
      </Title>
      <ErrorAlert error={error} />
      {loading && <Loader size="sm" />}
      {results && (
        <Stack gap="md">
          <Group gap="xl" align="flex-end" wrap="wrap">
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('skm.survey.ikmConverted')}
              </Text>
              <Group gap="sm" align="center" wrap="nowrap">
                <Text className={classes.scoreBig} data-testid="skm-ikm" data-value={has ? results.ikmConverted : ''}>
                  {has ? formatDecimal(results.ikmConverted, 2) : '—'}
                </Text>
                <Stack gap={4}>
                  <MutuBadge mutu={has ? results.mutu : null} size="lg" testId="skm-mutu" />
                  <Text size="sm" fw={600} data-testid="skm-kinerja">
                    {has ? results.kinerja : t('skm.survey.noAnswersYet')}
                  </Text>
                </Stack>
              </Group>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('skm.survey.ikm14')}
              </Text>
              <Text fz="xl" fw={650} data-testid="skm-ikm-raw">
                {has ? formatDecimal(results.ikm, 4) : '—'}
              </Text>
            </Stack>
          </Group>
          {has && (
            <Stack gap={6}>
              <BandScale value={results.ikmConverted} testId="skm-band-scale" />
              <Text size="sm" c="dimmed" className="serasan-mono" style={{ whiteSpace: 'normal' }} data-testid="skm-explanation">
                {localiseFormula(results.explanation)}
              </Text>
              {results.weakest.length > 0 && (
                <Text size="sm">
                  {t('skm.survey.weakestLine', {
                    list: results.weakest.map((c) => `${c} ${survey.rulebook.body.unsur.find((u) => u.code === c)?.name ?? ''}`.trim()).join(', '),
                    nrr: formatDecimal(results.nrr[results.weakest[0]!], 2),
                  })}
                </Text>
              )}
            </Stack>
          )}
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm">
                {t('skm.fields.respondents')}:{' '}
                <Text span fw={700} fz="lg" data-testid="skm-n" data-value={results.n}>
                  {formatNumber(results.n)}
                </Text>{' '}
                {results.minSample ? t('skm.survey.ofMinSample', { min: formatNumber(results.minSample) }) : ''}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" c="dimmed" data-testid="skm-population">
                  {results.population ? t('skm.survey.population', { n: formatNumber(results.population) }) : t('skm.survey.populationUnknown')}
                </Text>
                {survey.canManage && (
                  <Tooltip label={t('skm.survey.populationEdit')}>
                    <ActionIcon variant="subtle" size="sm" onClick={() => setEditPop(true)} aria-label={t('skm.survey.populationEdit')} data-testid="skm-population-edit">
                      <IconPencil size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
            {results.minSample ? (
              <>
                <Progress
                  value={Math.min(1, results.sampleProgress ?? 0) * 100}
                  color={(results.sampleProgress ?? 0) >= 1 ? 'green' : 'pemda'}
                  size="lg"
                  radius="xl"
                  aria-label={t('skm.survey.sampleProgress')}
                  data-testid="skm-sample-progress"
                />
                <Text size="xs" c="dimmed">
                  {(results.sampleProgress ?? 0) >= 1
                    ? t('skm.survey.sampleReached')
                    : t('skm.survey.sampleRemaining', { pct: formatPercent(results.sampleProgress ?? 0), left: formatNumber(Math.max(0, results.minSample - results.n)) })}
                </Text>
              </>
            ) : (
              <Text size="xs" c="dimmed">
                {t('skm.survey.sampleNeedsPopulation')}
              </Text>
            )}
          </Stack>
        </Stack>
      )}
      <PopulationModal survey={survey} opened={editPop} onClose={() => setEditPop(false)} />
    </Card>
  );
}

function PopulationModal({ survey, opened, onClose }: { survey: SurveyDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState<string | number>(survey.population ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/skm/surveys/${survey.id}`, { method: 'PATCH', body: { population: value === '' ? null : Number(value) } });
      await qc.invalidateQueries({ queryKey: skmKeys.all });
      notifySuccess(t('skm.survey.populationSaved'));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('skm.survey.populationEdit')}>
      <Stack>
        <ErrorAlert error={error} />
        <NumberInput
          label={t('skm.fields.population')}
          description={t('skm.create.populationHint')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          value={value}
          onChange={setValue}
          data-testid="skm-population-input"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()} data-testid="skm-population-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A form link on this machine only (SERASAN_PUBLIC_URL unset): citizens' phones cannot open it. */
export function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || host === '::1' || /^127\./.test(host) || host === '0.0.0.0';
  } catch {
    return false;
  }
}

function FormCard({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const base = `/api/skm/surveys/${survey.id}`;
  const [posterWarning, setPosterWarning] = useState(false);
  const local = isLocalUrl(survey.formUrl);
  return (
    <Card withBorder padding="md" data-testid="skm-form-card">
      <Title order={3} fz="h5" mb="sm">
        {t('skm.survey.formTitle')}
      </Title>
      <Stack gap="sm" align="stretch">
        <Group gap="md" align="flex-start" wrap="nowrap">
          <img src={`${base}/qr.png`} alt={t('skm.survey.qrAlt', { code: survey.surveyCode })} className={classes.qr} width={168} height={168} data-testid="skm-qr" />
        </Group>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('skm.survey.code')}: <span className="serasan-mono">{survey.surveyCode}</span>
          </Text>
          <Group gap={4} wrap="nowrap">
            <Anchor href={survey.formUrl} target="_blank" rel="noopener" size="sm" style={{ wordBreak: 'break-all' }} data-testid="skm-form-link">
              {survey.formUrl}
            </Anchor>
            <CopyButton value={survey.formUrl}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                  <ActionIcon variant="subtle" onClick={copy} aria-label={t('common.copy')} data-testid="skm-form-link-copy">
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <Stack gap={6}>
          <Button
            component="a"
            href={`${base}/poster.pdf`}
            target="_blank"
            rel="noopener"
            variant="light"
            leftSection={<IconPrinter size={16} />}
            justify="flex-start"
            data-testid="skm-poster"
            onClick={(e: React.MouseEvent) => {
              if (!local) return;
              e.preventDefault();
              setPosterWarning(true);
            }}
          >
            {t('skm.survey.poster')}
          </Button>
          <Modal opened={posterWarning} onClose={() => setPosterWarning(false)} title={t('poster.localhostTitle')} data-testid="skm-poster-localhost">
            <Stack>
              <Text size="sm" data-testid="skm-poster-localhost-text">
                {t('poster.localhostBody', { url: survey.formUrl })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setPosterWarning(false)}>
                  {t('common.cancel')}
                </Button>
                <Button component="a" href={`${base}/poster.pdf`} target="_blank" rel="noopener" color="orange" onClick={() => setPosterWarning(false)} data-testid="skm-poster-anyway">
                  {t('poster.printAnyway')}
                </Button>
              </Group>
            </Stack>
          </Modal>
          <Button component="a" href={`${base}/report.pdf`} target="_blank" rel="noopener" variant="default" leftSection={<IconFileTypePdf size={16} />} justify="flex-start" data-testid="skm-report">
            {t('skm.survey.report')}
          </Button>
          <Button component="a" href={`${base}/export.xlsx`} target="_blank" rel="noopener" variant="default" leftSection={<IconFileSpreadsheet size={16} />} justify="flex-start" data-testid="skm-excel">
            {t('skm.survey.excel')}
          </Button>
          <Button component="a" href={survey.formUrl} target="_blank" rel="noopener" variant="subtle" leftSection={<IconExternalLink size={16} />} justify="flex-start" data-testid="skm-open-form">
            {t('skm.survey.openForm')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}

function UnsurTable({ survey, results }: { survey: SurveyDetail; results: Results }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const has = results.n > 0;
  const rows = survey.rulebook.body.unsur.filter((u) => results.active.includes(u.code));
  const inactive = survey.rulebook.body.unsur.filter((u) => !results.active.includes(u.code));
  const w = results.weight;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5">
        {t('skm.survey.unsurTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('skm.survey.unsurHint', { num: w.numerator, den: w.denominator, dec: formatDecimal(w.decimal, 4) })}
      </Text>
      <Table.ScrollContainer minWidth={mobile ? 300 : 640}>
        <Table data-testid="skm-unsur-table" verticalSpacing={6} horizontalSpacing={mobile ? 6 : 'xs'} fz={mobile ? 'xs' : 'sm'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={mobile ? 36 : 60}>{t('skm.survey.code')}</Table.Th>
              <Table.Th>{t('skm.fields.unsur')}</Table.Th>
              <Table.Th ta="right" w={mobile ? 48 : 90}>
                NRR
              </Table.Th>
              {!mobile && <Table.Th w={160} />}
              <Table.Th ta="right" w={mobile ? 70 : 130}>
                {t('skm.survey.nrrWeighted')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => {
              const weak = has && results.weakest.includes(u.code);
              const nrr = results.nrr[u.code];
              return (
                <Table.Tr key={u.code} className={weak ? classes.weakRow : undefined} data-testid="skm-unsur-row" data-unsur={u.code} data-weakest={weak ? 'true' : undefined}>
                  <Table.Td fw={600}>{u.code}</Table.Td>
                  <Table.Td>
                    <Text size={mobile ? 'xs' : 'sm'}>
                      {u.name}
                      {weak && (
                        <Text span size="xs" fw={700} c="orange.8" ml={6}>
                          {t('skm.survey.weakest')}
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {has ? formatDecimal(nrr, 2) : '—'}
                  </Table.Td>
                  {!mobile && (
                    <Table.Td>
                      <Progress value={has && nrr ? (nrr / 4) * 100 : 0} color={weak ? 'orange' : 'pemda'} size="sm" aria-hidden />
                    </Table.Td>
                  )}
                  <Table.Td ta="right">{has ? formatDecimal(results.nrrWeighted[u.code], 4) : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={mobile ? 3 : 4} ta="right">
                {t('skm.survey.sumIkm')}
              </Table.Th>
              <Table.Th ta="right">{has ? formatDecimal(results.ikm, 4) : '—'}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {inactive.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="skm-inactive-unsur">
          {t('skm.survey.inactive', { list: inactive.map((u) => `${u.code} ${u.name}`).join(', ') })}
        </Text>
      )}
    </Card>
  );
}

function ProfileCard({ results }: { results: Results }) {
  const { t } = useTranslation();
  const p = results.profile ?? {};
  const dims = useMemo(
    () =>
      [
        { key: 'sex', title: t('skm.profile.sex'), values: SEXES, label: (v: string) => t(`skm.profile.sexes.${v}`) },
        { key: 'ageBand', title: t('skm.profile.ageBand'), values: AGE_BANDS, label: (v: string) => t(`skm.profile.ageBands.${v}`) },
        { key: 'education', title: t('skm.profile.education'), values: EDUCATIONS, label: (v: string) => t(`skm.profile.educations.${v}`) },
        { key: 'occupation', title: t('skm.profile.occupation'), values: OCCUPATIONS, label: (v: string) => t(`skm.profile.occupations.${v}`) },
      ] as const,
    [t],
  );
  return (
    <Card withBorder padding="md" data-testid="skm-profile">
      <Title order={3} fz="h5">
        {t('skm.survey.profileTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('skm.survey.profileHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
        {dims.map((d) => {
          const counts = p[d.key] ?? {};
          const answered = Object.values(counts).reduce((a, b) => a + b, 0);
          return (
            <Stack key={d.key} gap={6}>
              <Text size="sm" fw={650}>
                {d.title}
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  {t('skm.survey.answeredBy', { n: formatNumber(answered) })}
                </Text>
              </Text>
              <ShareBars total={answered} data={d.values.map((v) => ({ key: v, label: d.label(v), value: counts[v] ?? 0 }))} testId={`skm-profile-${d.key}`} />
            </Stack>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}

function TrendCard({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const trend = useTrend({ serviceId: survey.serviceId });
  const data = (trend.data ?? []).map((p) => ({ key: p.surveyId, periodStart: p.periodStart, periodEnd: p.periodEnd, ikmConverted: p.n > 0 ? p.ikmConverted : null, mutu: p.mutu, n: p.n, current: p.surveyId === survey.id }));
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5">
        {t('skm.trend.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('skm.trend.hint', { service: survey.serviceName })}
      </Text>
      <ErrorAlert error={trend.error} />
      {trend.isLoading ? <Loader size="sm" /> : <TrendChart data={data} testId="skm-trend" />}
    </Card>
  );
}

function RejectionsCard({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const rej = useRejections(surveyId);
  if (rej.error || rej.isLoading) return null;
  const items = rej.data ?? [];
  const byReason = new Map<string, number>();
  for (const r of items) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + r.n);
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  return (
    <Card withBorder padding="md" data-testid="skm-rejections">
      <Group justify="space-between" gap="xs" align="flex-start">
        <div>
          <Title order={3} fz="h5">
            {t('skm.rejections.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('skm.rejections.hint')}
          </Text>
        </div>
        <Text fz={28} fw={700} data-testid="skm-rejections-total" data-value={total}>
          {formatNumber(total)}
        </Text>
      </Group>
      {total > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="sm">
          {[...byReason.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([reason, n]) => (
              <Group key={reason} justify="space-between" gap="xs" wrap="nowrap" px="xs" py={4} bg="gray.0" style={{ borderRadius: 4 }}>
                <Text size="sm">{t(`skm.rejections.reasons.${reason}`, { defaultValue: reason })}</Text>
                <Text size="sm" fw={650}>
                  {formatNumber(n)}
                </Text>
              </Group>
            ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
