import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconGavel } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Position } from '../../api/types.ts';
import { ErrorAlert, notifySuccess } from '../../components/feedback.tsx';

const HEAD_OF_REGION = '__kepala_daerah__';
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/**
 * Decide a competition and issue its SK penetapan on the official documents kit: the signer is
 * the head of region (default) or a head position (resolved at the decree's date by the server);
 * Menimbang/Mengingat default to standard text when left empty. The number comes from the register.
 * Before deciding, the draft (RANCANGAN) can be read as PDF or downloaded as an editable DOCX.
 */
export function DecreeForm({ competitionId, onDone }: { competitionId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const positions = useQuery({ queryKey: ['positions', 'all'], queryFn: async () => (await api<{ items: Position[] }>('/positions')).items, staleTime: 60_000 });
  const [signer, setSigner] = useState<string>(HEAD_OF_REGION);
  const [menimbang, setMenimbang] = useState('');
  const [mengingat, setMengingat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = [
    { value: HEAD_OF_REGION, label: t('docs.decree.headOfRegion') },
    ...(positions.data ?? [])
      .filter((p) => p.isHead)
      .map((p) => ({ value: p.id, label: p.title })),
  ];

  const decide = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = {};
      if (signer !== HEAD_OF_REGION) body.signerPositionId = signer;
      if (lines(menimbang).length) body.menimbang = lines(menimbang);
      if (lines(mengingat).length) body.mengingat = lines(mengingat);
      await api(`/competitions/${competitionId}/decide`, { method: 'POST', body });
      notifySuccess(t('kipp.competition.decided'));
      await onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="decree-form">
      <Text size="sm" c="dimmed">
        {t('kipp.competition.decideConfirm')} {t('docs.decree.numberNote')}
      </Text>
      <Select label={t('docs.decree.signer')} description={t('docs.decree.signerHint')} searchable data={options} value={signer} onChange={(v) => setSigner(v ?? HEAD_OF_REGION)} allowDeselect={false} data-testid="decree-signer" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Textarea label="Menimbang" description={t('docs.decree.linesHint')} autosize minRows={2} value={menimbang} onChange={(e) => setMenimbang(e.currentTarget.value)} data-testid="decree-menimbang" />
        <Textarea label="Mengingat" description={t('docs.decree.linesHint')} autosize minRows={2} value={mengingat} onChange={(e) => setMengingat(e.currentTarget.value)} data-testid="decree-mengingat" />
      </SimpleGrid>
      <Group gap="sm" wrap="wrap">
        <Button color="pemda" leftSection={<IconGavel size={16} />} onClick={() => void decide()} loading={busy} data-testid="decide">
          {t('kipp.competition.decide')}
        </Button>
        <Button component="a" variant="default" href={`/api/competitions/${competitionId}/decree.pdf`} target="_blank" leftSection={<IconFileTypePdf size={16} />} data-testid="decree-draft-pdf">
          {t('docs.decree.draftPdf')}
        </Button>
        <Button component="a" variant="default" href={`/api/competitions/${competitionId}/decree.docx`} download leftSection={<IconFileTypeDocx size={16} />} data-testid="decree-draft-docx">
          {t('docs.decree.draftDocx')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('docs.decree.draftHint')}
      </Text>
      <ErrorAlert error={error} testId="decide-error" />
    </Stack>
  );
}
