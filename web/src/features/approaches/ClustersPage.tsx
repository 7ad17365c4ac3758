import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { type Cluster, OFFICE_WRITERS, useCluster, useClusterStatus, useClusters } from "./api";
import { ApproachesTabs, RiskBadge } from "./components";
import { ReasonText } from "./ReportDetailPage";

function SharedFacts({ cluster }: { cluster: Cluster }) {
  return (
    <Group gap={6}>
      {cluster.summary.shared.map((s) => (
        <Badge key={`${s.kind}:${s.value}`} variant="light" size="sm" tt="none">
          <ReasonText reason={{ kind: s.kind, ...(s.value ? { value: s.value } : {}) }} /> · {s.reporterCount}
        </Badge>
      ))}
    </Group>
  );
}

/** Clusters: the same contact or message reported by different people, newest first. */
export function ClustersPage() {
  const { t } = useTranslation("approaches");
  const clusters = useClusters();
  return (
    <Stack>
      <ApproachesTabs />
      <PageHeader title={t("clusterPage.title")} subtitle={t("clusterPage.subtitle")} />
      <ErrorAlert error={clusters.error} />
      {clusters.isLoading ? <Loader /> : null}
      {clusters.data && clusters.data.items.length === 0 ? (
        <Text c="dimmed">{t("clusterPage.none")}</Text>
      ) : null}
      <Stack data-testid="clusters">
        {(clusters.data?.items ?? []).map((c) => (
          <Paper key={c.id} withBorder p="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Anchor component={Link} to={`/approaches/clusters/${c.id}`} fw={600}>
                  {bi(c.alert.title)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t("clusterPage.period")}: {formatDate(c.firstAt)} – {formatDate(c.lastAt)}
                </Text>
                <SharedFacts cluster={c} />
              </Stack>
              {c.status === "reviewed" ? <Badge color="gray">{t("clusterPage.reviewed")}</Badge> : null}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** One cluster: the alert, what the reports share, each report and why it is linked. */
export function ClusterDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation("approaches");
  const { hasRole } = useAuth();
  const cluster = useCluster(id);
  const setStatus = useClusterStatus();
  if (cluster.isLoading) return <Loader />;
  if (cluster.error || !cluster.data) return <ErrorAlert error={cluster.error} />;
  const c = cluster.data;
  const reasonsFor = (reportId: string) =>
    c.links.filter((l) => l.reportId === reportId || l.linkedReportId === reportId).flatMap((l) => l.reasons);
  return (
    <Stack>
      <ApproachesTabs />
      <PageHeader
        title={bi(c.alert.title)}
        subtitle={bi(c.alert.detail)}
        actions={
          hasRole(...OFFICE_WRITERS) ? (
            <Button
              variant="light"
              loading={setStatus.isPending}
              onClick={() =>
                setStatus.mutate({ id: c.id, status: c.status === "open" ? "reviewed" : "open" })
              }
            >
              {c.status === "open" ? t("clusterPage.markReviewed") : t("clusterPage.reopen")}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={setStatus.error} />
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t("clusterPage.shared")}
        </Title>
        <SharedFacts cluster={c} />
      </Paper>
      <Title order={4}>{t("clusterPage.reports")}</Title>
      <Table striped data-testid="cluster-reports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("list.reference")}</Table.Th>
            <Table.Th>{t("list.risk")}</Table.Th>
            <Table.Th>{t("list.reporter")}</Table.Th>
            <Table.Th>{t("list.sender")}</Table.Th>
            <Table.Th>{t("clusterPage.shared")}</Table.Th>
            <Table.Th>{t("list.date")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.reports.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/approaches/${r.id}`}>
                  {r.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <RiskBadge level={r.riskLevel} size="sm" short />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.reporterName}</Text>
                <Text size="xs" c="dimmed">
                  {r.department}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[r.senderName, r.senderOrganisation].filter(Boolean).join(" / ")}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {[...new Map(reasonsFor(r.id).map((x) => [x.kind, x])).values()].map((x) => (
                    <ReasonText key={x.kind} reason={x} />
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(r.submittedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
