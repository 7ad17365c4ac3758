import { Loader, SegmentedControl, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { useTasks } from "./api";
import { TaskList } from "./TaskList";

/** The inbox: what is waiting on me or my roles. */
export function TasksPage() {
  const { t } = useTranslation("tasks");
  const [status, setStatus] = useState<"open" | "done">("open");
  const tasks = useTasks(status);
  return (
    <Stack maw={900}>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as "open" | "done")}
            data={[
              { value: "open", label: t("open") },
              { value: "done", label: t("done") },
            ]}
          />
        }
      />
      <ErrorAlert error={tasks.error} />
      {tasks.isLoading ? (
        <Loader />
      ) : (
        <TaskList tasks={tasks.data?.items ?? []} showDone={status === "open"} />
      )}
    </Stack>
  );
}
