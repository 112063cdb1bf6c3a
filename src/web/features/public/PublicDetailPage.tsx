import { Link, useParams } from 'react-router';
import { Anchor, Badge, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePublicInnovation } from '../../api/innovations.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate } from '../../components/format.ts';
import { usePublicRegionNav } from './PublicLayout.tsx';
import { BadgeRow, DigitalBadge, Field, LifecycleBadge, StageBadge, UrusanText } from '../innovation/common.tsx';

export default function PublicDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = usePublicInnovation(id);
  const i = q.data;
  usePublicRegionNav(i?.regionCode);
  useDocumentTitle(`${i?.title ?? t('publicCatalog.title')} · Serasan`);

  if (q.isLoading) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (q.error || !i) {
    return (
      <Stack>
        <ErrorAlert error={q.error} />
        <Anchor component={Link} to="/publik/inovasi">
          {t('publicCatalog.backToCatalogue')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="public-detail">
      <Anchor component={Link} to={`/publik/${i.regionCode}/inovasi`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('publicCatalog.backToRegion', { region: i.regionName })}
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Title order={1} fz={{ base: 24, sm: 32 }} style={{ overflowWrap: 'anywhere' }} data-testid="public-detail-title">
          {i.title}
          {i.acronym && (
            <Text span c="dimmed" fz={{ base: 'md', sm: 'lg' }} fw={500}>
              {' '}
              ({i.acronym})
            </Text>
          )}
        </Title>
        <Group gap={6} c="dimmed" wrap="nowrap" align="flex-start">
          <IconMapPin size={16} style={{ flex: 'none', marginTop: 2 }} />
          <Text size="sm">
            {i.regionName}
            {i.unitName ? ` · ${i.unitName}` : ''}
          </Text>
        </Group>
        <BadgeRow>
          <StageBadge stage={i.stage} />
          <Badge variant="light" color="gray">
            {t(`innovation.type.${i.type}`)}
          </Badge>
          <DigitalBadge digital={i.digital} />
          <LifecycleBadge lifecycle={i.lifecycle} />
        </BadgeRow>
      </Stack>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Field label={t('innovation.fields.description')} testId="public-detail-description">
            {i.description}
          </Field>
          {i.goals && <Field label={t('innovation.fields.goals')}>{i.goals}</Field>}
          {i.benefits && <Field label={t('innovation.fields.benefits')}>{i.benefits}</Field>}
          {i.results && <Field label={t('innovation.fields.results')}>{i.results}</Field>}
          {i.videoUrl && (
            <Field label={t('innovation.fields.videoUrl')}>
              <Anchor href={i.videoUrl} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                {i.videoUrl}
              </Anchor>
            </Field>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="public-detail-facts">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          {i.initiatedOn && <Field label={t('innovation.fields.initiatedOn')}>{formatDate(i.initiatedOn)}</Field>}
          {i.trialOn && <Field label={t('innovation.fields.trialOn')}>{formatDate(i.trialOn)}</Field>}
          {i.appliedOn && <Field label={t('innovation.fields.appliedOn')}>{formatDate(i.appliedOn)}</Field>}
          {i.publishedAt && <Field label={t('publicCatalog.publishedAt')}>{formatDate(i.publishedAt)}</Field>}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" mt="sm">
          <Field label={t('innovation.fields.urusanMain')}>
            <UrusanText codes={[i.urusanMain]} />
          </Field>
          {i.urusanOther.length > 0 && (
            <Field label={t('innovation.fields.urusanOther')}>
              <UrusanText codes={i.urusanOther} />
            </Field>
          )}
          {i.legalBasisDoc && <Field label={t('innovation.fields.legalBasisDoc')}>{i.legalBasisDoc}</Field>}
          {i.legalBasisLevel && <Field label={t('innovation.fields.legalBasisLevel')}>{t(`innovation.legalLevel.${i.legalBasisLevel}`)}</Field>}
        </SimpleGrid>
      </Paper>

      {i.replicatedBy && i.replicatedBy.length > 0 && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="public-replicated-by">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
            {t('innovation.replication.replicatedBy')}
          </Text>
          <Stack gap={6}>
            {i.replicatedBy.map((x) => (
              <Group key={x.id} gap="xs" wrap="nowrap">
                {x.confirmedAt && <IconCheck size={14} color="var(--mantine-color-teal-7)" />}
                <Anchor component={Link} to={`/publik/inovasi/${x.id}`} size="sm">
                  {x.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {x.regionName}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}

      {i.attribution && (
        <Text size="xs" c="dimmed">
          {i.attribution}
        </Text>
      )}
    </Stack>
  );
}
