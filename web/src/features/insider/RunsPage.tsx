import { Anchor, Badge, Button, Code, Collapse, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { formatDateTime } from "../../app/format";
import { INSIDER_READ, type Run, useRuns } from "./api";

const RUN_COLOR: Record<string, string> = { committed: "green", running: "blue", failed: "red" };

/** Ingestion runs (CLI, HTTP batches, bus workers) with their counts and the malformed rows by file and line. */
export function RunsPage() {
  return (
    <RequireRole roles={[...INSIDER_READ]}>
      <Runs />
    </RequireRole>
  );
}

function num(stats: Record<string, unknown>, key: string): string {
  const v = stats[key];
  return typeof v === "number" ? v.toLocaleString() : "—";
}

function Runs() {
  const { t } = useTranslation("insider");
  const runs = useRuns();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack>
      <Anchor component={Link} to="/insider" size="sm">
        ← {t("detail.back")}
      </Anchor>
      <PageHeader
        title={t("runs.title")}
        subtitle={t("runs.subtitle")}
        actions={
          <Button variant="default" onClick={() => void runs.refetch()} loading={runs.isFetching}>
            {t("runs.refresh")}
          </Button>
        }
      />
      <ErrorAlert error={runs.error} />
      <Text size="sm" c="dimmed">
        {t("runs.howTo")} <Code>sekimori insider ingest DIR</Code> · <Code>POST /api/insider/ingest</Code> ·{" "}
        <Code>sekimori insider worker --nats …</Code>
      </Text>
      <Table striped data-testid="insider-runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("runs.started")}</Table.Th>
            <Table.Th>{t("runs.kind")}</Table.Th>
            <Table.Th>{t("runs.source")}</Table.Th>
            <Table.Th>{t("runs.status")}</Table.Th>
            <Table.Th ta="right">{t("runs.events")}</Table.Th>
            <Table.Th ta="right">{t("runs.alertsNew")}</Table.Th>
            <Table.Th ta="right">{t("runs.duplicates")}</Table.Th>
            <Table.Th ta="right">{t("runs.malformed")}</Table.Th>
            <Table.Th>{t("runs.actor")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(runs.data?.items ?? []).map((r: Run) => (
            <Fragment key={r.id}>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">{formatDateTime(r.startedAt)}</Text>
                  {r.finishedAt ? (
                    <Text size="xs" c="dimmed">
                      {t("runs.took", {
                        seconds: ((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1),
                      })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`runs.kinds.${r.kind}`, { defaultValue: r.kind })}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
                    {r.source}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={RUN_COLOR[r.status] ?? "gray"}>
                    {t(`runs.statuses.${r.status}`, { defaultValue: r.status })}
                  </Badge>
                  {typeof r.stats.error === "string" ? (
                    <Text size="xs" c="red">
                      {r.stats.error}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{num(r.stats, "events")}</Table.Td>
                <Table.Td ta="right">{num(r.stats, "alertsNew")}</Table.Td>
                <Table.Td ta="right">{num(r.stats, "duplicates")}</Table.Td>
                <Table.Td ta="right">
                  {r.problems.length > 0 ? (
                    <Anchor component="button" onClick={() => setOpen(open === r.id ? null : r.id)}>
                      {num(r.stats, "malformed")}
                    </Anchor>
                  ) : (
                    num(r.stats, "malformed")
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.actorLabel}</Text>
                </Table.Td>
              </Table.Tr>
              {r.problems.length > 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={9} p={0}>
                    <Collapse expanded={open === r.id}>
                      <Stack gap={2} p="xs" data-testid="run-problems">
                        <Text size="sm" fw={500}>
                          {t("runs.problems")}
                        </Text>
                        {r.problems.map((p) => (
                          <Text key={`${p.file}:${p.line}:${p.reason}`} size="xs" ff="monospace">
                            {p.file}:{p.line}: {p.reason}
                          </Text>
                        ))}
                      </Stack>
                    </Collapse>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
