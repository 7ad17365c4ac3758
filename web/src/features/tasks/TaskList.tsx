import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { bi, formatDateTime } from "../../app/format";
import { type Task, useCompleteTask } from "./api";

/** A list of tasks with their link, due date and a "done" button. */
export function TaskList({ tasks, showDone = true }: { tasks: Task[]; showDone?: boolean }) {
  const { t } = useTranslation("tasks");
  const complete = useCompleteTask();
  if (tasks.length === 0) return <Text c="dimmed">{t("empty")}</Text>;
  return (
    <Stack gap="xs">
      {tasks.map((task) => {
        const overdue = task.dueAt !== null && Date.parse(task.dueAt) < Date.now() && task.status === "open";
        return (
          <Paper key={task.id} withBorder p="sm" data-testid="task">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                {task.link ? (
                  <Anchor component={Link} to={task.link} fw={600}>
                    {bi(task.title)}
                  </Anchor>
                ) : (
                  <Text fw={600}>{bi(task.title)}</Text>
                )}
                {task.detail ? <Text size="sm">{bi(task.detail)}</Text> : null}
                <Group gap="xs">
                  {task.assigneeRole ? (
                    <Badge variant="light">{t(`roles.${task.assigneeRole}`, { ns: "common" })}</Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(task.createdAt)}
                  </Text>
                  {task.dueAt ? (
                    <Badge color={overdue ? "red" : "gray"} variant="light">
                      {t("due", { date: formatDateTime(task.dueAt) })}
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
              {showDone && task.status === "open" ? (
                <Button
                  size="xs"
                  variant="default"
                  loading={complete.isPending}
                  onClick={() => complete.mutate(task.id)}
                >
                  {t("markDone")}
                </Button>
              ) : null}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
