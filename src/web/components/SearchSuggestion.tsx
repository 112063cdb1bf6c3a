import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "Mungkin maksud Anda: …" under an empty search result: the titles the server found for the
 * corrected query (`suggestions` of the list and catalogue responses). Clicking one searches it.
 */
export function SearchSuggestion({ suggestions, onPick }: { suggestions?: string[]; onPick: (q: string) => void }) {
  const { t } = useTranslation();
  if (!suggestions?.length) return null;
  return (
    <Group gap={6} justify="center" mt="xs" data-testid="search-suggestion">
      <Text size="sm">{t('search.didYouMean')}</Text>
      {suggestions.map((s, i) => (
        <Anchor key={s} component="button" type="button" size="sm" fw={600} onClick={() => onPick(s)} data-testid="search-suggestion-item">
          {s}
          {i < suggestions.length - 1 ? ',' : ''}
        </Anchor>
      ))}
    </Group>
  );
}
