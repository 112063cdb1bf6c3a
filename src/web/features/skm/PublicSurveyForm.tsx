/**
 * The citizen's survey form (/skm/:code): no sign-in, no app shell, phone first. One scrolling
 * list: an optional profile, the questions in questionnaire order, an optional suggestion.
 * Answers live in sessionStorage until they are received, so a failed submission (slow or lost
 * connection, expired form) can be sent again without answering again.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Box, Button, Card, Center, Container, Group, Loader, NativeSelect, Progress, Radio, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconChartBar, IconCircleCheck, IconLock, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api/client.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { formatDate } from '../../components/format.ts';
import i18n from '../../i18n.ts';
import type { PublicForm } from './api.ts';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from './common.tsx';
import classes from './skm.module.css';

interface Draft {
  answers: Record<string, number>;
  profile: { sex?: string; ageBand?: string; education?: string; occupation?: string };
  suggestion: string;
}

const EMPTY: Draft = { answers: {}, profile: {}, suggestion: '' };
const storageKey = (code: string) => `serasan.skm.${code.toUpperCase()}`;

function loadDraft(code: string): Draft {
  try {
    const raw = sessionStorage.getItem(storageKey(code));
    if (!raw) return EMPTY;
    const d = JSON.parse(raw) as Partial<Draft>;
    return { answers: d.answers ?? {}, profile: d.profile ?? {}, suggestion: d.suggestion ?? '' };
  } catch {
    return EMPTY;
  }
}

function saveDraft(code: string, d: Draft | null) {
  try {
    if (d) sessionStorage.setItem(storageKey(code), JSON.stringify(d));
    else sessionStorage.removeItem(storageKey(code));
  } catch {
    /* private mode: the answers stay in memory */
  }
}

/** Plain fetch: the public endpoints need neither the session nor a CSRF token. */
async function publicCall<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      // No extra header on the GET: it must match the page's preload (Link header, app.ts) to reuse it.
      headers: body ? { accept: 'application/json', 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.errors.network'));
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* a proxy's error page */
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: Array<{ field?: string; message?: string }> } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? i18n.t('common.errors.http', { status: res.status }), err?.details ?? []);
  }
  return json as T;
}

const isTokenError = (e: unknown) => isApiError(e) && e.status === 400 && e.details.some((d) => d.field === 'formToken');
const isReplay = (e: unknown) => isApiError(e) && e.status === 409 && e.details.some((d) => d.field === 'formToken');

type Phase = 'form' | 'thanks' | 'closed';

