import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Center, FileButton, Group, Loader, Modal, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Timeline, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconChartBar, IconFileTypePdf, IconLink, IconPlus, IconSignature, IconUpload, IconVersions } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, upload } from '../../api/client.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatDateTime, formatNip, formatNumber } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { pkKeys, usePk, usePkPlanIndicators, type PkDetail, type PkParty } from './pk-api.ts';
import { PkStatusBadge } from './PkRegisterPage.tsx';

function Party({ caption, p }: { caption: string; p: PkParty }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text size="xs" fw={700} c="dimmed">
        {caption}
      </Text>
      <Text fw={600}>{p.name}</Text>
      <Text size="sm">
        {p.kind === 'plt' ? 'Plt. ' : p.kind === 'plh' ? 'Plh. ' : ''}
        {p.title}
      </Text>
      {p.rank && <Text size="sm" c="dimmed">{p.rank}</Text>}
      {p.nip && (
        <Text size="sm" c="dimmed">
          {t('sakipPk.page.nip')} {formatNip(p.nip)}
        </Text>
      )}
    </Paper>
  );
}

/** The plan indicator an indicator row is linked to: its code, the name on hover. */
function PlanLink({ link }: { link: { code: string; name: string } | null }) {
  const { t } = useTranslation();
  if (!link) return null;
  return (
    <Tooltip label={t('sakipPk.page.planLink', link)} multiline maw={320} withArrow>
      <Badge size="xs" variant="light" color="teal" leftSection={<IconLink size={10} />} style={{ cursor: 'help' }} data-testid="pk-ind-plan-link" aria-label={t('sakipPk.page.planLink', link)}>
        {link.code}
      </Badge>
    </Tooltip>
  );
}

