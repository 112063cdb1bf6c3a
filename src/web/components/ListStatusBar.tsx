import { Button, Group, Loader, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The line above a filtered list: how many were found, a refetch spinner, and "reset filters". */
export function ListStatusBar({ countText, testId, fetching, canReset, onReset }: { countText: string | null; testId: string; fetching: boolean; canReset: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed" data-testid={testId}>
        {countText ?? ' '}
      </Text>
      <Group gap="xs">
        {fetching && <Loader size="xs" />}
        {canReset && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} />} onClick={onReset}>
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
