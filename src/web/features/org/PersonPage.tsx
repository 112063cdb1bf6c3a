import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Breadcrumbs, Button, Card, Center, Grid, Group, Loader, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFiles, IconHistory, IconPencil, IconUserPlus, IconUserX, IconBriefcase } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { validateNip } from '../../../shared/nip.ts';
import { usePerson } from '../../api/queries.ts';
import { AuditList } from '../../components/AuditList.tsx';
import { EvidenceList, EvidenceUpload } from '../../components/evidence.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate, formatNip, todayIso } from '../../components/format.ts';
import NotFoundPage from '../misc/NotFoundPage.tsx';
import { isApiError } from '../../api/client.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { useManageScope } from '../../components/units.tsx';
import { AssignModal, AssignmentKindBadge, EndAssignmentModal } from './assignments.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function SectionTitle({ icon, title }: { icon: React.ReactNode; title: string }) {
  return (
    <Group gap="xs">
      <ThemeIcon variant="light" size="md">
        {icon}
      </ThemeIcon>
      <Title order={3} fz="h5">
        {title}
      </Title>
    </Group>
  );
}

export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const scope = useManageScope();
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<{ id: string; personName: string; positionTitle: string; startDate: string } | null>(null);
  const [auditPage, setAuditPage] = useState(1);
  const mobile = useIsMobile();
  useDocumentTitle(`${person.data?.name ?? t('org.people.detail')} · Serasan`);

  if (person.isLoading)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (isApiError(person.error) && person.error.status === 404) return <NotFoundPage />;
  const p = person.data;
  if (!p) return <ErrorAlert error={person.error} />;
  const canEdit = scope.has(p.unitId);

  const nip = validateNip(p.nip, p.kind, new Date().getFullYear());
  const active = p.assignments.filter((a) => !a.endDate || a.endDate >= todayIso());

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/organisasi" size="sm">
          {t('org.title')}
        </Anchor>
        <Anchor component={Link} to="/organisasi/pegawai" size="sm">
          {t('org.tabs.people')}
        </Anchor>
        <Text size="sm">{p.name}</Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} data-testid="person-title">
            {p.name}
          </Title>
          <Group gap="xs">
            <Text className="serasan-mono" c="dimmed">
              {p.nipFormatted ?? formatNip(p.nip)}
            </Text>
            <Badge variant="light" color={p.kind === 'PPPK' ? 'teal' : 'pemda'}>
              {p.kind}
            </Badge>
            {active.map((a) => (
              <Badge key={a.id} variant="outline" color="gray" tt="none">
                {a.kind !== 'definitif' ? `${t(`org.assign.kindShort.${a.kind}`)} ` : ''}
                {a.positionTitle}
              </Badge>
            ))}
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="person-edit">
              {t('common.edit')}
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAssigning(true)} data-testid="person-assign">
              {t('org.assign.toPosition')}
            </Button>
          </Group>
        )}
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Stack gap="sm">
              <Field label={t('fields.nip')}>
                <span className="serasan-mono">{formatNip(p.nip)}</span>
              </Field>
              <SimpleGrid cols={2} spacing="sm">
                <Field label={t('fields.kind')}>{p.kind}</Field>
                <Field label={t('fields.rank')}>{p.rank ?? '—'}</Field>
              </SimpleGrid>
              <Field label={t('fields.unitId')}>
                {p.unitId ? (
                  <Anchor component={Link} to={`/organisasi/jabatan?unit=${p.unitId}`} size="sm">
                    {p.unitName}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Field>
              {nip.ok && (
                <SimpleGrid cols={2} spacing="sm">
                  <Field label={t('org.people.birthDate')}>{formatDate(nip.parts.birthDate)}</Field>
                  <Field label={t('org.people.sexLabel')}>{t(`org.people.sex.${nip.parts.sex}`)}</Field>
                  <Field label={p.kind === 'PPPK' ? t('org.people.tmtYear') : t('org.people.tmt')}>
                    {nip.parts.tmtMonth ? formatDate(`${nip.parts.tmtYear}-${String(nip.parts.tmtMonth).padStart(2, '0')}-01`).replace(/^1 /, '') : nip.parts.tmtYear}
                  </Field>
                </SimpleGrid>
              )}
              {!nip.ok && <Text size="xs" c="orange.8">{t(`nip.${nip.reason}`, nip.params ?? {})}</Text>}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Stack gap="xs">
              <SectionTitle icon={<IconBriefcase size={18} />} title={t('org.people.assignments')} />

              <Card withBorder p={0}>
                {p.assignments.length === 0 ? (
                  <Text c="dimmed" p="lg" ta="center">
                    {t('org.people.noAssignments')}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={mobile ? 0 : 620}>
                    <Table data-testid="person-assignments">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('fields.positionId')}</Table.Th>
                          <Table.Th visibleFrom="sm">{t('org.assign.kind')}</Table.Th>
                          <Table.Th visibleFrom="sm">{t('org.assign.period')}</Table.Th>
                          <Table.Th visibleFrom="sm">{t('org.assign.decreeNumber')}</Table.Th>
                          {canEdit && <Table.Th />}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {p.assignments.map((a) => (
                          <Table.Tr key={a.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {a.positionTitle}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {a.unitName}
                              </Text>
                              <Group gap={6} hiddenFrom="sm" mt={4}>
                                <AssignmentKindBadge kind={a.kind} />
                                <Text size="xs">
                                  {formatDate(a.startDate)} – {a.endDate ? formatDate(a.endDate) : t('org.assign.current')}
                                </Text>
                                {a.decreeNumber && (
                                  <Text size="xs" c="dimmed">
                                    {t('org.assign.decreeNumber')} {a.decreeNumber}
                                  </Text>
                                )}
                              </Group>
                            </Table.Td>
                            <Table.Td visibleFrom="sm">
                              <AssignmentKindBadge kind={a.kind} />
                            </Table.Td>
                            <Table.Td visibleFrom="sm">
                              <Text size="sm">
                                {formatDate(a.startDate)} –{' '}
                                {a.endDate ? (
                                  formatDate(a.endDate)
                                ) : (
                                  <Badge size="xs" color="teal">
                                    {t('org.assign.current')}
                                  </Badge>
                                )}
                              </Text>
                            </Table.Td>
                            <Table.Td visibleFrom="sm">
                              <Text size="sm">{a.decreeNumber ?? '—'}</Text>
                            </Table.Td>
                            {canEdit && (
                              <Table.Td>
                                {!a.endDate && (
                                  <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconUserX size={14} />} onClick={() => setEnding({ id: a.id, personName: p.name, positionTitle: a.positionTitle, startDate: a.startDate })}>
                                    {t('org.end.button')}
                                  </Button>
                                )}
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Card>
                        </Stack>
            <Stack gap="xs" data-testid="person-riwayat">
              <SectionTitle icon={<IconHistory size={18} />} title={t('nav.riwayat')} />

              <AuditList query={{ entityId: p.id }} page={auditPage} onPage={setAuditPage} pageSize={10} testId="person-audit" showEntity={false} />
                        </Stack>
            <Stack gap="xs">
              <SectionTitle icon={<IconFiles size={18} />} title={t('nav.berkas')} />

              <Stack gap="sm">
                {canEdit && <EvidenceUpload entityType="person" entityId={p.id} />}
                <EvidenceList entityType="person" entityId={p.id} />
              </Stack>
                        </Stack>
          </Stack>
        </Grid.Col>
      </Grid>

      <PersonFormModal opened={editing} onClose={() => setEditing(false)} person={p} />
      <AssignModal opened={assigning} onClose={() => setAssigning(false)} person={{ id: p.id, name: p.name, unitId: p.unitId }} />
      <EndAssignmentModal assignment={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}
