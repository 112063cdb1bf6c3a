import { Outlet, useLocation, useNavigate } from 'react-router';
import { Tabs } from '@mantine/core';
import { IconChecklist, IconFileAnalytics, IconSignature, IconSitemap } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';

/**
 * The SAKIP module's shell (issue 11): one header and four tabs, each a nested route of `/sakip`
 * (App.tsx): the Perjanjian Kinerja register (index), the plan and pohon kinerja, the quarterly
 * recap with the LKjIP, and the internal SAKIP evaluation. A PK's own pages (`/sakip/pk/:id…`) live
 * outside the tabs.
 */
const TABS = [
  { value: '/sakip', key: 'pk', icon: IconSignature, testId: 'sakip-tab-pk' },
  { value: '/sakip/rencana', key: 'plan', icon: IconSitemap, testId: 'sakip-tab-rencana' },
  { value: '/sakip/rekap', key: 'recap', icon: IconFileAnalytics, testId: 'sakip-tab-rekap' },
  { value: '/sakip/evaluasi', key: 'evaluation', icon: IconChecklist, testId: 'sakip-tab-evaluasi' },
] as const;

export default function SakipPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((x) => x.value !== '/sakip' && pathname.startsWith(x.value))?.value ?? '/sakip';
  return (
    <>
      <PageHeader title={t('sakip.title')} description={t('sakip.description')} />
      <Tabs value={current} onChange={(v) => v && navigate(v)} keepMounted={false} mb="md">
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} leftSection={<x.icon size={16} />} data-testid={x.testId}>
              {t(`sakip.tabs.${x.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
