import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useVersions, type DiffPart } from '../../api/kipp.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';

export function VersionDrawer({ proposalId, sectionKey, sectionTitle, onClose }: { proposalId: string; sectionKey: string | null; sectionTitle: string; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const versions = useVersions(proposalId, sectionKey);
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [parts, setParts] = useState<DiffPart[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setParts(null);
    setError(null);
    if (items.length >= 2) {
      setTo(String(items[0]!.version));
      setFrom(String(items[1]!.version));
    } else if (items.length === 1) {
      setTo(String(items[0]!.version));
      setFrom(String(items[0]!.version));
    }
  }, [versions.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const compare = async () => {
    setError(null);
    try {
      const res = await api<{ parts: DiffPart[] }>(`/proposals/${proposalId}/sections/${sectionKey}/diff`, { query: { from, to } });
      setParts(res.parts);
    } catch (e) {
      setError(e);
    }
  };
  const options = items.map((v) => ({ value: String(v.version), label: t('kipp.proposal.history.version', { version: v.version }) }));

  return (
    <Drawer opened={!!sectionKey} onClose={onClose} position="right" size={mobile ? '100%' : 'lg'} title={t('kipp.proposal.history.title', { section: sectionTitle })}>
      <Stack gap="sm" data-testid="version-drawer">
        <ErrorAlert error={versions.error} />
        {items.length > 1 && (
          <Paper withBorder p="sm">
            <Group align="flex-end" gap="xs" wrap="wrap">
              <NativeSelect label={t('kipp.proposal.history.from')} data={options} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="diff-from" />
              <NativeSelect label={t('kipp.proposal.history.to')} data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="diff-to" />
              <Button onClick={() => void compare()} data-testid="diff-compare">
                {t('kipp.proposal.history.compare')}
              </Button>
            </Group>
            <ErrorAlert error={error} />
            {parts && (
              <Stack gap={4} mt="sm">
                <Text size="xs" c="dimmed">
                  {t('kipp.proposal.history.legend')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }} data-testid="diff-result">
                  {parts.map((p, i) => (
                    <span
                      key={i}
                      data-op={p.op}
                      style={
                        p.op === 'add'
                          ? { background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-green-9)' }
                          : p.op === 'del'
                            ? { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', textDecoration: 'line-through' }
                            : undefined
                      }
                    >
                      {p.text}
                    </span>
                  ))}
                </Text>
              </Stack>
            )}
          </Paper>
        )}
        {items.length === 0 && !versions.isLoading && <Alert color="gray">{t('kipp.proposal.history.empty')}</Alert>}
        {items.map((v) => (
          <Paper key={v.version} withBorder p="sm" data-testid="version-item">
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {t('kipp.proposal.history.version', { version: v.version })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('kipp.proposal.history.by', { name: v.savedByName, at: formatDateTime(v.savedAt) })}
              </Text>
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} lineClamp={6} c={v.text ? undefined : 'dimmed'}>
              {v.text || t('kipp.proposal.history.empty')}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Drawer>
  );
}
