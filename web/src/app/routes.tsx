import type { RouteObject } from "react-router";
import { AdminPage } from "../features/admin/AdminPage";
import { AuditPage } from "../features/audit/AuditPage";
import { AccountPage } from "../features/auth/AccountPage";
import { HomePage } from "../features/home/HomePage";
import { AlertDetailPage } from "../features/insider/AlertDetailPage";
import { InsiderAlertsPage } from "../features/insider/InsiderAlertsPage";
import { RunsPage } from "../features/insider/RunsPage";
import { SubjectPage } from "../features/insider/SubjectPage";
import { PartiesListPage } from "../features/parties/PartiesListPage";
import { PartyDetailPage } from "../features/parties/PartyDetailPage";
import { PartyEditPage } from "../features/parties/PartyEditPage";
import { TasksPage } from "../features/tasks/TasksPage";
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
  { path: "/admin/*", element: <AdminPage /> },
  { path: "/insider", element: <InsiderAlertsPage /> },
  { path: "/insider/alerts/:id", element: <AlertDetailPage /> },
  { path: "/insider/subjects/:id", element: <SubjectPage /> },
  { path: "/insider/runs", element: <RunsPage /> },
];

const placeholders: RouteObject[] = NAV_ITEMS.filter((item) => !item.available).map((item) => ({
  path: `${item.path}/*`,
  element: <NotYetAvailable module={item.key} />,
}));

export const appRoutes: RouteObject[] = [...moduleRoutes, ...placeholders];
