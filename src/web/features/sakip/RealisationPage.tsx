import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, NumberInput, Paper, Popover, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconFileTypePdf, IconInfoCircle, IconPaperclip } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { usePositions } from '../../api/queries.ts';
import { DateField } from '../../components/DateField.tsx';
import { EvidenceUpload } from '../../components/evidence.tsx';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLang } from '../../i18n.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';

/**
 * The quarterly realisation of one Perjanjian Kinerja (issue 11 item 3): per indicator, TW I–IV
 * with the quarter target, the value and its state, the capaian from verified values with its
 * colour and an explanation, the annual figure; the steps the reader may take now (the server's
 * `allowedActions`), the return note, corrections, evidence and the corrective action of a red
 * quarter with last quarter's follow-up. A quarter that has not begun on the region's day (the
 * server says so: `begun`, `startsOn`) shows "Belum dimulai" and its first day, with no button.
 */
type Level = 'merah' | 'kuning' | 'hijau';
type Action = 'enter' | 'submit' | 'verify' | 'return' | 'correct' | 'correctiveAction' | 'completeCorrectiveAction' | 'attachEvidence';
interface EvidenceRef {
  id: string;
  originalName: string;
}
interface CorrectiveAction {
  id: string;
  quarter: number;
  kendala: string;
  solusi: string;
  rencana: string;
  picTitle: string | null;
  deadline: string;
  status: 'open' | 'done';
  result: string | null;
  evidence: EvidenceRef[];
}
interface Quarter {
  quarter: number;
  target: number;
  realisation: { value: number; status: 'draft' | 'submitted' | 'verified' | 'returned'; note: string | null; returnNote: string | null } | null;
  capaian: number | null;
  status: Level | null;
  displayCapaian: number | null;
  capped: boolean;
  explanation: string;
  evidence: EvidenceRef[];
  corrections: Array<{ id: string; before: number; after: number; reason: string; by: string | null; at: string }>;
  correctiveAction: { state: 'not_required' | 'missing' | 'open' | 'done'; action: CorrectiveAction | null };
  previousFollowUp: CorrectiveAction | null;
  allowedActions: Action[];
  /** Whether the quarter has begun on the region's day (the server's clock); before it nothing can be entered. */
  begun: boolean;
  startsOn: string;
}
interface Indicator {
  id: string;
  sasaran: string;
  name: string;
  unit: string;
  target: number;
  polarity: 'higher' | 'lower';
  aggregation: 'sum' | 'last' | 'average' | 'min' | 'max';
  allowNegative: boolean;
  formula: string | null;
  dataSource: string | null;
  quarters: Quarter[];
  annual: { value: number | null; capaian: number | null; status: Level | null; displayCapaian: number | null; capped: boolean; explanation: string };
}
interface PkDetail {
  id: string;
  year: number;
  status: 'draft' | 'signed';
  unitId: string | null;
  firstParty: { title: string; name: string };
  indicators: Indicator[];
}

const TW = ['I', 'II', 'III', 'IV'];
const LEVEL_COLOR: Record<Level, string> = { merah: 'red', kuning: 'yellow', hijau: 'green' };
const STATUS_COLOR = { draft: 'gray', submitted: 'blue', verified: 'teal', returned: 'orange' } as const;

