import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Center,
  Checkbox,
  Grid,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  INITIATOR_CLASSES,
  INNOVATION_STAGES,
  INNOVATION_TYPES,
  INNOVATOR_ROLES,
  LEGAL_BASIS_LEVELS,
  ZCreateInnovationInput,
} from '../../../shared/schemas/innovation.ts';
import { api } from '../../api/client.ts';
import { innovationKeys, useInnovation, type InnovationDetail, type InnovatorRole } from '../../api/innovations.ts';
import { usePeople } from '../../api/queries.ts';
import { applyServerError, ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatNip, todayIso } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { useUnitOptions } from '../../components/units.tsx';
import { requiredMessage, zodErrors } from '../../components/validation.ts';
import { DateField } from '../../components/DateField.tsx';
import { useInnovationAccess } from './access.ts';
import { urusanOptions } from './common.tsx';
import { SimilarPanel } from './SimilarPanel.tsx';

interface InnovatorRow {
  key: string;
  mode: 'person' | 'external';
  personId: string | null;
  personLabel: string | null;
  externalName: string;
  role: InnovatorRole;
}

interface Values {
  title: string;
  acronym: string;
  unitId: string;
  initiatorClass: string;
  type: string;
  digital: boolean;
  urusanMain: string | null;
  urusanOther: string[];
  stage: string;
  initiatedOn: string;
  trialOn: string;
  appliedOn: string;
  description: string;
  goals: string;
  benefits: string;
  results: string;
  legalBasisDoc: string;
  legalBasisLevel: string;
  budget: number | string;
  videoUrl: string;
  innovators: InnovatorRow[];
}

let rowSeq = 0;
const newRow = (p: Partial<InnovatorRow> = {}): InnovatorRow => ({ key: `r${++rowSeq}`, mode: 'person', personId: null, personLabel: null, externalName: '', role: 'anggota', ...p });

