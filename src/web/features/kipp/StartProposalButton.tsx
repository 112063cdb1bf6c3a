import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, type ButtonProps } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Proposal } from '../../api/kipp.ts';
import { notifyError } from '../../components/feedback.tsx';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';

/** On the innovation page: start a KIPP proposal from the record and open its editor. */
export function StartProposalButton({ innovationId, size }: { innovationId: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const { user } = useAuth();
  const start = async () => {
    setBusy(true);
    try {
      const p = await api<Proposal>('/proposals', { method: 'POST', body: { innovationId } });
      navigate(`/proposal/${p.id}`);
    } catch (e) {
      notifyError(e);
      setBusy(false);
    }
  };
  if (!hasRole(user, 'admin', 'innovation_team', 'unit_head', 'unit_operator')) return null;
  return (
    <Button size={size} variant="light" leftSection={<IconTrophy size={16} />} onClick={() => void start()} loading={busy} data-testid="innovation-start-proposal">
      {t('kipp.startProposal')}
    </Button>
  );
}
