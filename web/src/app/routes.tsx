import type { RouteObject } from "react-router";
import { AdminPage } from "../features/admin/AdminPage";
import { AllReportsPage, ApproachesLanding, ApproachesPage } from "../features/approaches/ApproachesPage";
import { ClusterDetailPage, ClustersPage } from "../features/approaches/ClustersPage";
import { ReportDetailPage } from "../features/approaches/ReportDetailPage";
import { ReportFormPage } from "../features/approaches/ReportFormPage";
import { TrendsPage } from "../features/approaches/TrendsPage";
import { AuditPage } from "../features/audit/AuditPage";
import { AccountPage } from "../features/auth/AccountPage";
import { CaseDetailPage } from "../features/cases/CaseDetailPage";
import { CaseEditPage } from "../features/cases/CaseEditPage";
import { CasesPage, FlagPage, FlagsPage } from "../features/cases/CasesPage";
import { ExportPage } from "../features/export/ExportPage";
import { ItemPage } from "../features/export/ItemPage";
import { LicencePage } from "../features/export/LicencePage";
import { HomePage } from "../features/home/HomePage";
import { AlertDetailPage } from "../features/insider/AlertDetailPage";
import { InsiderAlertsPage } from "../features/insider/InsiderAlertsPage";
import { RunsPage } from "../features/insider/RunsPage";
import { SubjectPage } from "../features/insider/SubjectPage";
import { PartiesListPage } from "../features/parties/PartiesListPage";
import { PartyDetailPage } from "../features/parties/PartyDetailPage";
import { PartyEditPage } from "../features/parties/PartyEditPage";
import { PeopleListPage } from "../features/people/PeopleListPage";
import { PersonDetailPage } from "../features/people/PersonDetailPage";
import { ProjectDetailPage } from "../features/projects/ProjectDetailPage";
import { ProjectsPage } from "../features/projects/ProjectsPage";
import { ReviewDetailPage } from "../features/reviews/ReviewDetailPage";
import { ReviewEditPage } from "../features/reviews/ReviewEditPage";
import { ReviewsListPage } from "../features/reviews/ReviewsListPage";
import { ScreeningPage } from "../features/screening/ScreeningPage";
import { TasksPage } from "../features/tasks/TasksPage";
import {
  TrainingDashboardPage,
  TrainingListPage,
  TrainingModulePage,
} from "../features/training/TrainingPages";
import { NotYetAvailable } from "./components/NotYetAvailable";
import { NAV_ITEMS } from "./nav";

/**
 * The pages inside the logged-in layout. A module adds its routes here (importing them from its
 * feature folder) and flips its `available` flag in nav.ts.
 */
const moduleRoutes: RouteObject[] = [
  { path: "/", element: <HomePage /> },
  { path: "/tasks", element: <TasksPage /> },
  { path: "/account", element: <AccountPage /> },
  { path: "/parties", element: <PartiesListPage /> },
  { path: "/parties/new", element: <PartyEditPage /> },
  { path: "/parties/:id", element: <PartyDetailPage /> },
  { path: "/parties/:id/edit", element: <PartyEditPage /> },
  { path: "/audit", element: <AuditPage /> },
  { path: "/reviews", element: <ReviewsListPage /> },
  { path: "/reviews/new", element: <ReviewEditPage /> },
  { path: "/reviews/:id", element: <ReviewDetailPage /> },
  { path: "/reviews/:id/edit", element: <ReviewEditPage /> },
  { path: "/export/items/:id", element: <ItemPage /> },
  { path: "/export/licences/:id", element: <LicencePage /> },
  { path: "/export/*", element: <ExportPage /> },
  { path: "/people", element: <PeopleListPage /> },
  { path: "/people/:id", element: <PersonDetailPage /> },
  { path: "/projects", element: <ProjectsPage /> },
  { path: "/projects/:id", element: <ProjectDetailPage /> },
  { path: "/admin/*", element: <AdminPage /> },
  { path: "/screening/*", element: <ScreeningPage /> },
  { path: "/insider", element: <InsiderAlertsPage /> },
  { path: "/insider/alerts/:id", element: <AlertDetailPage /> },
  { path: "/insider/subjects/:id", element: <SubjectPage /> },
  { path: "/insider/runs", element: <RunsPage /> },
  { path: "/approaches", element: <ApproachesLanding /> },
  { path: "/approaches/mine", element: <ApproachesPage /> },
  { path: "/approaches/new", element: <ReportFormPage /> },
  { path: "/approaches/all", element: <AllReportsPage /> },
  { path: "/approaches/clusters", element: <ClustersPage /> },
  { path: "/approaches/clusters/:id", element: <ClusterDetailPage /> },
  { path: "/approaches/trends", element: <TrendsPage /> },
  { path: "/approaches/:id", element: <ReportDetailPage /> },
  { path: "/approaches/:id/edit", element: <ReportFormPage /> },
  { path: "/cases", element: <CasesPage /> },
  { path: "/cases/new", element: <CaseEditPage /> },
  { path: "/cases/flags", element: <FlagsPage /> },
  { path: "/cases/flags/:id", element: <FlagPage /> },
  { path: "/cases/training", element: <TrainingListPage /> },
  { path: "/cases/training/dashboard", element: <TrainingDashboardPage /> },
  { path: "/cases/training/:slug", element: <TrainingModulePage /> },
  { path: "/cases/:slug", element: <CaseDetailPage /> },
  { path: "/cases/:slug/edit", element: <CaseEditPage /> },
];

const placeholders: RouteObject[] = NAV_ITEMS.filter((item) => !item.available).map((item) => ({
  path: `${item.path}/*`,
  element: <NotYetAvailable module={item.key} />,
}));

export const appRoutes: RouteObject[] = [...moduleRoutes, ...placeholders];
