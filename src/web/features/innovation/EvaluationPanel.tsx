import { useEffect, useState } from 'react';
import { Accordion, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { InnovationScore, RulebookIndicator } from '../../api/innovations.ts';
import { ErrorAlert, notifySuccess } from '../../components/feedback.tsx';

/** The evaluator's side of one indicator as the score API returns it. */
interface EvaluatorSide {
  choice: number;
  note: string | null;
  at: string | null;
}
type Row = { choice: number; note: string };

/**
 * The Tim Inovasi verifies an innovation's SID answers: its own value and note beside the unit's,
 * stored in the one answers store (PUT /api/assessments/evaluation). The unit sees them read-only.
 */
export function EvaluationPanel({ innovationId, score, indicators, canEvaluate }: { innovationId: string; score: InnovationScore; indicators: RulebookIndicator[]; canEvaluate: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const items = score.items.filter((i) => !i.derived);
  const evaluatorOf = (no: string) => (score.items.find((i) => i.indicator === no) as { evaluator?: EvaluatorSide | null } | undefined)?.evaluator ?? null;
  const initial = () => Object.fromEntries(items.map((i) => [i.indicator, { choice: evaluatorOf(i.indicator)?.choice ?? 0, note: evaluatorOf(i.indicator)?.note ?? '' }])) as Record<string, Row>;
  const [rows, setRows] = useState<Record<string, Row>>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setRows(initial()), [score]); // eslint-disable-line react-hooks/exhaustive-deps

  const evaluated = items.filter((i) => evaluatorOf(i.indicator)).length;
  if (!canEvaluate && evaluated === 0) return null;
  const changed = items.filter((i) => {
    const e = evaluatorOf(i.indicator);
    const r = rows[i.indicator];
    return r && (r.choice !== (e?.choice ?? 0) || r.note.trim() !== (e?.note ?? ''));
  });
  const label = (no: string, choice: number) => {
    const ind = indicators.find((x) => x.no === no);
    const p = ind?.params.find((x) => x.value === choice);
    return choice > 0 ? `${choice}. ${p?.label ?? ''}` : t('innovation.score.none');
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const answers = Object.fromEntries(changed.map((i) => [i.indicator, { value: rows[i.indicator].choice > 0 ? String(rows[i.indicator].choice) : null, note: rows[i.indicator].note.trim() || null }]));
      await api('/assessments/evaluation', { method: 'PUT', body: { kind: 'iid', scope: `innovation:${innovationId}`, rulebookId: score.rulebookId, answers } });
      notifySuccess(t('assessment.evaluation.saved'));
      await qc.invalidateQueries({ queryKey: ['innovations', 'score', innovationId] });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Accordion variant="contained" defaultValue={evaluated > 0 ? 'evaluation' : null} data-testid="evaluation-panel">
      <Accordion.Item value="evaluation">
        <Accordion.Control icon={<IconShieldCheck size={18} />}>
          <Group gap="xs">
            <Text fw={600}>{t('assessment.evaluation.title')}</Text>
            <Badge variant="light" color={evaluated ? 'teal' : 'gray'}>
              {t('assessment.evaluation.count', { count: evaluated, total: items.length })}
            </Badge>
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {canEvaluate ? t('assessment.evaluation.hint') : t('assessment.evaluation.readOnly')}
            </Text>
            {items.map((i) => {
              const e = evaluatorOf(i.indicator);
              const r = rows[i.indicator] ?? { choice: 0, note: '' };
              const differs = e && e.choice !== i.choice;
              if (!canEvaluate && !e) return null;
              return (
                <Paper key={i.indicator} withBorder p="xs" data-testid={`evaluation-row-${i.indicator}`}>
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {i.indicator}. {i.name}
                      </Text>
                      {differs && (
                        <Badge color="orange" variant="light" style={{ flex: 'none' }}>
                          {t('assessment.evaluation.differs')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('assessment.evaluation.own')}: {label(i.indicator, i.choice)}
                      {i.note ? ` — ${i.note}` : ''}
                    </Text>
                    {canEvaluate ? (
                      <Group gap="xs" align="flex-end" wrap="wrap">
                        <NativeSelect
                          size="xs"
                          label={t('assessment.evaluation.evaluator')}
                          value={String(r.choice)}
                          onChange={(ev) => {
                            const choice = Number(ev.currentTarget.value);
                            setRows((s) => ({ ...s, [i.indicator]: { ...r, choice } }));
                          }}
                          data={[0, 1, 2, 3].map((v) => ({ value: String(v), label: label(i.indicator, v) }))}
                          w={{ base: '100%', sm: 260 }}
                          data-testid={`evaluation-choice-${i.indicator}`}
                        />
                        <TextInput
                          size="xs"
                          label={t('assessment.evaluation.note')}
                          value={r.note}
                          maxLength={2000}
                          onChange={(ev) => {
                            const note = ev.currentTarget.value;
                            setRows((s) => ({ ...s, [i.indicator]: { ...r, note } }));
                          }}
                          style={{ flex: '1 1 220px' }}
                          data-testid={`evaluation-note-${i.indicator}`}
                        />
                      </Group>
                    ) : (
                      <Text size="sm">
                        {t('assessment.evaluation.evaluator')}: {label(i.indicator, e!.choice)}
                        {e!.note ? ` — ${e!.note}` : ''}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
            <ErrorAlert error={error} testId="evaluation-error" />
            {canEvaluate && (
              <Group justify="flex-end">
                <Button onClick={() => void save()} loading={saving} disabled={!changed.length} leftSection={<IconDeviceFloppy size={16} />} data-testid="evaluation-save">
                  {t('assessment.evaluation.save', { count: changed.length })}
                </Button>
              </Group>
            )}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
