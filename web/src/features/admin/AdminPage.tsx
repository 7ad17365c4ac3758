import { Stack, Tabs } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { RoleRequestsTab } from "../access/RoleRequestsTab";
import { DirectoryTab } from "../directory/DirectoryTab";
import { OrganisationTab } from "../organisation/OrganisationTab";
import { ListsTab } from "../screening/ListsTab";
import { OutboxTab } from "./OutboxTab";
import { UsersTab } from "./UsersTab";

/**
 * Administration tabs. A module adds its admin tab here (screening's Lists tab: snapshots and imports).
 */
export const ADMIN_TABS: { key: string; label: string; element: ReactNode }[] = [
  { key: "users", label: "tabs.users", element: <UsersTab /> },
  { key: "roleRequests", label: "access:requests.tab", element: <RoleRequestsTab /> },
  { key: "lists", label: "tabs.lists", element: <ListsTab /> },
  { key: "outbox", label: "tabs.outbox", element: <OutboxTab /> },
  { key: "organisation", label: "office:organisation.tab", element: <OrganisationTab /> },
  { key: "directory", label: "directory:tab", element: <DirectoryTab /> },
];

export function AdminPage() {
  const { t } = useTranslation("admin");
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname.split("/")[2] || "users";
  return (
    <RequireRole roles={["admin"]}>
      <Stack>
        <PageHeader title={t("title")} />
        <Tabs value={current} onChange={(v) => navigate(`/admin/${v ?? "users"}`)} keepMounted={false}>
          <Tabs.List>
            {ADMIN_TABS.map((tab) => (
              <Tabs.Tab key={tab.key} value={tab.key}>
                {t(tab.label)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {ADMIN_TABS.map((tab) => (
            <Tabs.Panel key={tab.key} value={tab.key} pt="md">
              {tab.element}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </RequireRole>
  );
}
