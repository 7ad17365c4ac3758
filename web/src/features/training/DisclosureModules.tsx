import { Button, Group, MultiSelect, Paper, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi } from "../../app/format";
import { useModules } from "./api";

/**
 * Which modules a disclosure that declares a foreign post, a talent programme or 特定類型 requires
 * (current pass) — the office's choice; none chosen requires none.
 */
export function DisclosureModules({ manager }: { manager: boolean }) {
  const { t } = useTranslation("researchsec");
  const qc = useQueryClient();
  const modules = useModules();
  const current = useQuery({
    queryKey: ["training", "requirements"],
    queryFn: () => api.get<{ disclosureModules: string[] }>("/api/training/requirements"),
  });
  const save = useMutation({
    mutationFn: (disclosureModules: string[]) =>
      api.put<{ disclosureModules: string[] }>("/api/training/requirements", { disclosureModules }),
    onSuccess: (r) => {
      qc.setQueryData(["training", "requirements"], r);
      void qc.invalidateQueries({ queryKey: ["person"] });
      notifications.show({ message: t("disclosureModulesSaved") });
    },
  });
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (current.data) setChosen(current.data.disclosureModules);
  }, [current.data]);
  return (
    <Paper withBorder p="md" data-testid="disclosure-modules">
      <Title order={5} mb="xs">
        {t("disclosureModules")}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("disclosureModulesHint")}
      </Text>
      <Group align="flex-end">
        <MultiSelect
          label={t("disclosureModulesLabel")}
          data={(modules.data?.items ?? []).map((m) => ({ value: m.slug, label: bi(m.title) }))}
          value={chosen}
          onChange={setChosen}
          disabled={!manager}
          style={{ flex: 1 }}
        />
        {manager ? (
          <Button loading={save.isPending} onClick={() => save.mutate(chosen)}>
            {t("save")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={current.error ?? save.error} />
    </Paper>
  );
}
