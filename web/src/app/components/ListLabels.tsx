import { Alert, Badge, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/types";
import { api } from "../api";
import { bi } from "../format";

function useListLabels() {
  return useQuery({
    queryKey: ["lists", "labels"],
    queryFn: () => api.get<ApiResponse<"/api/lists/labels">>("/api/lists/labels"),
    staleTime: 60_000,
  });
}

/**
 * A list's name in the UI language ("国連安保理 統合制裁リスト" for `un`), for every role that sees a
 * screening result; the id when the list is unknown.
 */
export function useListLabel(): (source: string) => string {
  const labels = useListLabels();
  return (source) => bi(labels.data?.items.find((s) => s.id === source)?.label) || source;
}

/** Lists whose active snapshot is a demo sample (demo/lists), not the official list. */
export function useSampleLists() {
  const labels = useListLabels();
  const items = (labels.data?.items ?? []).filter((s) => s.sample);
  return { items, isSample: (source: string) => items.some((s) => s.id === source) };
}

/**
 * Says, above screening results, that the lists are demo samples — until real lists are imported
 * the hits prove nothing about the official lists.
 */
export function SampleListNotice() {
  const { t } = useTranslation("office");
  const { items } = useSampleLists();
  if (items.length === 0) return null;
  return (
    <Alert color="orange" title={t("samples.title")} data-testid="sample-lists-notice">
      {t("samples.body", { lists: items.map((s) => bi(s.label)).join(t("samples.separator")) })}
    </Alert>
  );
}

/** 「デモ用サンプル」 beside a result that came from a sample list. */
export function SampleBadge({ source }: { source: string }) {
  const { t } = useTranslation("office");
  const { isSample } = useSampleLists();
  if (!isSample(source)) return null;
  return (
    <Tooltip label={t("samples.tooltip")} withArrow multiline maw={320}>
      <Badge color="orange" variant="outline" size="sm" tt="none" data-testid="sample-badge">
        {t("samples.badge")}
      </Badge>
    </Tooltip>
  );
}
