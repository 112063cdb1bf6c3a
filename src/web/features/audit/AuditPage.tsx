import { useSearchParams } from 'react-router';
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { coreId } from '../../../shared/i18n/core.id.ts';
import { useUsers } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { AuditList } from '../../components/AuditList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const ENTITY_TYPES = Object.keys(coreId.entities);
const ACTIONS = Object.keys(coreId.actions);

export default function AuditPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const [params, setParams] = useSearchParams();
  const users = useUsers(isAdmin);
  const get = (k: string) => params.get(k) || null;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const query = {
    entityType: get('entityType'),
    action: get('action'),
    actorId: get('actorId'),
    entityId: get('entityId') ?? undefined,
    from: get('from'),
    to: get('to'),
  };
  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        if (!('page' in patch)) p.delete('page');
        return p;
      },
      { replace: true },
    );
  const anyFilter = Object.values(query).some(Boolean);

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <Select
            label={t('audit.entity')}
            placeholder={t('common.all')}
            clearable
            data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
            value={query.entityType}
            onChange={(v) => set({ entityType: v })}
            data-testid="audit-filter-entity"
          />
          <Select
            label={t('audit.action')}
            placeholder={t('common.all')}
            clearable
            data={ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))}
            value={query.action}
            onChange={(v) => set({ action: v })}
            data-testid="audit-filter-action"
          />
          <Select
            label={t('audit.actor')}
            placeholder={isAdmin ? t('common.all') : t('audit.actorAdminOnly')}
            clearable
            searchable
            disabled={!isAdmin || !users.data}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))}
            value={query.actorId}
            onChange={(v) => set({ actorId: v })}
            data-testid="audit-filter-actor"
          />
          <TextInput type="date" label={t('audit.from')} value={query.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || null })} max={query.to ?? undefined} data-testid="audit-filter-from" />
          <TextInput type="date" label={t('audit.to')} value={query.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || null })} min={query.from ?? undefined} data-testid="audit-filter-to" />
        </SimpleGrid>
        {anyFilter && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={() => setParams({}, { replace: true })}>
              {t('common.resetFilters')}
            </Button>
          </Group>
        )}
      </Paper>
      <AuditList query={query} page={page} onPage={(n) => set({ page: String(n) })} testId="audit-table" />
    </Stack>
  );
}