function initialValues(r: InnovationDetail | undefined, defaultUnitId: string | null): Values {
  return {
    title: r?.title ?? '',
    acronym: r?.acronym ?? '',
    unitId: r?.unitId ?? defaultUnitId ?? '',
    initiatorClass: r?.initiatorClass ?? 'opd',
    type: r?.type ?? '',
    digital: r?.digital ?? false,
    urusanMain: r?.urusanMain ?? null,
    urusanOther: r?.urusanOther ?? [],
    stage: r?.stage ?? 'inisiatif',
    initiatedOn: r?.initiatedOn ?? '',
    trialOn: r?.trialOn ?? '',
    appliedOn: r?.appliedOn ?? '',
    description: r?.description ?? '',
    goals: r?.goals ?? '',
    benefits: r?.benefits ?? '',
    results: r?.results ?? '',
    legalBasisDoc: r?.legalBasisDoc ?? '',
    legalBasisLevel: r?.legalBasisLevel ?? '',
    budget: r?.budget ?? '',
    videoUrl: r?.videoUrl ?? '',
    innovators: (r?.innovators ?? []).map((i) =>
      newRow({
        mode: i.personId ? 'person' : 'external',
        personId: i.personId,
        personLabel: i.personId ? `${i.personName ?? ''}${i.nip ? ` · ${formatNip(i.nip)}` : ''}` : null,
        externalName: i.externalName ?? '',
        role: i.role,
      }),
    ),
  };
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

/** The request body, with the dates that do not apply to the chosen stage cleared. */
function toBody(v: Values) {
  const stageIdx = INNOVATION_STAGES.indexOf(v.stage as (typeof INNOVATION_STAGES)[number]);
  return {
    title: v.title.trim(),
    acronym: blank(v.acronym),
    unitId: v.unitId,
    initiatorClass: v.initiatorClass || 'opd',
    type: v.type,
    digital: v.digital,
    urusanMain: v.urusanMain || null,
    urusanOther: v.urusanOther.filter((u) => u !== v.urusanMain),
    stage: v.stage,
    initiatedOn: v.initiatedOn,
    trialOn: stageIdx >= 1 ? blank(v.trialOn) : null,
    appliedOn: stageIdx >= 2 ? blank(v.appliedOn) : null,
    description: v.description.trim(),
    goals: blank(v.goals),
    benefits: blank(v.benefits),
    results: blank(v.results),
    legalBasisDoc: blank(v.legalBasisDoc),
    legalBasisLevel: v.legalBasisLevel || null,
    budget: v.budget === '' || v.budget === null ? null : Number(v.budget),
    videoUrl: blank(v.videoUrl),
    innovators: v.innovators
      .filter((i) => (i.mode === 'person' ? !!i.personId : !!i.externalName.trim()))
      .map((i) => (i.mode === 'person' ? { personId: i.personId, role: i.role } : { externalName: i.externalName.trim(), role: i.role })),
  };
}

function validate(v: Values, t: TFunction): Record<string, string> {
  const errors = zodErrors(ZCreateInnovationInput, toBody(v), t);
  if (!v.initiatedOn) errors.initiatedOn = requiredMessage(t);
  // Stage dates follow the stages (the server checks the same).
  if (!errors.trialOn && v.trialOn && v.initiatedOn && v.trialOn < v.initiatedOn && v.stage !== 'inisiatif') errors.trialOn = t('errors.trialBeforeInitiative');
  if (!errors.appliedOn && v.stage === 'penerapan' && v.appliedOn) {
    if (v.initiatedOn && v.appliedOn < v.initiatedOn) errors.appliedOn = t('errors.appliedBeforeInitiative');
    else if (v.trialOn && v.appliedOn < v.trialOn) errors.appliedOn = t('errors.appliedBeforeTrial');
  }
  v.innovators.forEach((i, idx) => {
    if (i.mode === 'external' && i.externalName.trim() && i.externalName.trim().length < 2) errors[`innovators.${idx}.externalName`] = t('zod.tooSmall', { minimum: 2 });
  });
  return errors;
}

/** After a failed save, bring the first field in error (or the form alert) into view. */
function revealFirstProblem() {
  window.setTimeout(() => {
    const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    const target = field ?? document.querySelector<HTMLElement>('[data-testid="innovation-form-error"]');
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field?.focus({ preventScroll: true });
  }, 50);
}

function Section({ title, hint, children, testId }: { title: string; hint?: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid={testId}>
      <Title order={3} fz="h5" mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

export default function InnovationFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const record = useInnovation(id);
  if (id && record.isLoading) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (id && record.error) return <ErrorAlert error={record.error} />;
  return <InnovationForm key={record.data?.id ?? 'new'} record={record.data} t={t} />;
}

function InnovationForm({ record, t }: { record?: InnovationDetail; t: TFunction }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mobile = useIsMobile();
  const access = useInnovationAccess();
  const { options: unitOptions } = useUnitOptions({ activeOnly: true });
  const [error, setError] = useState<string | null>(null);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(record, access.defaultUnitId),
    validate: (v) => validate(v, t),
  });
  const v = form.getValues();

  // A unit role that opens the form before the units load still gets its own unit.
  useEffect(() => {
    if (!record && !form.getValues().unitId && access.defaultUnitId) form.setFieldValue('unitId', access.defaultUnitId);
  }, [access.defaultUnitId]);

  const units = useMemo(() => {
    const allowed = unitOptions.filter((u) => !access.allowedUnitIds || access.allowedUnitIds.has(u.id)).map((u) => ({ value: u.id, label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}` }));
    if (record && !allowed.some((u) => u.value === record.unitId)) allowed.unshift({ value: record.unitId, label: record.unitName ?? record.unitId });
    return allowed;
  }, [unitOptions, access.allowedUnitIds, record]);

  const similarText = `${v.title} ${v.description}`.replace(/\s+/g, ' ').trim();
  const [debouncedText] = useDebouncedValue(similarText, 400);
  const [debouncedTitle] = useDebouncedValue(v.title.trim(), 400);

  const stageIdx = INNOVATION_STAGES.indexOf(v.stage as (typeof INNOVATION_STAGES)[number]);

  const submit = form.onSubmit(
    async (values) => {
      setError(null);
      const body = toBody(values);
      try {
        const saved = record
          ? await api<{ id: string }>(`/innovations/${record.id}`, { method: 'PATCH', body })
          : await api<{ id: string }>('/innovations', { method: 'POST', body });
        await qc.invalidateQueries({ queryKey: innovationKeys.all });
        notifySuccess(record ? t('innovation.form.saved', { title: body.title }) : t('innovation.form.created', { title: body.title }));
        navigate(`/inovasi/${saved.id}`);
      } catch (e) {
        setError(applyServerError(form, e));
        revealFirstProblem();
      }
    },
    () => {
      setError(t('innovation.form.fixErrors'));
      revealFirstProblem();
    },
  );

  const similar = <SimilarPanel text={debouncedText} title={debouncedTitle} excludeId={record?.id} />;

  const identitas = (
    <Section title={t('innovation.form.sections.identity')} testId="section-identity">
      <TextInput label={t('innovation.fields.title')} placeholder={t('innovation.form.titlePlaceholder')} withAsterisk data-testid="innovation-title" {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('innovation.fields.acronym')} placeholder={t('innovation.form.acronymPlaceholder')} data-testid="innovation-acronym" {...form.getInputProps('acronym')} />
        <NativeSelect
          label={t('innovation.fields.initiatorClass')}
          data={INITIATOR_CLASSES.map((c) => ({ value: c, label: t(`innovation.initiator.${c}`) }))}
          data-testid="innovation-initiator"
          {...form.getInputProps('initiatorClass')}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('innovation.fields.unit')}
        withAsterisk
        data={[{ value: '', label: t('org.units.pick') }, ...units]}
        data-testid="innovation-unit"
        {...form.getInputProps('unitId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('innovation.fields.type')}
          withAsterisk
          data={[{ value: '', label: t('innovation.form.pickType') }, ...INNOVATION_TYPES.map((x) => ({ value: x, label: t(`innovation.type.${x}`) }))]}
          data-testid="innovation-type"
          {...form.getInputProps('type')}
        />
        <Box pt={{ base: 0, sm: 28 }}>
          <Checkbox label={t('innovation.form.digitalLabel')} description={t('innovation.form.digitalHint')} data-testid="innovation-digital" {...form.getInputProps('digital', { type: 'checkbox' })} />
        </Box>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('innovation.fields.urusanMain')}
          placeholder={t('innovation.form.pickUrusan')}
          searchable
          clearable
          data={urusanOptions(t)}
          nothingFoundMessage={t('common.noMatches')}
          comboboxProps={{ withinPortal: true }}
          data-testid="innovation-urusan"
          {...form.getInputProps('urusanMain')}
        />
        <MultiSelect
          label={t('innovation.fields.urusanOther')}
          placeholder={v.urusanOther.length ? undefined : t('innovation.form.pickUrusan')}
          searchable
          clearable
          data={urusanOptions(t).map((g) => ({ ...g, items: g.items.filter((i) => i.value !== v.urusanMain) }))}
          maxValues={10}
          nothingFoundMessage={t('common.noMatches')}
          comboboxProps={{ withinPortal: true }}
          data-testid="innovation-urusan-other"
          {...form.getInputProps('urusanOther')}
        />
      </SimpleGrid>
    </Section>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={record ? t('innovation.form.editTitle') : t('innovation.form.createTitle')}
        description={record ? record.title : t('innovation.form.createDescription')}
        actions={
          <Button component={Link} to={record ? `/inovasi/${record.id}` : '/inovasi/daftar'} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
            {record ? t('innovation.detail.back') : t('innovation.nav.list')}
          </Button>
        }
      />
      {record && !record.permissions.update && (
        <Alert color="yellow" data-testid="innovation-readonly">
          {t('innovation.form.noPermission')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <ErrorAlert error={error} testId="innovation-form-error" />
              {identitas}
              {mobile && similar}

              <Section title={t('innovation.form.sections.stage')} hint={t('innovation.form.stageHint')} testId="section-stage">
                <NativeSelect
                  label={t('innovation.fields.stage')}
                  withAsterisk
                  data={INNOVATION_STAGES.map((s) => ({ value: s, label: t(`innovation.stage.${s}`) }))}
                  description={t(`innovation.form.stageExplain.${v.stage}`, { defaultValue: '' })}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data-testid="innovation-stage"
                  {...form.getInputProps('stage')}
                />
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  <DateField label={t('innovation.fields.initiatedOn')} withAsterisk max={todayIso()} data-testid="innovation-initiated" {...form.getInputProps('initiatedOn')} />
                  {stageIdx >= 1 && <DateField label={t('innovation.fields.trialOn')} min={v.initiatedOn || undefined} data-testid="innovation-trial" {...form.getInputProps('trialOn')} />}
                  {stageIdx >= 2 && (
                    <DateField
                      label={t('innovation.fields.appliedOn')}
                      description={!v.appliedOn ? t('innovation.form.appliedHint') : undefined}
                      min={v.trialOn || v.initiatedOn || undefined}
                      data-testid="innovation-applied"
                      {...form.getInputProps('appliedOn')}
                    />
                  )}
                </SimpleGrid>
              </Section>

              <Section title={t('innovation.form.sections.design')} hint={t('innovation.form.designHint')} testId="section-design">
                <Textarea
                  label={t('innovation.fields.description')}
                  description={t('innovation.form.descriptionHint')}
                  withAsterisk
                  autosize
                  minRows={5}
                  maxRows={16}
                  data-testid="innovation-description"
                  {...form.getInputProps('description')}
                />
                <Textarea label={t('innovation.fields.goals')} autosize minRows={2} maxRows={10} data-testid="innovation-goals" {...form.getInputProps('goals')} />
                <Textarea label={t('innovation.fields.benefits')} autosize minRows={2} maxRows={10} data-testid="innovation-benefits" {...form.getInputProps('benefits')} />
                <Textarea label={t('innovation.fields.results')} autosize minRows={2} maxRows={10} data-testid="innovation-results" {...form.getInputProps('results')} />
              </Section>

              <Section title={t('innovation.form.sections.legal')} testId="section-legal">
                <TextInput label={t('innovation.fields.legalBasisDoc')} placeholder={t('innovation.form.legalPlaceholder')} data-testid="innovation-legal-doc" {...form.getInputProps('legalBasisDoc')} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NativeSelect
                    label={t('innovation.fields.legalBasisLevel')}
                    data={[{ value: '', label: '—' }, ...LEGAL_BASIS_LEVELS.map((x) => ({ value: x, label: t(`innovation.legalLevel.${x}`) }))]}
                    data-testid="innovation-legal-level"
                    {...form.getInputProps('legalBasisLevel')}
                  />
                  <NumberInput
                    label={t('innovation.fields.budget')}
                    min={0}
                    thousandSeparator="."
                    decimalSeparator=","
                    prefix="Rp "
                    allowNegative={false}
                    data-testid="innovation-budget"
                    {...form.getInputProps('budget')}
                  />
                </SimpleGrid>
                <TextInput label={t('innovation.fields.videoUrl')} placeholder="https://…" type="url" data-testid="innovation-video" {...form.getInputProps('videoUrl')} />
              </Section>

              <Section title={t('innovation.form.sections.innovators')} hint={t('innovation.form.innovatorsHint')} testId="section-innovators">
                {v.innovators.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('innovation.form.noInnovators')}
                  </Text>
                )}
                {v.innovators.map((row, idx) => (
                  <InnovatorEditor
                    key={row.key}
                    row={row}
                    error={form.errors[`innovators.${idx}.externalName`] as string | undefined}
                    onChange={(patch) => form.setFieldValue(`innovators.${idx}`, { ...row, ...patch })}
                    onRemove={() => form.removeListItem('innovators', idx)}
                  />
                ))}
                <Group>
                  <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('innovators', newRow())} data-testid="innovator-add">
                    {t('innovation.form.addInnovator')}
                  </Button>
                </Group>
              </Section>

              <Group justify="flex-end" gap="xs">
                <Button variant="default" component={Link} to={record ? `/inovasi/${record.id}` : '/inovasi/daftar'}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={form.submitting} data-testid="innovation-submit" disabled={record && !record.permissions.update}>
                  {record ? t('common.save') : t('innovation.form.submitCreate')}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          {!mobile && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Box style={{ position: 'sticky', top: 72 }}>{similar}</Box>
            </Grid.Col>
          )}
        </Grid>
      </form>
    </Stack>
  );
}

function InnovatorEditor({ row, error, onChange, onRemove }: { row: InnovatorRow; error?: string; onChange: (p: Partial<InnovatorRow>) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid="innovator-row">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <SegmentedControl
            size="xs"
            value={row.mode}
            onChange={(m) => onChange({ mode: m as InnovatorRow['mode'] })}
            data={[
              { value: 'person', label: t('innovation.form.innovatorPerson') },
              { value: 'external', label: t('innovation.form.innovatorExternal') },
            ]}
          />
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('innovation.form.removeInnovator')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Box style={{ flex: '2 1 240px' }}>
            {row.mode === 'person' ? (
              <PersonPicker value={row.personId} label={row.personLabel} onChange={(id, label) => onChange({ personId: id, personLabel: label })} />
            ) : (
              <TextInput
                label={t('innovation.form.externalName')}
                placeholder={t('innovation.form.externalPlaceholder')}
                value={row.externalName}
                onChange={(e) => onChange({ externalName: e.currentTarget.value })}
                error={error}
                data-testid="innovator-external"
              />
            )}
          </Box>
          <NativeSelect
            label={t('innovation.form.innovatorRole')}
            data={INNOVATOR_ROLES.map((r) => ({ value: r, label: t(`innovation.role.${r}`) }))}
            value={row.role}
            onChange={(e) => onChange({ role: e.currentTarget.value as InnovatorRole })}
            data-testid="innovator-role"
            style={{ flex: '1 1 150px' }}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Server-side search of the tenant's ASN by name or NIP. */
function PersonPicker({ value, label, onChange }: { value: string | null; label: string | null; onChange: (id: string | null, label: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q: q || undefined, pageSize: 20 }, q.length >= 2);
  const data = useMemo(() => {
    const list = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.nipFormatted ?? formatNip(p.nip)}` }));
    if (value && label && !list.some((o) => o.value === value)) list.unshift({ value, label });
    return list;
  }, [people.data, value, label]);
  return (
    <Select
      label={t('innovation.form.innovatorPerson')}
      placeholder={t('org.assign.searchPerson')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id, opt) => onChange(id, opt?.label ?? null)}
      nothingFoundMessage={q.length < 2 ? t('innovation.form.typeToSearch') : people.isFetching ? t('common.loading') : t('common.noMatches')}
      comboboxProps={{ withinPortal: true }}
      data-testid="innovator-person"
    />
  );
}