/** Decimals in the reader's language (Indonesian comma by default): 1234.5 → "1.234,5". */
const num = (v: number | null | undefined, digits?: number) =>
  v === null || v === undefined ? '—' : new Intl.NumberFormat(currentLang() === 'en' ? 'en-GB' : 'id-ID', digits === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

function CapaianBadge({ f, testId }: { f: { capaian: number | null; status: Level | null; displayCapaian: number | null; capped: boolean; explanation: string }; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {f.capaian !== null && f.status ? (
        <Badge color={LEVEL_COLOR[f.status]} variant={f.status === 'kuning' ? 'filled' : 'light'} c={f.status === 'kuning' ? 'dark' : undefined} data-testid={testId} data-status={f.status} title={t(`sakipReal.level.${f.status}`)}>
          {num(f.displayCapaian, 2)} %{f.capped ? '+' : ''}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed" data-testid={testId}>
          —
        </Text>
      )}
      <Popover width={300} position="bottom" withArrow shadow="md">
        <Popover.Target>
          <Button variant="subtle" size="compact-xs" px={4} aria-label={t('sakipReal.explain')} title={t('sakipReal.explain')}>
            <IconInfoCircle size={16} />
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm">{f.explanation}</Text>
          {f.capped && f.capaian !== null && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('sakipReal.capped', { cap: num(f.displayCapaian, 2), value: num(f.capaian, 2) })}
            </Text>
          )}
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

type Dialog = { action: Action; indicator: Indicator; quarter: Quarter } | null;

interface Settings {
  redBelow: number;
  greenAbove: number;
  displayCap: number | null;
}

/** The admin sets the tenant's status bands and the optional display cap (PUT /api/pk/settings). */
function SettingsCard({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['pk', 'settings'], queryFn: () => api<Settings>('/pk/settings') });
  const [draft, setDraft] = useState<{ redBelow: number | string; greenAbove: number | string; displayCap: number | string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!settings.data) return null;
  const v = draft ?? { redBelow: settings.data.redBelow, greenAbove: settings.data.greenAbove, displayCap: settings.data.displayCap ?? '' };
  const dec = currentLang() === 'en' ? '.' : ',';
  const save = async () => {
    setError(null);
    try {
      await api('/pk/settings', { method: 'PUT', body: { redBelow: Number(v.redBelow), greenAbove: Number(v.greenAbove), displayCap: v.displayCap === '' ? null : Number(v.displayCap) } });
      notifySuccess(t('sakipReal.settings.saved'));
      setDraft(null);
      await settings.refetch();
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Paper withBorder p="md" mt="md" data-testid="pk-settings">
      <Title order={4} fz="md" mb={4}>
        {t('sakipReal.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sakipReal.settings.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput label={t('sakipReal.settings.redBelow')} value={v.redBelow} onChange={(x) => setDraft({ ...v, redBelow: x })} decimalSeparator={dec} min={0} max={1000} />
        <NumberInput label={t('sakipReal.settings.greenAbove')} value={v.greenAbove} onChange={(x) => setDraft({ ...v, greenAbove: x })} decimalSeparator={dec} min={0} max={1000} />
        <NumberInput label={t('sakipReal.settings.displayCap')} value={v.displayCap} onChange={(x) => setDraft({ ...v, displayCap: x })} decimalSeparator={dec} min={100} max={1000} placeholder={t('sakipReal.settings.noCap')} />
      </SimpleGrid>
      {error ? <ErrorAlert error={error} /> : null}
      <Group justify="flex-end" mt="sm">
        <Button onClick={() => void save()} disabled={!draft}>
          {t('sakipReal.form.save')}
        </Button>
      </Group>
    </Paper>
  );
}

function QuarterCell({ indicator, q, onAction }: { indicator: Indicator; q: Quarter; onAction: (a: Action) => void }) {
  const { t } = useTranslation();
  const r = q.realisation;
  const direct = (a: Action) => a === 'submit' || a === 'verify';
  if (!q.begun && !r) {
    return (
      <Paper withBorder p="sm" radius="sm" style={{ borderStyle: 'dashed' }} data-testid={`cell-${indicator.id}-${q.quarter}`} data-begun="false">
        <Stack gap={6}>
          <Group justify="space-between" gap={4}>
            <Text fw={700} size="sm" c="dimmed">
              {t('sakipReal.quarter', { q: TW[q.quarter - 1] })}
            </Text>
            <Badge size="sm" variant="outline" color="gray" data-testid="not-begun">
              {t('sakipReal.notBegun')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('sakipReal.target')}: {num(q.target)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="starts-on">
            {t('sakipReal.startsOn', { date: formatDate(q.startsOn) })}
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`cell-${indicator.id}-${q.quarter}`} bg={q.status === 'merah' ? 'red.0' : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" gap={4}>
          <Text fw={700} size="sm">
            {t('sakipReal.quarter', { q: TW[q.quarter - 1] })}
          </Text>
          {r && (
            <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]} data-testid="real-status">
              {t(`sakipReal.status.${r.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('sakipReal.target')}: {num(q.target)}
        </Text>
        <Text size="lg" fw={650} data-testid="real-value">
          {r ? num(r.value) : <Text span size="sm" c="dimmed">{t('sakipReal.noValue')}</Text>}
        </Text>
        <CapaianBadge f={q} testId="real-capaian" />
        {r?.status === 'returned' && r.returnNote && (
          <Alert color="orange" variant="light" p={6} data-testid="return-note">
            <Text size="xs">{t('sakipReal.returnNote', { note: r.returnNote })}</Text>
          </Alert>
        )}
        {q.corrections.map((c) => (
          <Text key={c.id} size="xs" c="dimmed" data-testid="correction">
            {t('sakipReal.corrected', { before: num(c.before), after: num(c.after), by: c.by ?? '—', reason: c.reason })}
          </Text>
        ))}
        {q.evidence.length > 0 && (
          <Stack gap={0}>
            {q.evidence.map((e) => (
              <Anchor key={e.id} href={`/api/evidence/${e.id}/download`} target="_blank" size="xs">
                <IconPaperclip size={12} /> {e.originalName}
              </Anchor>
            ))}
          </Stack>
        )}
        {q.correctiveAction.state !== 'not_required' && (
          <Text size="xs" c={q.correctiveAction.state === 'missing' ? 'red.8' : q.correctiveAction.state === 'open' ? 'orange.9' : 'teal.8'} data-testid="corrective-state" data-state={q.correctiveAction.state}>
            {q.correctiveAction.state === 'missing' && <IconAlertTriangle size={12} />} {t(`sakipReal.corrective.${q.correctiveAction.state}`, { deadline: formatDate(q.correctiveAction.action?.deadline) })}
          </Text>
        )}
        {q.previousFollowUp && (
          <Text size="xs" c="dimmed" data-testid="previous-follow-up">
            {t('sakipReal.corrective.previous', { rencana: q.previousFollowUp.rencana, status: t(q.previousFollowUp.status === 'done' ? 'sakipReal.corrective.statusDone' : 'sakipReal.corrective.statusOpen') })}
          </Text>
        )}
        {q.allowedActions.length > 0 && (
          <Stack gap={4}>
            {q.allowedActions.map((a) => (
              <Button key={a} size="compact-xs" fullWidth h="auto" py={3} styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }} variant={direct(a) || a === 'enter' ? 'filled' : 'light'} color={a === 'return' || a === 'correctiveAction' ? 'orange' : undefined} onClick={() => onAction(a)} data-testid={`act-${a}`}>
                {t(`sakipReal.action.${a}`)}
              </Button>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function ActionModal({ dialog, pk, onClose }: { dialog: NonNullable<Dialog>; pk: PkDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { action, indicator, quarter: q } = dialog;
  const [value, setValue] = useState<number | string>(q.realisation?.value ?? '');
  const [text, setText] = useState(action === 'enter' ? (q.realisation?.note ?? '') : '');
  const [ca, setCa] = useState({ kendala: '', solusi: '', rencana: '', picPositionId: '', deadline: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const positions = usePositions(action === 'correctiveAction' ? pk.unitId : null);
  const base = `/pk/indicators/${indicator.id}`;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'enter') await api(`${base}/realisations/${q.quarter}`, { method: 'PUT', body: { value: typeof value === 'number' ? value : Number.NaN, note: text || null } });
      else if (action === 'return') await api(`${base}/realisations/${q.quarter}/return`, { method: 'POST', body: { note: text } });
      else if (action === 'correct') await api(`${base}/realisations/${q.quarter}/corrections`, { method: 'POST', body: { value: typeof value === 'number' ? value : Number.NaN, reason: text } });
      else if (action === 'correctiveAction') await api(`${base}/quarters/${q.quarter}/corrective-action`, { method: 'POST', body: ca });
      else if (action === 'completeCorrectiveAction') await api(`/pk/corrective-actions/${q.correctiveAction.action!.id}/done`, { method: 'POST', body: { result: text } });
      notifySuccess(t(`sakipReal.done.${action}`));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode = null;
  const numberField = (label: string) => (
    <NumberInput label={label} value={value} onChange={setValue} decimalSeparator={currentLang() === 'en' ? '.' : ','} thousandSeparator={currentLang() === 'en' ? ',' : '.'} allowNegative={indicator.allowNegative} data-autofocus data-testid="form-value" />
  );
  if (action === 'enter') body = (
    <>
      {numberField(t('sakipReal.form.value', { unit: indicator.unit }))}
      <Textarea label={t('sakipReal.form.note')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} />
    </>
  );
  else if (action === 'return') body = <Textarea label={t('sakipReal.form.returnNote')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} required data-testid="form-note" />;
  else if (action === 'correct') body = (
    <>
      <Text size="sm" c="dimmed">{t('sakipReal.form.correctionHint')}</Text>
      {numberField(t('sakipReal.form.newValue', { unit: indicator.unit }))}
      <Textarea label={t('sakipReal.form.reason')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} required data-testid="form-reason" />
    </>
  );
  else if (action === 'correctiveAction') body = (
    <>
      <Text size="sm">{q.explanation}</Text>
      {(['kendala', 'solusi', 'rencana'] as const).map((k) => (
        <Textarea key={k} label={t(`sakipReal.form.${k}`)} value={ca[k]} onChange={(e) => setCa({ ...ca, [k]: e.currentTarget.value })} autosize minRows={2} required data-testid={`form-${k}`} />
      ))}
      <Select label={t('sakipReal.form.pic')} data={(positions.data ?? []).map((p) => ({ value: p.id, label: p.title }))} value={ca.picPositionId || null} onChange={(v) => setCa({ ...ca, picPositionId: v ?? '' })} searchable required data-testid="form-pic" />
      <DateField label={t('sakipReal.form.deadline')} value={ca.deadline} onChange={(v) => setCa({ ...ca, deadline: v })} required data-testid="form-deadline" />
    </>
  );
  else if (action === 'completeCorrectiveAction') body = (
    <>
      <Text size="sm">{q.correctiveAction.action?.rencana}</Text>
      <Text size="sm" c="dimmed">{t('sakipReal.form.evidenceFirst')}</Text>
      <EvidenceUpload entityType="pk_corrective_action" entityId={q.correctiveAction.action?.id} />
      <Textarea label={t('sakipReal.form.result')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} required />
    </>
  );
  else if (action === 'attachEvidence') body = <EvidenceUpload entityType="pk_realisation" entityId={`${indicator.id}:${q.quarter}`} />;

  return (
    <Modal opened onClose={onClose} title={`${t(`sakipReal.action.${action}`)} — ${indicator.name}, ${t('sakipReal.quarter', { q: TW[q.quarter - 1] })}`} size="lg">
      <Stack gap="sm">
        {body}
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sakipReal.form.cancel')}
          </Button>
          {action !== 'attachEvidence' && (
            <Button onClick={() => void save()} loading={busy} data-testid="form-save">
              {t('sakipReal.form.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

export default function RealisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const pk = useQuery({ queryKey: ['pk', id], queryFn: () => api<PkDetail>(`/pk/${id}`) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const { isAdmin } = useAuth();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['pk', id] });

  const act = async (indicator: Indicator, quarter: Quarter, action: Action) => {
    if (action === 'submit' || action === 'verify') {
      try {
        await api(`/pk/indicators/${indicator.id}/realisations/${quarter.quarter}/${action}`, { method: 'POST', body: {} });
        notifySuccess(t(`sakipReal.done.${action}`));
        refresh();
      } catch (e) {
        notifyError(e);
      }
    } else setDialog({ action, indicator, quarter });
  };

  if (pk.isLoading) return <Loader />;
  if (pk.error || !pk.data) return <ErrorAlert error={pk.error} />;
  const d = pk.data;
  return (
    <>
      <PageHeader
        title={t('sakipReal.title', { year: d.year })}
        description={t('sakipReal.description', { position: `${d.firstParty.title} (${d.firstParty.name})` })}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/sakip" variant="default" leftSection={<IconArrowLeft size={16} />}>
              {t('sakipReal.back')}
            </Button>
            <Button component="a" href={`/api/pk/${d.id}/export.pdf`} target="_blank" variant="light" leftSection={<IconFileTypePdf size={16} />}>
              {t('sakipReal.pdf')}
            </Button>
          </Group>
        }
      />
      {d.status !== 'signed' && (
        <Alert color="yellow" mb="md" data-testid="not-signed">
          {t('sakipReal.notSigned')}
        </Alert>
      )}
      {d.indicators.length === 0 && <Text c="dimmed">{t('sakipReal.noIndicators')}</Text>}
      <Stack gap="md">
        {d.indicators.map((i) => (
          <Paper key={i.id} withBorder p="md" data-testid="indicator">
            <Stack gap={4} mb="sm">
              <Text size="xs" c="dimmed">
                {i.sasaran}
              </Text>
              <Title order={4} fz="md">
                {i.name}
              </Title>
              <Group gap="xs">
                <Badge variant="outline" size="sm">{t('sakipReal.unit', { unit: i.unit })}</Badge>
                <Badge variant="outline" size="sm">{t('sakipReal.annualTarget', { target: num(i.target) })}</Badge>
                <Badge variant="outline" size="sm" color="gray">{t(`sakipReal.polarity.${i.polarity}`)}</Badge>
                <Badge variant="outline" size="sm" color="gray">{t(`sakipReal.aggregation.${i.aggregation}`)}</Badge>
              </Group>
              {i.formula && <Text size="xs">{t('sakipReal.formula', { text: i.formula })}</Text>}
              {i.dataSource && <Text size="xs">{t('sakipReal.dataSource', { text: i.dataSource })}</Text>}
            </Stack>
            <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
              {i.quarters.map((q) => (
                <QuarterCell key={q.quarter} indicator={i} q={q} onAction={(a) => void act(i, q, a)} />
              ))}
              <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid={`annual-${i.id}`}>
                <Stack gap={6}>
                  <Text fw={700} size="sm">
                    {t('sakipReal.annual')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('sakipReal.target')}: {num(i.target)}
                  </Text>
                  <Text size="lg" fw={650}>
                    {num(i.annual.value)}
                  </Text>
                  <CapaianBadge f={i.annual} testId="annual-capaian" />
                </Stack>
              </Paper>
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
      {isAdmin && <SettingsCard onSaved={refresh} />}
      {dialog && (
        <ActionModal
          dialog={dialog}
          pk={d}
          onClose={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
