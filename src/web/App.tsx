import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FullPageLoader, RequireAdmin, RequireAuth, RequirePlatformAdmin } from './auth/guards.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';

// One chunk per page: the sign-in page stays small on slow connections.
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.tsx'));
const HomePage = lazy(() => import('./features/home/HomePage.tsx'));
const OrgPage = lazy(() => import('./features/org/OrgPage.tsx'));
const UnitsTab = lazy(() => import('./features/org/UnitsTab.tsx'));
const PositionsTab = lazy(() => import('./features/org/PositionsTab.tsx'));
const PeopleTab = lazy(() => import('./features/org/PeopleTab.tsx'));
const PersonPage = lazy(() => import('./features/org/PersonPage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const EvidencePage = lazy(() => import('./features/evidence/EvidencePage.tsx'));
const AccountPage = lazy(() => import('./features/account/AccountPage.tsx'));
const TenantsPage = lazy(() => import('./features/platform/TenantsPage.tsx'));
const NotFoundPage = lazy(() => import('./features/misc/NotFoundPage.tsx'));
const InnovationHomePage = lazy(() => import('./features/innovation/InnovationHomePage.tsx'));
const InnovationListPage = lazy(() => import('./features/innovation/InnovationListPage.tsx'));
const InnovationFormPage = lazy(() => import('./features/innovation/InnovationFormPage.tsx'));
const InnovationDetailPage = lazy(() => import('./features/innovation/InnovationDetailPage.tsx'));
const IndexPage = lazy(() => import('./features/innovation/IndexPage.tsx'));
// Public pages: no sign-in, outside the app shell.
const PublicLayout = lazy(() => import('./features/public/PublicLayout.tsx'));
const PublicCataloguePage = lazy(() => import('./features/public/PublicCataloguePage.tsx'));
const PublicDetailPage = lazy(() => import('./features/public/PublicDetailPage.tsx'));
// SKM: /skm/:param is the public form for a survey code, the signed-in survey page for an id.
const SkmCodeRoute = lazy(() => import('./features/skm/SkmCodeRoute.tsx'));
const SkmListPage = lazy(() => import('./features/skm/SkmListPage.tsx'));
const SkmSurveyPage = lazy(() => import('./features/skm/SkmSurveyPage.tsx'));
const PublicSkmResultsPage = lazy(() => import('./features/skm/PublicSkmResultsPage.tsx'));
// KIPP: proposal editor and internal competitions.
const ProposalEditorPage = lazy(() => import('./features/kipp/ProposalEditorPage.tsx'));
const KippHomePage = lazy(() => import('./features/kipp/KippHomePage.tsx'));
const CompetitionPage = lazy(() => import('./features/kipp/CompetitionPage.tsx'));
// Official documents kit: letterheads and the numbering register.
const DocumentsPage = lazy(() => import('./features/documents/DocumentsPage.tsx'));
// Notifications and the admin's background jobs.
const NotificationsPage = lazy(() => import('./features/notifications/NotificationsPage.tsx'));
const JobsPage = lazy(() => import('./features/notifications/JobsPage.tsx'));
// SAKIP (issue 11): the shell with its tabs, and a PK's own pages.
const SakipPage = lazy(() => import('./features/sakip/SakipPage.tsx'));
const RealisationPage = lazy(() => import('./features/sakip/RealisationPage.tsx'));
const RecapPage = lazy(() => import('./features/sakip/RecapPage.tsx'));
const SakipEvaluationPage = lazy(() => import('./features/sakip/EvaluationPage.tsx'));
const PlanPage = lazy(() => import('./features/sakip/PlanPage.tsx'));
const PkRegisterPage = lazy(() => import('./features/sakip/PkRegisterPage.tsx'));
const PkPage = lazy(() => import('./features/sakip/PkPage.tsx'));

export function App() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/masuk" element={<LoginPage />} />
        <Route path="/publik" element={<PublicLayout />}>
          <Route index element={<Navigate to="/publik/inovasi" replace />} />
          <Route path="inovasi" element={<PublicCataloguePage />} />
          <Route path="inovasi/:id" element={<PublicDetailPage />} />
          <Route path=":kode/inovasi" element={<PublicCataloguePage />} />
          <Route path=":kode/skm" element={<PublicSkmResultsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="/skm/:param" element={<SkmCodeRoute />}>
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route index element={<SkmSurveyPage />} />
            </Route>
          </Route>
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="/ganti-kata-sandi" element={<ChangePasswordPage />} />
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="organisasi" element={<OrgPage />}>
              <Route index element={<UnitsTab />} />
              <Route path="jabatan" element={<PositionsTab />} />
              <Route path="pegawai" element={<PeopleTab />} />
            </Route>
            <Route path="organisasi/unit" element={<Navigate to="/organisasi" replace />} />
            <Route path="organisasi/pegawai/:id" element={<PersonPage />} />
            <Route element={<RequireAdmin />}>
              <Route path="pengguna" element={<UsersPage />} />
              <Route path="tugas-latar" element={<JobsPage />} />
            </Route>
            <Route path="inovasi" element={<InnovationHomePage />} />
            <Route path="inovasi/daftar" element={<InnovationListPage />} />
            <Route path="inovasi/baru" element={<InnovationFormPage />} />
            <Route path="inovasi/indeks" element={<IndexPage />} />
            <Route path="inovasi/:id" element={<InnovationDetailPage />} />
            <Route path="inovasi/:id/ubah" element={<InnovationFormPage />} />
            <Route path="skm" element={<SkmListPage />} />
            <Route path="proposal/:id" element={<ProposalEditorPage />} />
            <Route path="kompetisi" element={<KippHomePage />} />
            <Route path="kompetisi/:id" element={<CompetitionPage />} />
            <Route path="sakip" element={<SakipPage />}>
              {/* SAKIP tabs: index = PK register, rencana, rekap, evaluasi */}
              <Route path="rekap" element={<RecapPage />} />
              <Route path="evaluasi" element={<SakipEvaluationPage />} />
              <Route path="evaluasi/:scope" element={<SakipEvaluationPage />} />
              <Route path="rencana" element={<PlanPage />} />
              <Route index element={<PkRegisterPage />} />
            </Route>
            <Route path="sakip/pk/:id" element={<PkPage />} />
            {/* SAKIP: a PK's own pages (sakip/pk/:id, sakip/pk/:id/realisasi) */}
            <Route path="sakip/pk/:id/realisasi" element={<RealisationPage />} />
            <Route path="naskah-dinas" element={<DocumentsPage />} />
            <Route path="riwayat" element={<AuditPage />} />
            <Route path="berkas" element={<EvidencePage />} />
            <Route path="akun" element={<AccountPage />} />
            <Route path="notifikasi" element={<NotificationsPage />} />
            <Route element={<RequirePlatformAdmin />}>
              <Route path="platform" element={<TenantsPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
