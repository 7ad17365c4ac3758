import { Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { RequireRole } from "../../app/components/RequireRole";
import { formatDate } from "../../app/format";
import { INSIDER_READ, SEVERITY_COLOR, STATUS_COLOR, useSubject } from "./api";
import { EChart, type EChartOption } from "./EChart";

/** The user risk page: one pseudonymised person's alerts and daily risk score. */
export function SubjectPage() {
  return (
    <RequireRole roles={[...INSIDER_READ]}>
      <Subject />
    </RequireRole>
  );
}

function Subject() {
  const { id } = useParams();
  const { t } = useTranslation("insider");
  const subject = useSubject(id);
  const s = subject.data;
  const option = useMemo<EChartOption | null>(() => {
    if (!s) return null;
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 48 },
      xAxis: { type: "category", data: s.daily.map((d) => d.day) },
      yAxis: { type: "value" },
      dataZoom: [{ type: "slider", height: 16, bottom: 8 }],
      series: [
        {
          name: t("series.score"),
          type: "bar",
          data: s.daily.map((d) => ({
            value: d.score,
            itemStyle: { color: d.alerted ? "#e03131" : "#adb5bd" },
          })),
        },
        { name: t("detail.anomalyPart"), type: "line", data: s.daily.map((d) => d.anomaly) },
      ],
    };
  }, [s, t]);
  if (subject.error) return <ErrorAlert error={subject.error} />;
  if (!s || !option) return <Loader />;
  return (
    <Stack>
      <Anchor component={Link} to="/insider" size="sm">
        ← {t("detail.back")}
      </Anchor>
      <Stack gap={4}>
        <Title order={2} ff="monospace">
          {s.pseudonym}
        </Title>
        <Group gap="xs">
          {s.severity ? (
            <Badge color={SEVERITY_COLOR[s.severity]}>{t(`severity.${s.severity}`)}</Badge>
          ) : null}
          <Text size="sm" c="dimmed">
            {[s.role, s.department].filter(Boolean).join(" · ")}
            {" · "}
            {t("subject.openRisk", { score: s.openRisk.toFixed(1) })}
            {" · "}
            {t("subject.projects", { count: s.projects })}
          </Text>
          {s.watchlists.map((w) => (
            <Badge key={w} variant="light" color="grape">
              {t(`watchlist.${w}`, { defaultValue: w })}
            </Badge>
          ))}
          {!s.inDirectory ? <Badge color="gray">{t("subject.notInDirectory")}</Badge> : null}
        </Group>
      </Stack>
      <Paper withBorder p="sm">
        <Title order={4}>{t("subject.daily")}</Title>
        <EChart option={option} height={260} label={t("subject.daily")} />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={4} mb="xs">
          {t("subject.alerts")}
        </Title>
        <Table striped>
          <Table.Tbody>
            {s.alerts.map((a) => (
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
                  {formatDate(a.firstDay)}
                  {a.lastDay !== a.firstDay ? ` – ${formatDate(a.lastDay)}` : ""}
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
      </Paper>
    </Stack>
  );
}
