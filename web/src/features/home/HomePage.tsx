import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth";
import { NAV_ITEMS } from "../../app/nav";
import { DASHBOARD_ROLES, OfficeDashboard } from "../dashboard/OfficeDashboard";
import { useTasks } from "../tasks/api";
import { TaskList } from "../tasks/TaskList";

/** Start page: the office dashboard (for the office), my open tasks and the modules I can use. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const tasks = useTasks("open");
  const modules = NAV_ITEMS.filter(
    (i) => i.key !== "home" && i.key !== "tasks" && (!i.roles || hasRole(...i.roles)),
  );
  return (
    <Stack>
      <Title order={2}>{t("home.welcome", { name: user?.displayName ?? "" })}</Title>
      {hasRole(...DASHBOARD_ROLES) ? <OfficeDashboard /> : null}
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t("home.myTasks")}</Title>
          <Anchor component={Link} to="/tasks">
            {t("home.allTasks")}
          </Anchor>
        </Group>
        <TaskList tasks={(tasks.data?.items ?? []).slice(0, 5)} />
      </Stack>
      <Title order={4}>{t("home.modules")}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {modules.map((m) => (
          <Card key={m.key} withBorder component={Link} to={m.path}>
            <Group justify="space-between">
              <Text fw={600}>{t(`nav.${m.label}`)}</Text>
              {!m.available ? <Badge color="gray">{t("nav.soon")}</Badge> : null}
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {t(`home.describe.${m.key}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
