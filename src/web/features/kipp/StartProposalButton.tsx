import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, type ButtonProps } from '@mantine/core';
import { IconFileText, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useProposals, type Proposal } from '../../api/kipp.ts';
import { notifyError } from '../../components/feedback.tsx';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';

/** The rulebook a new proposal is started under (the server's default). */
const DEFAULT_RULEBOOK = 'kipp-umum-2023';

/**
 * On the innovation page: "Buka proposal" when a proposal of this innovation under the current
 * rulebook (edition) exists — the most recently edited one — otherwise "Buat proposal", which
 * starts one from the record and opens its editor.
 */
export function StartProposalButton({ innovationId, size }: { innovationId: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const { user } = useAuth();
  const existing = useProposals(innovationId);
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
  // The list answers only proposals the user may read, newest edit first.
  const open = existing.data?.items.find((p) => p.innovationId === innovationId && p.rulebookId === DEFAULT_RULEBOOK);
  if (open) {
    return (
      <Button size={size} variant="light" component={Link} to={`/proposal/${open.id}`} leftSection={<IconFileText size={16} />} data-testid="innovation-open-proposal">
        {t('flow.openProposal')}
      </Button>
    );
  }
  if (!hasRole(user, 'admin', 'innovation_team', 'unit_head', 'unit_operator')) return null;
  return (
    <Button size={size} variant="light" leftSection={<IconTrophy size={16} />} onClick={() => void start()} loading={busy || existing.isLoading} data-testid="innovation-start-proposal">
      {t('kipp.startProposal')}
    </Button>
  );
}
