import {
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { bi, formatDate } from "../../app/format";
import {
  type AlertStatus,
  type Dashboard,
  INSIDER_READ,
  SEVERITIES,
  SEVERITY_COLOR,
  type Severity,
  STATUS_COLOR,
  STATUSES,
  useAlerts,
  useDashboard,
  useIndicators,
} from "./api";
import { EChart, type EChartOption } from "./EChart";

const OPEN: AlertStatus[] = ["new", "reviewing"];

/** The insider dashboard and alert list: open risk by severity, alerts over time, the queue. */
export function InsiderAlertsPage() {
  return (
    <RequireRole roles={[...INSIDER_READ]}>
      <InsiderAlerts />
    </RequireRole>
  );
}

function InsiderAlerts() {
  const { t } = useTranslation("insider");
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const status: AlertStatus[] =
    statusParam === null
      ? OPEN
      : (statusParam.split(",").filter((s) => (STATUSES as string[]).includes(s)) as AlertStatus[]);
  const severity = (params.get("severity") ?? "") as Severity | "";
  const caseNumber = params.get("case") ?? "";
  const pseudonym = params.get("pseudonym") ?? "";
  const page = Number(params.get("page") ?? "1") || 1;
  const [debouncedPseudonym] = useDebouncedValue(pseudonym, 250);
  const alerts = useAlerts({
    status,
    severity,
    case: caseNumber,
    pseudonym: debouncedPseudonym,
    page,
    pageSize: 25,
  });
  const catalogue = useIndicators();
  const labelOf = useMemo(() => {
    const map = new Map((catalogue.data?.items ?? []).map((i) => [i.id, i.label]));
    return (id: string) => bi(map.get(id)) || id;
  }, [catalogue.data]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || (v === "" && k !== "status")) next.delete(k);
      else next.set(k, v);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const totalPages = alerts.data ? Math.max(1, Math.ceil(alerts.data.total / alerts.data.pageSize)) : 1;

  return (
    <Stack>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Button variant="default" component={Link} to="/insider/runs">
            {t("runs.link")}
          </Button>
        }
      />
      <DashboardPanel />
      <Title order={3}>{t("alerts.title")}</Title>
      <Group align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("alerts.status")}
          </Text>
          <Chip.Group multiple value={status} onChange={(v) => update({ status: (v as string[]).join(",") })}>
            <Group gap={6}>
              {STATUSES.map((s) => (
                <Chip key={s} value={s} size="sm">
                  {t(`status.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <Select
          label={t("alerts.severity")}
          value={severity}
          onChange={(v) => update({ severity: v })}
          data={[
            { value: "", label: t("alerts.all") },
            ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) })),
          ]}
          w={150}
          allowDeselect={false}
        />
        <Select
          label={t("alerts.case")}
          value={caseNumber}
          onChange={(v) => update({ case: v })}
          data={[
            { value: "", label: t("alerts.all") },
            ...(catalogue.data?.cases ?? []).map((c) => ({
              value: String(c.case),
              label: `${c.case}. ${bi(c.label)}`,
            })),
          ]}
          w={300}
          allowDeselect={false}
        />
        <TextInput
          label={t("alerts.pseudonym")}
          placeholder="P-XXXX-XXXX"
          value={pseudonym}
          onChange={(e) => update({ pseudonym: e.currentTarget.value })}
          w={180}
        />
      </Group>
      <ErrorAlert error={alerts.error} />
      <Text size="sm" c="dimmed">
        {t("alerts.count", { count: alerts.data?.total ?? 0 })}
      </Text>
      <Table striped highlightOnHover data-testid="insider-alerts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={96}>{t("alerts.score")}</Table.Th>
            <Table.Th miw={80}>{t("alerts.severity")}</Table.Th>
            <Table.Th>{t("alerts.person")}</Table.Th>
            <Table.Th>{t("alerts.detectors")}</Table.Th>
            <Table.Th>{t("alerts.topIndicators")}</Table.Th>
            <Table.Th miw={130}>{t("alerts.period")}</Table.Th>
            <Table.Th miw={110}>{t("alerts.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(alerts.data?.items ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/insider/alerts/${a.id}`} fw={700}>
                  {a.score.toFixed(1)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={SEVERITY_COLOR[a.severity]}>{t(`severity.${a.severity}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/insider/alerts/${a.id}`} ff="monospace">
                  {a.pseudonym}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[a.role, a.department].filter(Boolean).join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.cases.map((c) => (
                    <Badge key={c} variant="light" size="sm" title={caseTitle(catalogue.data?.cases, c)}>
                      {t("alerts.caseBadge", { n: c })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {a.topIndicators.map((i) => `${labelOf(i.id)} (+${i.weight})`).join(" / ")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {formatDate(a.firstDay)}
                  {a.lastDay !== a.firstDay ? ` – ${formatDate(a.lastDay)}` : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color={STATUS_COLOR[a.status]}>
                  {t(`status.${a.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {totalPages > 1 ? (
        <Pagination total={totalPages} value={page} onChange={(p) => update({ page: String(p) })} />
      ) : null}
    </Stack>
  );
}

function caseTitle(
  cases: { case: number; label: { ja: string; en: string } }[] | undefined,
  n: number,
): string {
  return bi(cases?.find((c) => c.case === n)?.label);
}

/** The budget in force as one sentence (top share of user-days, N a day, or fixed points). */
function budgetText(b: Dashboard["budget"], t: TFunction): string {
  if (b.mode === "percentile")
    return t("dashboard.budgetPercentile", {
      top: Math.round((100 - (b.percentile ?? 100)) * 1000) / 1000,
      windowDays: b.windowDays ?? 90,
    });
  if (b.mode === "topPerDay") return t("dashboard.budgetTopPerDay", { perDay: b.perDay ?? 0 });
  return t("dashboard.budgetFixed", { threshold: b.threshold ?? 0 });
}

/** Open alerts by severity, alerts per day (stacked by severity) and the indicators that fire most. */
function DashboardPanel() {
  const { t } = useTranslation("insider");
  const dashboard = useDashboard();
  const d = dashboard.data;
  const option = useMemo<EChartOption | null>(() => {
    if (!d) return null;
    const colors: Record<Severity, string> = {
      critical: "#e03131",
      high: "#f76707",
      medium: "#f59f00",
      low: "#adb5bd",
    };
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 48 },
      xAxis: { type: "category", data: d.alertsPerDay.map((x) => x.day) },
      yAxis: { type: "value", minInterval: 1 },
      dataZoom: [{ type: "slider", height: 16, bottom: 8 }],
      series: [...SEVERITIES].reverse().map((s) => ({
        name: t(`severity.${s}`),
        type: "bar",
        stack: "alerts",
        itemStyle: { color: colors[s] },
        data: d.alertsPerDay.map((x) => x[s]),
      })),
    };
  }, [d, t]);
  if (dashboard.error) return <ErrorAlert error={dashboard.error} />;
  if (!d) return null;
  return (
    <Stack gap="sm" data-testid="insider-dashboard">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="sm" data-testid="insider-open-alerts">
          <Text size="sm" c="dimmed">
            {t("dashboard.openAlerts")}
          </Text>
          <Text size="xl" fw={700}>
            {d.openAlerts}
          </Text>
          <Text size="xs" c="dimmed">
            {t("dashboard.openAlertsHint", { new: d.byStatus.new, reviewing: d.byStatus.reviewing })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" style={{ gridColumn: "span 2" }} data-testid="insider-budget">
          <Text size="sm" c="dimmed">
            {t("dashboard.budget")}
          </Text>
          <Text fw={600}>{budgetText(d.budget, t)}</Text>
          {d.budget.floor ? (
            <Text size="xs" c="dimmed">
              {t("dashboard.budgetFloor", { floor: d.budget.floor })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t("dashboard.budgetPatterns")}
          </Text>
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {SEVERITIES.map((s) => (
          <Paper key={s} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {t("dashboard.open", { severity: t(`severity.${s}`) })}
            </Text>
            <Text size="xl" fw={700} c={d.openBySeverity[s] > 0 ? SEVERITY_COLOR[s] : undefined}>
              {d.openBySeverity[s]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="sm" style={{ gridColumn: "span 2" }}>
          <Text fw={500} size="sm">
            {t("dashboard.perDay")}
          </Text>
          {option && d.alertsPerDay.length > 0 ? (
            <EChart option={option} height={240} label={t("dashboard.perDay")} />
          ) : (
            <Text c="dimmed" size="sm">
              {t("dashboard.noData")}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={500} size="sm" mb="xs">
            {t("dashboard.topIndicators")}
          </Text>
          <Stack gap={4}>
            {d.topIndicators.slice(0, 8).map((i) => (
              <Group key={i.id} justify="space-between" wrap="nowrap">
                <Text size="sm" lineClamp={1} title={i.id}>
                  {bi(i.label)}
                </Text>
                <Badge variant="light">{i.alerts}</Badge>
              </Group>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="sm">
            {d.data.firstDay
              ? t("dashboard.dataRange", {
                  from: formatDate(d.data.firstDay),
                  to: formatDate(d.data.lastDay),
                  userDays: d.data.userDays.toLocaleString(),
                })
              : t("dashboard.noData")}
          </Text>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