export function PublicSurveyForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const form = useQuery({
    queryKey: ['skm', 'public-form', code.toUpperCase()],
    queryFn: () => publicCall<PublicForm>('GET', `/api/public/skm/${encodeURIComponent(code)}`),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: (n, e) => n < 3 && !(isApiError(e) && e.status >= 400 && e.status < 500),
  });
  const [draft, setDraft] = useState<Draft>(() => loadDraft(code));
  const [phase, setPhase] = useState<Phase>('form');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const honeypot = useRef<HTMLInputElement>(null);
  const data = form.data;
  useDocumentTitle(data ? `${t('skm.form.docTitle')} · ${data.serviceName}` : t('skm.form.docTitle'));

  useEffect(() => {
    if (phase === 'form') saveDraft(code, draft);
  }, [code, draft, phase]);

  const questions = data?.questions ?? [];
  const answered = questions.filter((q) => draft.answers[q.unsur]).length;
  const missing = useMemo(() => questions.filter((q) => !draft.answers[q.unsur]), [questions, draft.answers]);

  const scrollToQuestion = (unsur: string) => {
    const el = document.getElementById(`skm-q-${unsur}`);
    el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const answer = (unsur: string, value: number) => {
    const first = !draft.answers[unsur];
    setDraft((d) => ({ ...d, answers: { ...d.answers, [unsur]: value } }));
    setError(null);
    // Move on to the next open question the first time a question is answered.
    if (first) {
      const idx = questions.findIndex((q) => q.unsur === unsur);
      const next = questions.slice(idx + 1).find((q) => !draft.answers[q.unsur]);
      if (next) window.setTimeout(() => scrollToQuestion(next.unsur), 180);
      else window.setTimeout(() => document.getElementById('skm-suggestion-box')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 180);
    }
  };

  const setProfile = (k: keyof Draft['profile'], v: string) => setDraft((d) => ({ ...d, profile: { ...d.profile, [k]: v || undefined } }));

  const restart = async () => {
    setDraft(EMPTY);
    saveDraft(code, null);
    setShowMissing(false);
    setError(null);
    await form.refetch();
    setPhase('form');
    window.scrollTo({ top: 0 });
  };

  const submit = async () => {
    if (!data) return;
    if (missing.length) {
      setShowMissing(true);
      setError(t('skm.form.missing', { n: missing.length }));
      scrollToQuestion(missing[0]!.unsur);
      return;
    }
    setSending(true);
    setError(null);
    const body = (formToken: string) => ({
      answers: Object.fromEntries(questions.map((q) => [q.unsur, draft.answers[q.unsur]])),
      profile: Object.fromEntries(Object.entries(draft.profile).filter(([, v]) => v)),
      suggestion: draft.suggestion.trim() || undefined,
      formToken,
      website: honeypot.current?.value ?? '',
    });
    try {
      let token = data.formToken;
      for (let attempt = 0; ; attempt++) {
        try {
          if (!token) throw new ApiError(409, 'CONFLICT', '');
          await publicCall('POST', `/api/public/skm/${encodeURIComponent(code)}/responses`, body(token));
          saveDraft(code, null);
          setPhase('thanks');
          window.scrollTo({ top: 0 });
          return;
        } catch (e) {
          if (isTokenError(e) && attempt === 0) {
            // The form was open too long (or the server restarted): get a new form token, once.
            const fresh = await form.refetch();
            if (fresh.data?.closed) throw new ApiError(409, 'CONFLICT', '');
            token = fresh.data?.formToken ?? null;
            continue;
          }
          throw e;
        }
      }
    } catch (e) {
      if (isReplay(e)) {
        // This very form was already received (a lost answer, a double tap): the answers are in.
        saveDraft(code, null);
        setPhase('thanks');
      } else if (isApiError(e) && e.status === 409) {
        setPhase('closed');
      } else if (isApiError(e) && e.status === 429) {
        setError(t('skm.form.tooMany'));
      } else if (isApiError(e) && e.status === 0) {
        setError(t('skm.form.offline'));
      } else {
        setError(isApiError(e) ? e.message : t('common.errors.unknown'));
      }
    } finally {
      setSending(false);
    }
  };

  const closed = phase === 'closed' || (data?.closed && phase !== 'thanks');
  const resultsLink = data ? `/publik/${data.regionCode}/skm` : null;

  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="pemda.9" c="white" py={8}>
        <Container size={560} px="sm">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
              <span className="serasan-logo-mark" style={{ background: '#fff', color: 'var(--mantine-color-pemda-9)', width: 28, height: 28, fontSize: 16 }} aria-hidden>
                S
              </span>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={700} lh={1.2} c="white" truncate="end">
                  {data?.regionName ?? 'Serasan'}
                </Text>
                <Text size="xs" c="pemda.1" lh={1.2} truncate="end">
                  {t('skm.form.brand')}
                </Text>
              </Stack>
            </Group>
            <LangSwitch />
          </Group>
        </Container>
      </Box>

      <Container size={560} px="sm" py="md" w="100%" style={{ flex: 1 }}>
        {form.isLoading && (
          <Center h={240}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}

        {form.error && !data && (
          <Stack>
            <Alert color="red" icon={<IconAlertCircle />} title={t('skm.form.loadErrorTitle')} data-testid="skm-error" role="alert">
              {isApiError(form.error) && form.error.status === 404 ? t('skm.form.notFound') : isApiError(form.error) && form.error.status === 0 ? t('skm.form.offlineLoad') : (form.error as Error).message}
            </Alert>
            {!(isApiError(form.error) && form.error.status === 404) && (
              <Button size="lg" onClick={() => void form.refetch()}>
                {t('common.retry')}
              </Button>
            )}
          </Stack>
        )}

        {data && phase === 'thanks' && (
          <Card withBorder padding="lg" radius="md" data-testid="skm-thanks">
            <Stack align="center" gap="sm" ta="center">
              <ThemeIcon size={64} radius={64} color="green" variant="light">
                <IconCircleCheck size={40} />
              </ThemeIcon>
              <Title order={2} fz="h3">
                {t('skm.form.thanksTitle')}
              </Title>
              <Text>{t('skm.form.thanksBody', { unit: data.unitName })}</Text>
              <Stack gap="xs" w="100%" mt="sm">
                {resultsLink && (
                  <Button component={Link} to={resultsLink} size="md" variant="light" leftSection={<IconChartBar size={18} />} data-testid="skm-thanks-results">
                    {t('skm.form.seeResults')}
                  </Button>
                )}
                <Button size="md" variant="subtle" onClick={() => void restart()} data-testid="skm-again">
                  {t('skm.form.again')}
                </Button>
              </Stack>
            </Stack>
          </Card>
        )}

        {data && closed && (
          <Card withBorder padding="lg" radius="md" data-testid="skm-closed">
            <Stack align="center" gap="sm" ta="center">
              <ThemeIcon size={64} radius={64} color="gray" variant="light">
                <IconLock size={36} />
              </ThemeIcon>
              <Title order={2} fz="h3">
                {t('skm.form.closedTitle')}
              </Title>
              <Text>{t('skm.form.closedBody', { service: data.serviceName, unit: data.unitName })}</Text>
              <Text size="sm" c="dimmed">
                {t('skm.form.period', { start: formatDate(data.periodStart), end: formatDate(data.periodEnd) })}
              </Text>
              {resultsLink && (
                <Button component={Link} to={resultsLink} size="md" variant="light" leftSection={<IconChartBar size={18} />} mt="sm">
                  {t('skm.form.seeResults')}
                </Button>
              )}
            </Stack>
          </Card>
        )}

        {data && !closed && phase === 'form' && (
          <form
            data-testid="skm-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Stack gap="md">
              <Stack gap={4}>
                <Text size="xs" tt="uppercase" fw={700} c="pemda.7">
                  {t('skm.form.kicker')}
                </Text>
                <Title order={1} fz={24} lh={1.25} data-testid="skm-form-service">
                  {data.serviceName}
                </Title>
                <Text size="sm">{data.unitName}</Text>
                <Text size="sm" c="dimmed">
                  {t('skm.form.period', { start: formatDate(data.periodStart), end: formatDate(data.periodEnd) })}
                </Text>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('skm.form.intro', { total: questions.length })}
                </Text>
              </Stack>

              <div className={classes.sticky} aria-live="polite">
                <Group justify="space-between" mb={4} gap="xs">
                  <Text size="sm" fw={600} data-testid="skm-progress">
                    {t('skm.form.progress', { done: answered, total: questions.length })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('skm.form.anonymous')}
                  </Text>
                </Group>
                <Progress value={questions.length ? (answered / questions.length) * 100 : 0} size="md" radius="xl" aria-hidden />
              </div>

              <Card withBorder radius="md" padding="md">
                <Stack gap="sm">
                  <div>
                    <Text fw={650}>{t('skm.form.profileTitle')}</Text>
                    <Text size="sm" c="dimmed">
                      {t('skm.form.profileHint')}
                    </Text>
                  </div>
                  <Radio.Group
                    label={t('skm.profile.sex')}
                    value={draft.profile.sex ?? ''}
                    onChange={(v) => setProfile('sex', v === draft.profile.sex ? '' : v)}
                    name="skm-sex"
                    data-testid="skm-profile-sex"
                  >
                    <Group grow gap="xs" mt={6} wrap="nowrap">
                      {SEXES.map((s) => (
                        <Radio.Card key={s} value={s} className={classes.answer} withBorder={false} data-testid={`skm-profile-sex-${s}`}>
                          <Radio.Indicator size="sm" />
                          <Text size="md">{t(`skm.profile.sexes.${s}`)}</Text>
                        </Radio.Card>
                      ))}
                    </Group>
                  </Radio.Group>
                  <NativeSelect
                    label={t('skm.profile.ageBand')}
                    size="md"
                    value={draft.profile.ageBand ?? ''}
                    onChange={(e) => setProfile('ageBand', e.currentTarget.value)}
                    data={[{ value: '', label: t('skm.form.choose') }, ...AGE_BANDS.map((v) => ({ value: v, label: t(`skm.profile.ageBands.${v}`) }))]}
                    data-testid="skm-profile-age"
                  />
                  <NativeSelect
                    label={t('skm.profile.education')}
                    size="md"
                    value={draft.profile.education ?? ''}
                    onChange={(e) => setProfile('education', e.currentTarget.value)}
                    data={[{ value: '', label: t('skm.form.choose') }, ...EDUCATIONS.map((v) => ({ value: v, label: t(`skm.profile.educations.${v}`) }))]}
                    data-testid="skm-profile-education"
                  />
                  <NativeSelect
                    label={t('skm.profile.occupation')}
                    size="md"
                    value={draft.profile.occupation ?? ''}
                    onChange={(e) => setProfile('occupation', e.currentTarget.value)}
                    data={[{ value: '', label: t('skm.form.choose') }, ...OCCUPATIONS.map((v) => ({ value: v, label: t(`skm.profile.occupations.${v}`) }))]}
                    data-testid="skm-profile-occupation"
                  />
                </Stack>
              </Card>

              {questions.map((q) => {
                const isMissing = showMissing && !draft.answers[q.unsur];
                return (
                  <Card
                    key={q.unsur}
                    id={`skm-q-${q.unsur}`}
                    withBorder
                    radius="md"
                    padding="md"
                    className={isMissing ? classes.questionMissing : undefined}
                    data-testid="skm-question"
                    data-unsur={q.unsur}
                    style={{ scrollMarginTop: 64 }}
                  >
                    <Radio.Group
                      value={draft.answers[q.unsur] ? String(draft.answers[q.unsur]) : ''}
                      onChange={(v) => answer(q.unsur, Number(v))}
                      name={`skm-${q.unsur}`}
                      label={
                        <Stack gap={4} component="span">
                          <Text component="span" size="xs" fw={700} c="pemda.7" tt="uppercase">
                            {t('skm.form.questionOf', { n: q.no, total: questions.length })} · {q.name}
                          </Text>
                          <Text component="span" size="md" fw={600} lh={1.4}>
                            {q.question}
                          </Text>
                        </Stack>
                      }
                      error={isMissing ? t('skm.form.required') : undefined}
                      styles={{ label: { display: 'block', marginBottom: 10 } }}
                    >
                      <Stack gap={8}>
                        {q.answers.map((a) => (
                          <Radio.Card key={a.value} value={String(a.value)} className={classes.answer} withBorder={false} data-testid={`skm-answer-${q.unsur}-${a.value}`}>
                            <Radio.Indicator size="md" />
                            <Text size="md" lh={1.3}>
                              {a.label}
                            </Text>
                          </Radio.Card>
                        ))}
                      </Stack>
                    </Radio.Group>
                  </Card>
                );
              })}

              <Card withBorder radius="md" padding="md" id="skm-suggestion-box" style={{ scrollMarginTop: 64 }}>
                <Textarea
                  label={t('skm.form.suggestion')}
                  description={t('skm.form.suggestionHint')}
                  autosize
                  minRows={3}
                  maxRows={8}
                  maxLength={2000}
                  size="md"
                  value={draft.suggestion}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setDraft((d) => ({ ...d, suggestion: v }));
                  }}
                  data-testid="skm-suggestion"
                />
              </Card>

              {/* Honeypot: people never see or reach it; form-filling bots do. */}
              <div className={classes.honeypot} aria-hidden="true">
                <label htmlFor="skm-website">Website</label>
                <input ref={honeypot} id="skm-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
              </div>

              {error && (
                <Alert color="red" icon={<IconAlertCircle />} data-testid="skm-error" role="alert">
                  {error}
                </Alert>
              )}

              <Button type="submit" size="lg" fullWidth loading={sending} leftSection={<IconSend size={20} />} data-testid="skm-submit" h={56}>
                {t('skm.form.submit')}
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                {t('skm.form.privacy')}
              </Text>
            </Stack>
          </form>
        )}
      </Container>

      <Box component="footer" py="sm">
        <Container size={560} px="sm">
          <Text size="xs" c="dimmed" ta="center">
            {t('skm.form.footer')}
            {resultsLink && (
              <>
                {' · '}
                <Anchor component={Link} to={resultsLink} size="xs" underline="always">
                  {t('skm.form.resultsLink')}
                </Anchor>
              </>
            )}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
