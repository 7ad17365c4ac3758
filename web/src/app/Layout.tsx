import {
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import type { ApiResponse } from "../api/types";
import { api } from "./api";
import { useAuth } from "./auth";
import type { Language } from "./i18n";
import { NAV_ITEMS } from "./nav";

/** Language switch shown in the header and on the login page. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const { setLanguage } = useAuth();
  return (
    <SegmentedControl
      size="xs"
      aria-label="Language / 言語"
      value={i18n.language === "en" ? "en" : "ja"}
      onChange={(value) => void setLanguage(value as Language)}
      data={[
        { value: "ja", label: "日本語" },
        { value: "en", label: "English" },
      ]}
    />
  );
}

/** The frame around every page: header (brand, language, user menu) and the module navigation. */
export function Layout() {
  const { t } = useTranslation();
  const { user, hasRole, logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const taskCount = useQuery({
    queryKey: ["tasks", "count"],
    queryFn: () => api.get<ApiResponse<"/api/tasks/count">>("/api/tasks/count"),
    refetchInterval: 60_000,
  });

  const items = NAV_ITEMS.filter((item) => !item.roles || hasRole(...item.roles));
  const isActive = (path: string) =>
    path === "/" ? location.pathname === "/" : location.pathname.startsWith(path);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <UnstyledButton component={Link} to="/">
              <Text fw={700} size="lg">
                関守{" "}
                <Text span c="dimmed" fw={500}>
                  Sekimori
                </Text>
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Text size="sm">{user?.displayName}</Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user?.username}</Menu.Label>
                <Menu.Item onClick={() => navigate("/account")}>{t("account.title")}</Menu.Item>
                <Menu.Item onClick={() => void logout(false)}>{t("auth.logout")}</Menu.Item>
                <Menu.Item color="red" onClick={() => void logout(true)}>
                  {t("auth.logoutEverywhere")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t("nav.modules")}>
            {items.map((item) => (
              <NavLink
                key={item.key}
                component={Link}
                to={item.path}
                label={t(`nav.${item.label}`)}
                active={isActive(item.path)}
                onClick={close}
                rightSection={
                  item.key === "tasks" && taskCount.data && taskCount.data.open > 0 ? (
                    <Badge size="sm" circle>
                      {taskCount.data.open}
                    </Badge>
                  ) : !item.available ? (
                    <Text size="xs" c="dimmed">
                      {t("nav.soon")}
                    </Text>
                  ) : null
                }
              />
            ))}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
