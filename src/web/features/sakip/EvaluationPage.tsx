import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ActionIcon, Alert, Anchor, Badge, Button, Center, FileButton, Group, Loader, Modal, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, upload } from '../../api/client.ts';
import { IconPaperclip, IconFileCertificate } from '@tabler/icons-react';
import { UnverifiedBadge } from '../../components/UnverifiedBadge.tsx';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { currentLang } from '../../i18n.ts';
import { formatDate } from '../../components/format.ts';

/**
 * The internal SAKIP evaluation (issue 11 item 5): the `evaluasi` tab shows every unit's score and
 * predikat year on year; `sakip/evaluasi/:scope` (a unit id or "pemda") shows one LKE AKIP
 * worksheet: components → sub-components (the evaluator's letter, weight × factor) → the criteria
 * checklist (the unit's Ya/Tidak), then the LHE findings, recommendations and follow-ups. The
 * evaluator issues the LHE as an official document (number, frozen PDF, verification QR); the
 * findings are then frozen while follow-ups go on. Sub-units are listed under their parent.
 */
const LETTERS = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D', 'E'];
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString(currentLang() === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
/** "6 × 0.9 [A] = 5.4" from the engine → "6 × 0,9 [A] = 5,40" with the Indonesian comma. */
const formula = (f: string) => (currentLang() === 'en' ? f : f.replace(/(\d)\.(\d)/g, '$1,$2'));
const thisYear = new Date().getFullYear();

interface ScoreBrief { total: number; predikat: string | null; label: string | null }
interface TableData {
  years: number[];
  pemda: { years: Array<{ year: number; score: ScoreBrief | null; evaluated: number }>; followUps: Record<string, number> } | null;
  items: Array<{ unitId: string; name: string; parentName: string | null; depth: number; years: Array<{ year: number; score: ScoreBrief | null; self: ScoreBrief | null; evaluated: number }>; followUps: Record<string, number> }>;
}
interface Node { code: string; title: string; weight: number | null; score: number; max: number; formula: string; answer: { value: string } | null; checklist: { total: number; answered: number; positive: number } | null; children: Node[] }
interface Answer { questionCode: string; ownValue: string | null; ownNote: string | null; evalValue: string | null; evalNote: string | null; evidence: Array<{ id: string; originalName: string }> }
interface LheItem { id: string; seq: number; subComponent: string | null; finding: string; recommendation: string; status: 'open' | 'answered' | 'accepted'; followUp: string | null; reviewNote: string | null; evidence: Array<{ id: string; originalName: string }> }
interface Evaluation {
  target: string;
  year: number;
  unit: { name: string } | null;
  sheet: { kind: string; scope: string; rulebookId: string };
  evaluated: number;
  evaluation: { total: number; band: { code: string; label: string } | null; root: Node; rulebookConfidence: string };
  self: { total: number; band: { code: string } | null } | null;
  answers: Answer[];
  lhe: LheItem[];
  lheIssued: { documentId: string; number: string; documentDate: string; verificationCode: string; status: 'issued' | 'withdrawn' } | null;
  may: { fill: boolean; evaluate: boolean };
}

function Predikat({ s }: { s: ScoreBrief | { code: string } | null | undefined }) {
  const code = s && ('predikat' in s ? s.predikat : s.code);
  if (!code) return <Text span c="dimmed">—</Text>;
  const color = code.startsWith('A') ? 'green' : code.startsWith('B') ? 'teal' : code.startsWith('C') ? 'yellow' : 'red';
  return <Badge color={color} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} miw={36}>{code}</Badge>;
}

