import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EvidenceList, EvidenceUpload } from '../../components/evidence.tsx';

export default function EvidencePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeader title={t('evidence.title')} description={t('evidence.description')} />
      <EvidenceUpload />
      <EvidenceList />
    </Stack>
  );
}
