import { Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi } from "../../app/format";
import { useQuestionnaire, useTrends } from "./api";
import { ApproachesTabs } from "./components";

function Bars({ rows }: { rows: { label: string; count: number; extra?: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Table withRowBorders={false}>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Td w="40%">
              <Text size="sm">{r.label}</Text>
            </Table.Td>
            <Table.Td>
              <Progress value={(r.count / max) * 100} size="lg" aria-label={r.label} />
            </Table.Td>
            <Table.Td w={90} ta="right">
              <Text size="sm">
                {r.count}
                {r.extra ? (
                  <Text span size="xs" c="red">
                    {" "}
                    {r.extra}
                  </Text>
                ) : null}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Reports by channel, by the reporter's department and by month. */
export function TrendsPage() {
  const { t } = useTranslation("approaches");
  const q = useQuestionnaire();
  const [to, setTo] = useState(isoDay(new Date(Date.now() + 86_400_000)));
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 365 * 86_400_000)));
  const trends = useTrends(from, to);
  const channel = (id: string) => bi(q.data?.channels.find((c) => c.id === id)?.label) || id;
  return (
    <Stack>
      <ApproachesTabs />
      <PageHeader
        title={t("trendsPage.title")}
        subtitle={trends.data ? t("trendsPage.total", { count: trends.data.total }) : null}
      />
      <Group>
        <DateField label={t("trendsPage.from")} value={from} onChange={setFrom} />
        <DateField label={t("trendsPage.to")} value={to} onChange={setTo} />
      </Group>
      <ErrorAlert error={trends.error} />
      {trends.isLoading ? <Loader /> : null}
      {trends.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md">
            <Title order={5}>{t("trendsPage.byChannel")}</Title>
            <Bars rows={trends.data.byChannel.map((r) => ({ label: channel(r.channel), count: r.count }))} />
          </Paper>
          <Paper withBorder p="md">
            <Title order={5}>{t("trendsPage.byDepartment")}</Title>
            <Bars
              rows={trends.data.byDepartment.map((r) => ({
                label: r.department ?? t("trendsPage.unknownDepartment"),
                count: r.count,
              }))}
            />
          </Paper>
          <Paper withBorder p="md">
            <Title order={5}>{t("trendsPage.byMonth")}</Title>
            <Bars
              rows={trends.data.byMonth.map((r) => ({
                label: r.month,
                count: r.count,
                extra: r.high > 0 ? t("trendsPage.highCount", { count: r.high }) : undefined,
              }))}
            />
          </Paper>
          <Paper withBorder p="md">
            <Title order={5}>{t("trendsPage.byRisk")}</Title>
            <Bars rows={trends.data.byRisk.map((r) => ({ label: t(`risk.${r.level}`), count: r.count }))} />
          </Paper>
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
