import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Center, Code, Group, Loader, Pagination, Paper, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAudit, type AuditQuery } from '../api/queries.ts';
import type { AuditEntry } from '../api/types.ts';
import { ErrorAlert } from './feedback.tsx';
import { useIsMobile } from './responsive.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';
import { formatNip } from '../../shared/nip.ts';

export const ACTION_COLORS: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  end: 'orange',
  login: 'gray',
  logout: 'gray',
  password_change: 'violet',
  password_reset: 'violet',
  session_revoke: 'grape',
  upload: 'cyan',
  link: 'cyan',
};

/** uuidv7 ids share their (time-based) prefix: the tail is what tells them apart. */
export function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-6)}` : id;
}

export function entityLabel(t: TFunction, type: string): string {
  return t(`entities.${type}`, { defaultValue: type });
}

export function entityHref(type: string, id: string): string | null {
  if (type === 'person') return `/organisasi/pegawai/${id}`;
  if (type === 'position') return null;
  if (type === 'unit') return `/organisasi/jabatan?unit=${id}`;
  if (type === 'innovation') return `/inovasi/${id}`;
  if (type === 'skm_survey') return `/skm/${id}`;
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function renderValue(t: TFunction, v: unknown, field: string, refs: Record<string, string>) {
  if (v === null || v === undefined || v === '') return <Text span c="dimmed" fs="italic" size="sm">{t('audit.empty')}</Text>;
  if (typeof v === 'string' && refs[v]) return <Text span size="sm" title={v}>{refs[v]}</Text>;
  // Dates read as people write them ("17 Agustus 2026"), never as raw ISO text.
  if (typeof v === 'string' && ISO_DATE.test(v)) return <Text span size="sm" title={v}>{formatDate(v)}</Text>;
  if (typeof v === 'string' && ISO_TIME.test(v)) return <Text span size="sm" title={v}>{formatDateTime(v)}</Text>;
  if (field === 'nip' && typeof v === 'string') return <Text span size="sm" ff="monospace">{formatNip(v)}</Text>;
  if (typeof v === 'boolean') return <Text span size="sm">{v ? t('common.yes') : t('common.no')}</Text>;
  if (typeof v === 'object') return <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(v, null, 1)}</Code>;
  return <Text span size="sm" style={{ wordBreak: 'break-word' }}>{String(v)}</Text>;
}

/** The field-by-field before → after of one entry (the Riwayat list and record histories). */
export function Changes({ entry, refs }: { entry: AuditEntry; refs: Record<string, string> }) {
  const { t } = useTranslation();
  const fields = Object.entries(entry.changes ?? {});
  if (!fields.length) return <Text size="sm" c="dimmed">{t('audit.noChanges')}</Text>;
  return (
    <Table withTableBorder withColumnBorders fz="sm" bg="white" data-testid="audit-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="24%">{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map(([field, ch]) => (
          <Table.Tr key={field}>
            <Table.Td fw={500}>{t(`fields.${field}`, { defaultValue: field })}</Table.Td>
            <Table.Td bg="red.0">{renderValue(t, ch?.before, field, refs)}</Table.Td>
            <Table.Td bg="teal.0">{renderValue(t, ch?.after, field, refs)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface Props {
  query: Omit<AuditQuery, 'page' | 'pageSize'>;
  page: number;
  onPage: (p: number) => void;
  pageSize?: number;
  testId?: string;
  showEntity?: boolean;
}

/** Audit entries, newest first, each expandable to its field-by-field before → after. */
export function AuditList({ query, page, onPage, pageSize = 25, testId, showEntity = true }: Props) {
  const { t } = useTranslation();
  const audit = useAudit({ ...query, page, pageSize });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const data = audit.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || pageSize))) : 1;
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const mobile = useIsMobile();
  const cols = mobile ? 3 : showEntity ? 5 : 4;

  return (
    <>
      <ErrorAlert error={audit.error} />
      {data && (
        <Group justify="space-between" mb="xs">
          <Text size="sm" c="dimmed">
            {t('audit.count', { count: data.total, formatted: formatNumber(data.total) })}
          </Text>
          {audit.isFetching && <Loader size="xs" />}
        </Group>
      )}
      <Paper withBorder>
        {audit.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={mobile ? 0 : showEntity ? 680 : 480}>
            <Table data-testid={testId} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  {showEntity && !mobile && <Table.Th>{t('audit.entity')}</Table.Th>}
                  {!mobile && <Table.Th>{t('audit.actor')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data?.items ?? []).length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={cols}>
                      <Text c="dimmed" ta="center" p="md">
                        {t('audit.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {(data?.items ?? []).map((e) => {
                  const isOpen = open.has(e.id);
                  const n = Object.keys(e.changes ?? {}).length;
                  const href = entityHref(e.entityType, e.entityId);
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr className="serasan-row-link" onClick={() => toggle(e.id)} data-testid="audit-row" aria-expanded={isOpen}>
                        <Table.Td>
                          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={isOpen ? t('common.collapse') : t('audit.showChanges')}>
                            {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: mobile ? undefined : 'nowrap' }}>
                            {formatDateTime(e.at)}
                          </Text>
                          {mobile && (
                            <Text size="xs" c="dimmed">
                              {showEntity ? `${entityLabel(t, e.entityType)}${e.entityName ? ` “${e.entityName}”` : ''} · ` : ''}
                              {e.actorName ?? t('audit.system')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Badge size="sm" variant="light" color={ACTION_COLORS[e.action] ?? 'gray'}>
                              {t(`actions.${e.action}`, { defaultValue: e.action })}
                            </Badge>
                            {n > 0 && (
                              <Text size="xs" c="dimmed">
                                {t('audit.fieldsChanged', { count: n })}
                              </Text>
                            )}
                          </Group>
                        </Table.Td>
                        {showEntity && !mobile && (
                          <Table.Td>
                            <Text size="sm">
                              {entityLabel(t, e.entityType)}
                              {' · '}
                              {href ? (
                                <Anchor component={Link} to={href} size="sm" onClick={(ev) => ev.stopPropagation()} className={e.entityName ? undefined : 'serasan-mono'} title={e.entityId} data-testid="audit-entity">
                                  {e.entityName ?? shortId(e.entityId)}
                                </Anchor>
                              ) : (
                                <span className={e.entityName ? undefined : 'serasan-mono'} title={e.entityId} data-testid="audit-entity">
                                  {e.entityName ?? shortId(e.entityId)}
                                </span>
                              )}
                            </Text>
                          </Table.Td>
                        )}
                        {!mobile && (
                          <Table.Td>
                            <Text size="sm">{e.actorName ?? t('audit.system')}</Text>
                          </Table.Td>
                        )}
                      </Table.Tr>
                      {isOpen && (
                        <Table.Tr bg="gray.0">
                          <Table.Td colSpan={cols} p="sm">
                            <Changes entry={e} refs={audit.data?.refs ?? {}} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {pages > 1 && <Pagination mt="sm" value={Math.min(page, pages)} onChange={onPage} total={pages} size="sm" />}
    </>
  );
}
