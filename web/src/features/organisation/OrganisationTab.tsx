import { Button, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/types";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { type OrganisationSettings, useOrganisationSettings } from "../../app/organisation";

/** Admin tab: the organisation's time zone, in which the UI, PDFs and CSV exports show times. */
export function OrganisationTab() {
  const { t } = useTranslation("office");
  const settings = useOrganisationSettings();
  const zones = useQuery({
    queryKey: ["organisation", "time-zones"],
    queryFn: () => api.get<ApiResponse<"/api/organisation/time-zones">>("/api/organisation/time-zones"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [zone, setZone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (timeZone: string) =>
      api.put<OrganisationSettings>("/api/organisation/settings", { timeZone }),
    onSuccess: (data) => {
      queryClient.setQueryData(["organisation", "settings"], data);
      setZone(null);
    },
  });
  const current = settings.data?.timeZone ?? "Asia/Tokyo";
  const chosen = zone ?? current;
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Select
          label={t("organisation.timeZone")}
          description={t("organisation.timeZoneHelp")}
          data={zones.data?.items ?? [current]}
          value={chosen}
          onChange={setZone}
          searchable
          allowDeselect={false}
          data-testid="organisation-time-zone"
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button onClick={() => save.mutate(chosen)} disabled={chosen === current} loading={save.isPending}>
            {t("organisation.save")}
          </Button>
          {save.isSuccess ? (
            <Text size="sm" c="green">
              {t("organisation.saved", { zone: current })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
