import { Outlet, useLocation, useNavigate } from 'react-router';
import { Tabs } from '@mantine/core';
import { IconBriefcase, IconSitemap, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';

const TABS = [
  { value: '/organisasi', key: 'units', icon: IconSitemap, testId: 'org-tab-unit' },
  { value: '/organisasi/jabatan', key: 'positions', icon: IconBriefcase, testId: 'org-tab-jabatan' },
  { value: '/organisasi/pegawai', key: 'people', icon: IconUser, testId: 'org-tab-pegawai' },
] as const;

export default function OrgPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((x) => x.value === pathname.replace(/\/$/, ''))?.value ?? '/organisasi';
  return (
    <>
      <PageHeader title={t('org.title')} description={t('org.description')} />
      <Tabs value={current} onChange={(v) => v && navigate(v)} keepMounted={false} mb="md">
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} leftSection={<x.icon size={16} />} data-testid={x.testId}>
              {t(`org.tabs.${x.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