function YearSelect({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  return <NativeSelect label={t('sakipEval.year')} value={String(year)} onChange={(e) => onChange(Number(e.currentTarget.value))} data={[0, 1, 2, 3, 4].map((d) => String(thisYear - d))} w={120} />;
}

function UnitsTable() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun') ?? thisYear);
  const q = useQuery({ queryKey: ['sakip-eval', 'table', year], queryFn: () => api<TableData>('/sakip/evaluations', { query: { year } }) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Center p="xl"><Loader /></Center>;
  const cells = (ys: Array<{ score: ScoreBrief | null; evaluated: number }>) =>
    ys.map((y, i) => (
      <Table.Td key={i}>
        {y.score ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={i === ys.length - 1 ? 600 : 400}>{num(y.score.total)}</Text>
            <Predikat s={y.score} />
            {y.evaluated < 12 && <Text size="xs" c="dimmed" title={t('sakipEval.graded')}>{y.evaluated}/12</Text>}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">—</Text>
        )}
      </Table.Td>
    ));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <YearSelect year={year} onChange={(y) => setParams({ tahun: String(y) })} />
        <Anchor href={`/api/sakip/evaluations/export.csv?year=${year}`} data-testid="sakip-eval-csv">{t('sakipEval.csv')}</Anchor>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid="sakip-eval-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sakipEval.unit')}</Table.Th>
              {q.data.years.map((y) => <Table.Th key={y}>{y}</Table.Th>)}
              <Table.Th>{t('sakipEval.followUps')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.pemda && (
              <Table.Tr>
                <Table.Td><Anchor component={Link} to={`/sakip/evaluasi/pemda?tahun=${year}`} fw={600}>{t('sakipEval.pemda')}</Anchor></Table.Td>
                {cells(q.data.pemda.years)}
                <Table.Td>{q.data.pemda.followUps.open} / {q.data.pemda.followUps.answered} / {q.data.pemda.followUps.accepted}</Table.Td>
              </Table.Tr>
            )}
            {q.data.items.map((u) => (
              <Table.Tr key={u.unitId} data-depth={u.depth}>
                <Table.Td style={{ paddingLeft: `calc(var(--table-horizontal-spacing, 10px) + ${Math.min(u.depth, 4) * 20}px)` }}>
                  <Anchor component={Link} to={`/sakip/evaluasi/${u.unitId}?tahun=${year}`} size={u.depth ? 'sm' : undefined}>{u.depth ? '↳ ' : ''}{u.name}</Anchor>
                  {u.parentName && <Text size="xs" c="dimmed">{t('sakipEval.subUnitOf', { parent: u.parentName })}</Text>}
                </Table.Td>
                {cells(u.years)}
                <Table.Td>{u.followUps.open} / {u.followUps.answered} / {u.followUps.accepted}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">{t('sakipEval.followUpsHint')}</Text>
    </Stack>
  );
}

function Worksheet({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun') ?? thisYear);
  const key = ['sakip-eval', scope, year];
  const q = useQuery({ queryKey: key, queryFn: () => api<Evaluation>(`/sakip/evaluations/${scope}/${year}`) });
  const [finding, setFinding] = useState({ subComponent: '', finding: '', recommendation: '' });
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [confirming, setConfirming] = useState(false);
  const [issuing, setIssuing] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = q.data;
  if (!e) return <Center p="xl"><Loader /></Center>;
  const ans = new Map(e.answers.map((a) => [a.questionCode, a]));
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      notifySuccess(ok);
      await qc.invalidateQueries({ queryKey: ['sakip-eval'] });
    } catch (err) {
      notifyError(err);
    }
  };
  const own = (code: string, value: string) => run(() => api('/assessments/answers', { method: 'PUT', body: { ...e.sheet, answers: { [code]: { value, note: ans.get(code)?.ownNote ?? null } } } }), t('sakipEval.saved'));
  const uploadFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<{ id: string }>('/evidence', form);
  };
  /** Attach one more evidence file to a criterion (links are kept; the file is uploaded once). */
  const attach = (code: string, file: File | null) =>
    file &&
    run(async () => {
      const a = ans.get(code);
      const ev = await uploadFile(file);
      await api('/assessments/answers', { method: 'PUT', body: { ...e.sheet, answers: { [code]: { value: a?.ownValue ?? null, note: a?.ownNote ?? null, evidenceIds: [...(a?.evidence.map((x) => x.id) ?? []), ev.id] } } } });
    }, t('sakipEval.saved'));

  const issued = e.lheIssued;
  // What keeps the LHE from being issued (the server refuses the same): no findings, an incomplete grading.
  const issueBlocker = e.lhe.length === 0 ? t('sakipEval.lheNeedsFindings') : e.evaluated < 12 ? t('sakipEval.lheNeedsGrades', { graded: e.evaluated }) : null;
  const issueLhe = async () => {
    setIssuing(true);
    try {
      const r = await api<{ number: string }>(`/sakip/evaluations/${scope}/${year}/lhe/issue`, { method: 'POST' });
      setConfirming(false);
      notifySuccess(t('sakipEval.lheIssuedDone', { number: r.number }));
      await qc.invalidateQueries({ queryKey: ['sakip-eval'] });
    } catch (err) {
      notifyError(err);
    } finally {
      setIssuing(false);
    }
  };

  const evaluate = (code: string, value: string | null, note?: string | null) =>
    run(() => api('/assessments/evaluation', { method: 'PUT', body: { ...e.sheet, answers: { [code]: { value, note: note === undefined ? (ans.get(code)?.evalNote ?? null) : note } } } }), t('sakipEval.saved'));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Anchor component={Link} to={`/sakip/evaluasi?tahun=${year}`} size="sm">← {t('sakipEval.back')}</Anchor>
          <Title order={3}>{e.unit?.name ?? t('sakipEval.pemda')} — {year}</Title>
        </div>
        <YearSelect year={year} onChange={(y) => setParams({ tahun: String(y) })} />
      </Group>
      <Paper withBorder p="md">
        <Group gap="xl">
          {/* Nothing graded yet is not a D: the score and predikat wait for the evaluator's letters. */}
          <div><Text size="xs" c="dimmed">{t('sakipEval.total')}</Text><Text fz={28} fw={700} data-testid="sakip-eval-total">{e.evaluated ? num(e.evaluation.total) : '—'}</Text></div>
          <div>
            <Text size="xs" c="dimmed">{t('sakipEval.predikat')}</Text>
            {e.evaluated ? (
              <Group gap={6}><Predikat s={e.evaluation.band} /><Text size="sm">{e.evaluation.band?.label}</Text>{e.evaluated < 12 && <Text size="xs" c="dimmed">({t('sakipEval.provisional')})</Text>}</Group>
            ) : (
              <Text size="sm" c="dimmed" data-testid="sakip-eval-ungraded">{t('sakipEval.notGraded')}</Text>
            )}
          </div>
          <div><Text size="xs" c="dimmed">{t('sakipEval.graded')}</Text><Text>{e.evaluated} / 12</Text></div>
          <div><Text size="xs" c="dimmed">{t('sakipEval.self')}</Text>{e.self ? <Group gap={6}><Text>{num(e.self.total)}</Text><Predikat s={e.self.band} /></Group> : <Text c="dimmed">—</Text>}</div>
          <UnverifiedBadge confidence={e.evaluation.rulebookConfidence} />
        </Group>
        <Text size="xs" c="dimmed" mt="xs">{t('sakipEval.letterHint')}</Text>
        <Group mt="sm" pt="sm" gap="sm" wrap="wrap" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="sakip-lhe-status">
          <Text size="sm" c="dimmed">{t('sakipEval.lheStatus')}</Text>
          {issued ? (
            <>
              <Badge color={issued.status === 'withdrawn' ? 'red' : 'green'} variant="light" tt="none" style={{ overflow: 'visible' }}>
                {issued.status === 'withdrawn' ? `${t('sakipEval.lheWithdrawn')} · ` : ''}{t('sakipEval.lheIssuedNo', { number: issued.number })}
              </Badge>
              <Text size="sm">{t('sakipEval.lheIssuedOn', { date: formatDate(issued.documentDate) })}</Text>
            </>
          ) : (
            <Badge color="gray" variant="light" tt="none">{t('sakipEval.lheDraft')}</Badge>
          )}
          <Anchor size="sm" href={`/api/sakip/evaluations/${scope}/${year}/lhe.pdf`} target="_blank" data-testid="sakip-lhe-pdf">{issued ? t('sakipEval.lheIssuedPdf') : t('sakipEval.lheDraftPdf')}</Anchor>
          {issued && <Anchor size="sm" href={`/verifikasi/${issued.verificationCode}`} target="_blank">{t('sakipEval.lheVerify')}</Anchor>}
          {e.may.evaluate && (!issued || issued.status === 'withdrawn') && (
            <Button size="xs" ml="auto" leftSection={<IconFileCertificate size={14} />} disabled={!!issueBlocker} title={issueBlocker ?? undefined} onClick={() => setConfirming(true)} data-testid="sakip-lhe-issue">
              {t('sakipEval.lheIssue')}
            </Button>
          )}
        </Group>
        {e.may.evaluate && (!issued || issued.status === 'withdrawn') && issueBlocker && <Text size="xs" c="dimmed" mt={4}>{issueBlocker}</Text>}
      </Paper>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('sakipEval.lheIssueTitle')}>
        <Stack>
          <Text size="sm">{t('sakipEval.lheIssueBody')}</Text>
          <Text size="sm" fw={600}>{t('sakipEval.lheIssueCount', { count: e.lhe.length, total: num(e.evaluation.total), predikat: e.evaluation.band?.code ?? '—' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('sakipEval.cancel')}</Button>
            <Button loading={issuing} onClick={() => void issueLhe()} data-testid="sakip-lhe-issue-confirm">{t('sakipEval.lheIssueConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
      {e.evaluation.root.children.map((c) => (
        <Paper withBorder p="md" key={c.code}>
          <Group justify="space-between"><Title order={4}>{c.code}. {c.title}</Title><Text fw={600}>{num(c.score)} / {num(c.max)}</Text></Group>
          {c.children.map((s) => {
            const a = ans.get(s.code);
            return (
              <Stack key={s.code} gap={4} mt="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
                  <Text fw={600} size="sm" style={{ flex: '1 1 240px' }}>{s.code} {s.title}</Text>
                  <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                    {s.checklist && <Badge variant="outline" color="gray" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>{t('sakipEval.yaShare', { ya: s.checklist.positive, total: s.checklist.total })}</Badge>}
                    {e.may.fill && (
                      <NativeSelect aria-label={t('sakipEval.selfLetter')} title={t('sakipEval.selfLetter')} size="xs" value={a?.ownValue ?? ''} data={[{ value: '', label: t('sakipEval.selfShort') }, ...LETTERS.map((l) => ({ value: l, label: `${t('sakipEval.selfShort')} ${l}` }))]} onChange={(ev) => ev.currentTarget.value && own(s.code, ev.currentTarget.value)} />
                    )}
                    {e.may.evaluate ? (
                      <NativeSelect aria-label={t('sakipEval.letter')} size="xs" value={a?.evalValue ?? ''} data={[{ value: '', label: '—' }, ...LETTERS.map((l) => ({ value: l, label: l }))]} onChange={(ev) => ev.currentTarget.value && evaluate(s.code, ev.currentTarget.value)} />
                    ) : (
                      <Predikat s={a?.evalValue ? { code: a.evalValue } : null} />
                    )}
                    <Text size="sm" ff="monospace" ta="right" style={{ whiteSpace: 'nowrap' }}>{s.answer ? formula(s.formula.replace(/= ([\d.]+)$/, (_m, x) => `= ${Number(x).toFixed(2)}`)) : `${formula(String(s.weight))} × —`}</Text>
                  </Group>
                </Group>
                {e.may.evaluate ? (
                  <TextInput
                    size="xs"
                    key={`${s.code}:${a?.evalNote ?? ''}`}
                    placeholder={t('sakipEval.note')}
                    aria-label={t('sakipEval.note')}
                    defaultValue={a?.evalNote ?? ''}
                    onBlur={(ev) => {
                      const v = ev.currentTarget.value.trim() || null;
                      if (v !== (a?.evalNote ?? null)) void evaluate(s.code, a?.evalValue ?? null, v);
                    }}
                  />
                ) : (
                  a?.evalNote && <Text size="xs" c="dimmed">{t('sakipEval.note')}: {a.evalNote}</Text>
                )}
                <Stack gap={2} pl="md">
                  {s.children.map((k) => {
                    const ka = ans.get(k.code);
                    return (
                      <Group key={k.code} justify="space-between" wrap="nowrap" gap="xs">
                        <Text size="xs" style={{ flex: 1, minWidth: 0 }}>{k.code} {k.title}{ka?.evidence.length ? ` · ${ka.evidence.map((x) => x.originalName).join(', ')}` : ''}</Text>
                        {e.may.fill && (
                          <FileButton onChange={(f) => attach(k.code, f)}>
                            {(props) => (
                              <ActionIcon {...props} variant="subtle" size="sm" aria-label={t('sakipEval.attach')} title={t('sakipEval.attach')} style={{ flexShrink: 0 }}>
                                <IconPaperclip size={14} />
                              </ActionIcon>
                            )}
                          </FileButton>
                        )}
                        {e.may.fill ? (
                          <SegmentedControl size="xs" style={{ flexShrink: 0 }} value={ka?.ownValue ?? ''} data={[{ value: 'Ya', label: 'Ya' }, { value: 'Tidak', label: 'Tidak' }]} onChange={(v) => own(k.code, v)} />
                        ) : (
                          <Text size="xs" fw={600}>{ka?.ownValue ?? '—'}</Text>
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              </Stack>
            );
          })}
        </Paper>
      ))}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('sakipEval.lhe')}</Title>
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="sakip-eval-lhe">
            <Table.Thead><Table.Tr><Table.Th>No</Table.Th><Table.Th>{t('sakipEval.sub')}</Table.Th><Table.Th>{t('sakipEval.finding')}</Table.Th><Table.Th>{t('sakipEval.recommendation')}</Table.Th><Table.Th>{t('sakipEval.followUp')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {e.lhe.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.seq}</Table.Td>
                  <Table.Td>{i.subComponent ?? '—'}</Table.Td>
                  <Table.Td>{i.finding}</Table.Td>
                  <Table.Td>{i.recommendation}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Badge variant="light" color={i.status === 'accepted' ? 'green' : i.status === 'answered' ? 'blue' : 'gray'}>{t(`sakipEval.status.${i.status}`)}</Badge>
                      {i.followUp && <Text size="xs">{i.followUp}</Text>}
                      {i.evidence.map((x) => <Anchor key={x.id} size="xs" href={`/api/evidence/${x.id}/download`}>{x.originalName}</Anchor>)}
                      {i.reviewNote && <Text size="xs" c="orange">{i.reviewNote}</Text>}
                      {e.may.fill && i.status !== 'accepted' && (
                        <Group gap={4} wrap="nowrap">
                          <TextInput size="xs" placeholder={t('sakipEval.followUpPlaceholder')} value={replies[i.id] ?? ''} onChange={(ev) => setReplies({ ...replies, [i.id]: ev.currentTarget.value })} />
                          <FileButton onChange={(f) => setFiles({ ...files, [i.id]: f })}>
                            {(props) => (
                              <ActionIcon {...props} variant={files[i.id] ? 'light' : 'subtle'} aria-label={t('sakipEval.attach')} title={files[i.id]?.name ?? t('sakipEval.attach')}>
                                <IconPaperclip size={14} />
                              </ActionIcon>
                            )}
                          </FileButton>
                          <Button
                            size="xs"
                            disabled={!replies[i.id]?.trim()}
                            onClick={() =>
                              run(async () => {
                                const f = files[i.id];
                                const evidenceIds = f ? [(await uploadFile(f)).id] : undefined;
                                await api(`/sakip/lhe/${i.id}/follow-up`, { method: 'POST', body: { text: replies[i.id], ...(evidenceIds ? { evidenceIds } : {}) } });
                                setFiles({ ...files, [i.id]: null });
                              }, t('sakipEval.saved'))
                            }
                          >
                            {t('sakipEval.send')}
                          </Button>
                        </Group>
                      )}
                      {e.may.evaluate && i.status === 'answered' && (
                        <Group gap={4}>
                          <Button size="xs" color="green" onClick={() => run(() => api(`/sakip/lhe/${i.id}/review`, { method: 'POST', body: { decision: 'accept' } }), t('sakipEval.saved'))}>{t('sakipEval.accept')}</Button>
                          <Button size="xs" variant="default" onClick={() => { const note = window.prompt(t('sakipEval.returnNote')); if (note) void run(() => api(`/sakip/lhe/${i.id}/review`, { method: 'POST', body: { decision: 'return', note } }), t('sakipEval.saved')); }}>{t('sakipEval.return')}</Button>
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {e.lhe.length === 0 && <Text size="sm" c="dimmed">{t('sakipEval.noFindings')}</Text>}
        {issued && <Alert color="green" variant="light" mt="sm" data-testid="sakip-lhe-frozen">{t('sakipEval.lheFrozen')}</Alert>}
        {e.may.evaluate && !issued && (
          <Stack gap="xs" mt="md">
            <Group grow align="flex-start">
              <NativeSelect label={t('sakipEval.sub')} value={finding.subComponent} data={[{ value: '', label: '—' }, ...['1', '2', '3', '4'].flatMap((c) => ['a', 'b', 'c'].map((s) => `${c}.${s}`))]} onChange={(ev) => setFinding({ ...finding, subComponent: ev.currentTarget.value })} style={{ flexGrow: 0 }} w={100} />
              <Textarea label={t('sakipEval.finding')} autosize minRows={2} value={finding.finding} onChange={(ev) => setFinding({ ...finding, finding: ev.currentTarget.value })} />
              <Textarea label={t('sakipEval.recommendation')} autosize minRows={2} value={finding.recommendation} onChange={(ev) => setFinding({ ...finding, recommendation: ev.currentTarget.value })} />
            </Group>
            <Button w="fit-content" disabled={!finding.finding.trim() || !finding.recommendation.trim()} onClick={() => run(async () => { await api(`/sakip/evaluations/${scope}/${year}/lhe`, { method: 'POST', body: { subComponent: finding.subComponent || null, finding: finding.finding, recommendation: finding.recommendation } }); setFinding({ subComponent: '', finding: '', recommendation: '' }); }, t('sakipEval.saved'))}>{t('sakipEval.addFinding')}</Button>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

export default function EvaluationPage() {
  const { scope } = useParams();
  return scope ? <Worksheet scope={scope} /> : <UnitsTable />;
}
