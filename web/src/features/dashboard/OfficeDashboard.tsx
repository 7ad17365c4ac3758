import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiResponse, Item } from "../../api/types";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { EChart, type EChartOption } from "../insider/EChart";

/** The dashboard exactly as GET /api/dashboard answers it (generated from the route schema). */
type Dashboard = ApiResponse<"/api/dashboard">;
type Tile = Item<Item<Dashboard["sections"]>["tiles"]>;

/** Roles that see the office dashboard on their home page. */
export const DASHBOARD_ROLES = ["secretariat", "admin", "auditor"] as const;

const TONE_COLOR: Record<Tile["tone"], string | undefined> = {
  neutral: undefined,
  attention: "orange.7",
  danger: "red.7",
};

export function useDashboard() {
  return useQuery({
    queryKey: ["dashboard"],
    queryFn: () => api.get<Dashboard>("/api/dashboard"),
    // Always fresh when the page opens: the office comes back here right after changing something.
    staleTime: 0,
    refetchInterval: 120_000,
  });
}

function TileCard({ tile }: { tile: Tile }) {
  const { t } = useTranslation("office");
  return (
    <Paper withBorder p="sm" data-testid={`tile-${tile.key}`}>
      <Text size="sm" c="dimmed" data-testid="tile-label">
        {bi(tile.label)}
      </Text>
      <Anchor
        component={Link}
        to={tile.link}
        fz={30}
        fw={700}
        c={TONE_COLOR[tile.tone]}
        underline="hover"
        aria-label={t("dashboard.open", { label: bi(tile.label), count: tile.value })}
        data-testid="tile-value"
      >
        {tile.value.toLocaleString()}
      </Anchor>
      {tile.detail ? (
        <Text size="xs" c="dimmed" data-testid="tile-detail">
          {bi(tile.detail)}
        </Text>
      ) : null}
      {tile.entries && tile.entries.length > 0 ? (
        <Stack gap={2} mt={4} data-testid="tile-entries">
          {tile.entries.map((e) => (
            <Anchor key={e.link} component={Link} to={e.link} size="xs" c={TONE_COLOR[e.tone]}>
              {bi(e.label)}
            </Anchor>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

/** The month's trends: one line per kind of event, days in the organisation's zone. */
function Trends({ trends }: { trends: Dashboard["trends"] }) {
  const { t, i18n } = useTranslation("office");
  // Labels follow the UI language: rebuilt on a language switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: i18n.language changes what bi() returns.
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 36, right: 16, top: 48, bottom: 28 },
      xAxis: { type: "category", data: trends.days.map((d) => formatDate(d).replace(/^\d{4}\//, "")) },
      yAxis: { type: "value", minInterval: 1 },
      series: trends.series.map((s) => ({
        name: bi(s.label),
        type: "line",
        smooth: true,
        symbolSize: 5,
        data: s.values,
      })),
    }),
    [trends, i18n.language],
  );
  return (
    <Paper withBorder p="md" data-testid="dashboard-trends">
      <Title order={5} mb="xs">
        {t("dashboard.trends")}
      </Title>
      <EChart option={option} height={280} label={t("dashboard.trends")} />
    </Paper>
  );
}

/**
 * The security / export-control office's one page: what is waiting (each number opens the filtered
 * list behind it) and the month's trends.
 */
export function OfficeDashboard() {
  const { t } = useTranslation("office");
  const dashboard = useDashboard();
  if (dashboard.isLoading) return <Loader />;
  if (dashboard.error || !dashboard.data) return <ErrorAlert error={dashboard.error} />;
  const d = dashboard.data;
  return (
    <Stack data-testid="office-dashboard">
      <Group justify="space-between" align="baseline">
        <Title order={3}>{t("dashboard.title")}</Title>
        <Text size="xs" c="dimmed">
          {t("dashboard.asOf", { time: formatDateTime(d.generatedAt), zone: d.timeZone })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {d.sections.map((section) => (
          <Paper key={section.key} withBorder p="md" bg="gray.0" data-testid={`section-${section.key}`}>
            <Title order={5} mb="xs">
              {bi(section.title)}
            </Title>
            <SimpleGrid cols={Math.min(section.tiles.length, 3)} spacing="xs">
              {section.tiles.map((tile) => (
                <TileCard key={tile.key} tile={tile} />
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </SimpleGrid>
      <Trends trends={d.trends} />
    </Stack>
  );
}