function IndicatorForm({ pk, onDone }: { pk: PkDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ sasaran: '', name: '', unit: '', polarity: 'higher', aggregation: 'sum', formula: '', dataSource: '' });
  const [target, setTarget] = useState<number | string>('');
  const [qs, setQs] = useState<Array<number | string>>(['', '', '', '']);
  const [planId, setPlanId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: plan } = usePkPlanIndicators(pk.id);
  const options = plan?.items ?? [];
  // "Dari rencana": the plan indicator prefills what it knows and links the new indicator to it.
  const pick = (id: string) => {
    setPlanId(id);
    const o = options.find((x) => x.id === id);
    if (!o) return;
    setV({ ...v, sasaran: o.sasaran.name, name: o.name, unit: o.satuan, polarity: o.polarity });
    if (o.target !== null) setTarget(o.target);
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { formula, dataSource, ...rest } = v;
      await api(`/pk/${pk.id}/indicators`, { method: 'POST', body: { ...rest, formula: formula.trim() || null, dataSource: dataSource.trim() || null, target: Number(target), quarterTargets: qs.map((x) => Number(x)), planIndicatorId: planId || null } });
      setV({ ...v, name: '', unit: '', formula: '', dataSource: '' });
      setTarget('');
      setQs(['', '', '', '']);
      setPlanId('');
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="pk-indicator-form">
      <Stack gap="sm">
        <Title order={4}>{t('sakipPk.page.addIndicator')}</Title>
        {plan && (
          <NativeSelect
            label={t('sakipPk.page.fromPlan')}
            description={options.length ? t('sakipPk.page.fromPlanHint') : t('sakipPk.page.fromPlanNone', { year: pk.year })}
            value={planId}
            onChange={(e) => pick(e.currentTarget.value)}
            disabled={!options.length}
            data={[{ value: '', label: t('sakipPk.page.fromPlanManual') }, ...options.map((o) => ({ value: o.id, label: `${o.code} — ${o.name}` }))]}
            data-testid="pk-ind-from-plan"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('sakipPk.page.sasaran')} value={v.sasaran} onChange={(e) => setV({ ...v, sasaran: e.currentTarget.value })} data-testid="pk-ind-sasaran" />
          <TextInput label={t('sakipPk.page.indicator')} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} data-testid="pk-ind-name" />
          <TextInput label={t('sakipPk.page.satuan')} value={v.unit} onChange={(e) => setV({ ...v, unit: e.currentTarget.value })} data-testid="pk-ind-unit" />
          <NumberInput label={t('sakipPk.page.target')} value={target} onChange={setTarget} decimalSeparator="," thousandSeparator="." data-testid="pk-ind-target" />
          <NativeSelect label={t('sakipPk.page.polarity')} value={v.polarity} onChange={(e) => setV({ ...v, polarity: e.currentTarget.value })} data={[{ value: 'higher', label: t('sakipPk.page.higher') }, { value: 'lower', label: t('sakipPk.page.lower') }]} data-testid="pk-ind-polarity" />
          <NativeSelect label={t('sakipPk.page.aggregation')} value={v.aggregation} onChange={(e) => setV({ ...v, aggregation: e.currentTarget.value })} data={(['sum', 'last', 'average', 'min', 'max'] as const).map((a) => ({ value: a, label: t(`sakipPk.page.agg.${a}`) }))} data-testid="pk-ind-aggregation" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('sakipPk.page.formula')} placeholder={t('sakipPk.page.formulaHint')} value={v.formula} onChange={(e) => setV({ ...v, formula: e.currentTarget.value })} data-testid="pk-ind-formula" />
          <TextInput label={t('sakipPk.page.dataSource')} placeholder={t('sakipPk.page.dataSourceHint')} value={v.dataSource} onChange={(e) => setV({ ...v, dataSource: e.currentTarget.value })} data-testid="pk-ind-data-source" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {qs.map((q, i) => (
            <NumberInput key={i} label={`TW ${['I', 'II', 'III', 'IV'][i]}`} value={q} onChange={(x) => setQs(qs.map((y, j) => (j === i ? x : y)))} decimalSeparator="," thousandSeparator="." data-testid={`pk-ind-tw-${i + 1}`} />
          ))}
        </SimpleGrid>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={save} loading={busy} data-testid="pk-ind-save">
            {t('sakipPk.page.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type Dialog = null | 'sign' | 'return' | 'revise';

/**
 * A Perjanjian Kinerja: the parties (Plt. shown), the indicators with targets and TW I–IV, the
 * add-indicator form on a draft, the workflow buttons the server allows, signing with a date,
 * the scan of the signed page, the PDF, the revision and the review history.
 */
export default function PkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useAuth();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: pk, error, isLoading } = usePk(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [signedOn, setSignedOn] = useState<string>(new Date().toISOString().slice(0, 10));
  const [mode, setMode] = useState<'ceremony' | 'scan'>('ceremony');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  useDocumentTitle(pk ? `${t('sakipPk.page.title', { year: pk.year })} — ${pk.firstParty.title}` : 'SAKIP');
  const refresh = () => qc.invalidateQueries({ queryKey: pkKeys.all });

  if (isLoading) return <Center p="xl"><Loader /></Center>;
  if (error || !pk) return <ErrorAlert error={error} />;

  const canManage = hasRole(user, 'admin', 'rb_team', 'unit_head', 'unit_operator');
  const step = async (action: 'submit' | 'agree' | 'return' | 'sign' | 'revise') => {
    setBusy(true);
    setDialogError(null);
    try {
      if (action === 'sign') await api(`/pk/${pk.id}/sign`, { method: 'POST', body: { signedOn, mode } });
      else if (action === 'revise') {
        const r = await api<{ id: string }>(`/pk/${pk.id}/revise`, { method: 'POST', body: { reason: text } });
        await refresh();
        setDialog(null);
        navigate(`/sakip/pk/${r.id}`);
        return;
      } else await api(`/pk/${pk.id}/${action}`, { method: 'POST', body: action === 'return' ? { note: text || null } : {} });
      await refresh();
      setDialog(null);
      setText('');
      notifySuccess(t('sakipPk.page.done'));
    } catch (e) {
      setDialogError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const uploadScan = async (file: File | null) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await upload(`/pk/${pk.id}/scan`, form);
      notifySuccess(t('sakipPk.page.scanDone'));
      await refresh();
    } catch (e) {
      setDialogError(errorMessage(e));
    }
  };
  const replaced = !!pk.replacedById;
  const stepDates = [
    ['drafted', pk.createdAt],
    ['submitted', pk.submittedAt],
    ['agreed', pk.agreedAt],
    ['signed', pk.signedOn],
  ] as const;

  return (
    <Stack>
      <Anchor component={Link} to={`/sakip?tahun=${pk.year}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('sakipPk.page.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz={mobile ? 'lg' : 'xl'}>
            {t('sakipPk.page.title', { year: pk.year })}
          </Title>
          <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {pk.firstParty.kind === 'plt' ? 'Plt. ' : ''}
            {pk.firstParty.title} · {t(`sakipPk.level.${pk.level}`)}
          </Text>
        </div>
        <Group gap="xs">
          {pk.revision > 0 && <Badge variant="light" leftSection={<IconVersions size={12} />}>{t('sakipPk.page.revision', { n: pk.revision })}</Badge>}
          <PkStatusBadge status={pk.status} replaced={replaced} />
        </Group>
      </Group>

      {replaced && (
        <Alert color="gray" data-testid="pk-replaced">
          {t('sakipPk.page.replaced')}{' '}
          <Anchor component={Link} to={`/sakip/pk/${pk.replacedById}`}>
            {t('sakipPk.page.openReplacement')}
          </Anchor>
        </Alert>
      )}
      {pk.replacesId && (
        <Alert color="blue">
          {t('sakipPk.page.replaces')} ({t('sakipPk.page.reason', { reason: pk.revisionReason })}){' '}
          <Anchor component={Link} to={`/sakip/pk/${pk.replacesId}`}>
            {t('sakipPk.page.openOriginal')}
          </Anchor>
        </Alert>
      )}

      <Group gap="xs" wrap="wrap">
        {!replaced &&
          pk.actions.map((a) => (
            <Button key={a} variant={a === 'sign' ? 'filled' : a === 'return' ? 'default' : 'light'} leftSection={a === 'sign' ? <IconSignature size={16} /> : undefined} loading={busy && dialog === null} onClick={() => (a === 'sign' || a === 'return' ? setDialog(a) : void step(a))} data-testid={`pk-action-${a}`}>
              {t(`sakipPk.page.actions.${a}`)}
            </Button>
          ))}
        {pk.status === 'signed' && (
          <Button component={Link} to={`/sakip/pk/${pk.id}/realisasi`} variant="light" leftSection={<IconChartBar size={16} />} data-testid="pk-realisation">
            {t('sakipPk.page.realisation')}
          </Button>
        )}
        <Button component="a" href={`/api/pk/${pk.id}/export.pdf`} target="_blank" variant="default" leftSection={<IconFileTypePdf size={16} />} data-testid="pk-pdf">
          {pk.status === 'signed' ? t('sakipPk.page.pdfSigned') : t('sakipPk.page.pdf')}
        </Button>
        {pk.status === 'signed' && !replaced && canManage && (
          <FileButton onChange={uploadScan} accept="application/pdf,image/jpeg,image/png">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />} data-testid="pk-scan">
                {t('sakipPk.page.scanUpload')}
              </Button>
            )}
          </FileButton>
        )}
        {pk.status === 'signed' && !replaced && canManage && (
          <Button variant="subtle" onClick={() => setDialog('revise')} data-testid="pk-revise">
            {t('sakipPk.page.revise')}
          </Button>
        )}
      </Group>
      {dialogError && dialog === null && <Alert color="red">{dialogError}</Alert>}
      {pk.documentNumber && (
        <Text size="sm">
          {t('sakipPk.page.number', { number: pk.documentNumber })}
          {pk.signingMode ? ` · ${t(`sakipPk.mode.${pk.signingMode}`)}` : ''}
          {pk.scanEvidenceId ? (
            <>
              {' · '}
              <Anchor href={`/api/evidence/${pk.scanEvidenceId}/download`}>{t('sakipPk.page.scanAttached')}</Anchor>
            </>
          ) : null}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, sm: pk.secondParty ? 2 : 1 }}>
        <Party caption={pk.secondParty ? t('sakipPk.page.pihakKesatu') : t('sakipPk.page.statement')} p={pk.firstParty} />
        {pk.secondParty && <Party caption={t('sakipPk.page.pihakKedua')} p={pk.secondParty} />}
      </SimpleGrid>

      <Title order={3} fz="lg">
        {t('sakipPk.page.indicators')}
      </Title>
      {pk.indicators.length === 0 ? (
        <Text c="dimmed">{t('sakipPk.page.noIndicators')}</Text>
      ) : mobile ? (
        <Stack gap="xs" data-testid="pk-indicators">
          {pk.indicators.map((i) => (
            <Paper key={i.id} withBorder p="sm">
              <Text size="xs" c="dimmed">
                {i.sasaran}
              </Text>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text fw={600} size="sm" style={{ flex: 1, minWidth: 0 }}>
                  {i.name}
                </Text>
                <PlanLink link={i.planIndicator} />
              </Group>
              <Text size="xs" c="dimmed">
                {i.polarity === 'higher' ? t('sakipPk.page.higher') : t('sakipPk.page.lower')} · {t(`sakipPk.page.agg.${i.aggregation}`)}
              </Text>
              <Text size="sm" mt={4}>
                {t('sakipPk.page.target')}: <b>{formatNumber(i.target)}</b> {i.unit}
              </Text>
              <SimpleGrid cols={4} spacing={4} mt={4}>
                {i.quarterTargets.map((q, n) => (
                  <Text key={n} size="xs" ta="center">
                    TW {['I', 'II', 'III', 'IV'][n]}
                    <br />
                    <b>{formatNumber(q)}</b>
                  </Text>
                ))}
              </SimpleGrid>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="pk-indicators">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sakipPk.page.sasaran')}</Table.Th>
                <Table.Th>{t('sakipPk.page.indicator')}</Table.Th>
                <Table.Th>{t('sakipPk.page.satuan')}</Table.Th>
                <Table.Th ta="right">{t('sakipPk.page.target')}</Table.Th>
                {['I', 'II', 'III', 'IV'].map((q) => (
                  <Table.Th key={q} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    TW {q}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pk.indicators.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm">{i.sasaran}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
                        {i.name}
                      </Text>
                      <PlanLink link={i.planIndicator} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {i.polarity === 'higher' ? t('sakipPk.page.higher') : t('sakipPk.page.lower')} · {t(`sakipPk.page.agg.${i.aggregation}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.unit}</Table.Td>
                  <Table.Td ta="right">{formatNumber(i.target)}</Table.Td>
                  {i.quarterTargets.map((q, n) => (
                    <Table.Td key={n} ta="right">
                      {formatNumber(q)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pk.status === 'draft' && !replaced && canManage && <IndicatorForm pk={pk} onDone={refresh} />}

      <Title order={3} fz="lg">
        {t('sakipPk.page.history')}
      </Title>
      <Group gap="lg" wrap="wrap">
        {stepDates.map(([k, at]) => (
          <Text key={k} size="sm" c={at ? undefined : 'dimmed'}>
            {t(`sakipPk.step.${k}`)}: {at ? formatDate(at) : '—'}
          </Text>
        ))}
      </Group>
      {pk.history.length ? (
        <Timeline bulletSize={14} lineWidth={2} data-testid="pk-history">
          {pk.history.map((h, n) => (
            <Timeline.Item key={n} title={`${t(`sakipPk.status.${h.to}`, { defaultValue: h.to })} — ${h.by ?? ''}`}>
              <Text size="xs" c="dimmed">
                {formatDateTime(h.at)}
              </Text>
              {h.note && <Text size="sm">{h.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      ) : (
        <Text c="dimmed" size="sm">
          {t('sakipPk.page.noHistory')}
        </Text>
      )}

      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog === 'sign' ? t('sakipPk.page.signTitle') : dialog === 'return' ? t('sakipPk.page.actions.return') : t('sakipPk.page.revise')}>
        <Stack>
          {dialog === 'sign' && (
            <>
              <DateField label={t('sakipPk.page.signedOn')} value={signedOn} onChange={setSignedOn} required data-testid="pk-signed-on" />
              <NativeSelect label={t('sakipPk.page.signMode')} value={mode} onChange={(e) => setMode(e.currentTarget.value as 'ceremony' | 'scan')} data={[{ value: 'ceremony', label: t('sakipPk.mode.ceremony') }, { value: 'scan', label: t('sakipPk.mode.scan') }]} />
              <Text size="sm" c="dimmed">
                {t('sakipPk.page.signHelp')}
              </Text>
            </>
          )}
          {dialog === 'return' && <Textarea label={t('sakipPk.page.returnNote')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} />}
          {dialog === 'revise' && <Textarea label={t('sakipPk.page.reviseReason')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} required />}
          {dialogError && <Alert color="red">{dialogError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('sakipPk.page.cancel')}
            </Button>
            <Button loading={busy} onClick={() => dialog && void step(dialog)} data-testid="pk-dialog-confirm">
              {dialog === 'sign' ? t('sakipPk.page.actions.sign') : dialog === 'return' ? t('sakipPk.page.actions.return') : t('sakipPk.page.revise')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
