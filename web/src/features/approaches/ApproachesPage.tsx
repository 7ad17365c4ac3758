import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi, formatDateTime } from "../../app/format";
import {
  type ListItem,
  type ListPage,
  OFFICE_READERS,
  useAllReports,
  useMyReports,
  useQuestionnaire,
} from "./api";
import { ApproachesTabs, RiskBadge, StatusBadge } from "./components";

function ReportsTable({ page, office }: { page: ListPage | undefined; office: boolean }) {
  const { t } = useTranslation("approaches");
  const q = useQuestionnaire();
  const channel = (id: string) => bi(q.data?.channels.find((c) => c.id === id)?.label) || id;
  const items: ListItem[] = page?.items ?? [];
  if (page && items.length === 0) {
    return <Text c="dimmed">{t("noReports")}</Text>;
  }
  return (
    <Table striped highlightOnHover data-testid="approaches-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("list.reference")}</Table.Th>
          <Table.Th>{t("list.status")}</Table.Th>
          <Table.Th>{t("list.risk")}</Table.Th>
          <Table.Th>{t("list.channel")}</Table.Th>
          <Table.Th>{t("list.sender")}</Table.Th>
          {office ? <Table.Th>{t("list.reporter")}</Table.Th> : null}
          {office ? <Table.Th>{t("list.assignee")}</Table.Th> : null}
          {office ? <Table.Th>{t("list.cluster")}</Table.Th> : null}
          <Table.Th>{t("list.date")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              <Anchor
                component={Link}
                to={r.status === "draft" ? `/approaches/${r.id}/edit` : `/approaches/${r.id}`}
              >
                {r.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={r.status} />
            </Table.Td>
            <Table.Td>
              <RiskBadge level={r.riskLevel} size="sm" short />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{channel(r.channel)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{[r.senderName, r.senderOrganisation].filter(Boolean).join(" / ")}</Text>
            </Table.Td>
            {office ? (
              <Table.Td>
                <Text size="sm">{r.reporterName}</Text>
                <Text size="xs" c="dimmed">
                  {r.department}
                </Text>
              </Table.Td>
            ) : null}
            {office ? <Table.Td>{r.assigneeName}</Table.Td> : null}
            {office ? (
              <Table.Td>
                {r.clusterId ? (
                  <Anchor component={Link} to={`/approaches/clusters/${r.clusterId}`}>
                    <Badge variant="light" color="red">
                      {t("list.cluster")}
                    </Badge>
                  </Anchor>
                ) : null}
              </Table.Td>
            ) : null}
            <Table.Td>
              <Text size="sm">{formatDateTime(r.submittedAt ?? r.createdAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The module's front page: the security office lands on its queue (every submitted report), not on
 * 「自分の報告」; everyone else on their own reports.
 */
export function ApproachesLanding() {
  const { hasRole } = useAuth();
  if (hasRole(...OFFICE_READERS)) return <Navigate to="/approaches/all" replace />;
  return <ApproachesPage />;
}

/** My reports (drafts included) and the button to report. */
export function ApproachesPage() {
  const { t } = useTranslation("approaches");
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page") ?? "1") || 1;
  const mine = useMyReports(page);
  const pages = mine.data ? Math.max(1, Math.ceil(mine.data.total / mine.data.pageSize)) : 1;
  return (
    <Stack>
      <ApproachesTabs />
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Button component={Link} to="/approaches/new" color="red">
            {t("new")}
          </Button>
        }
      />
      <ErrorAlert error={mine.error} />
      <ReportsTable page={mine.data} office={false} />
      {pages > 1 ? (
        <Pagination total={pages} value={page} onChange={(p) => setParams({ page: String(p) })} />
      ) : null}
    </Stack>
  );
}

/** Every submitted report, for the security office. */
export function AllReportsPage() {
  const { t } = useTranslation("approaches");
  const q = useQuestionnaire();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? "";
  const [text] = useDebouncedValue(get("q"), 250);
  const page = Number(params.get("page") ?? "1") || 1;
  const all = useAllReports({
    status: get("status") || undefined,
    riskLevel: get("risk") || undefined,
    channel: get("channel") || undefined,
    q: text || undefined,
    page,
    pageSize: 25,
  });
  const update = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete("page");
    setParams(next, { replace: true });
  };
  const pages = all.data ? Math.max(1, Math.ceil(all.data.total / all.data.pageSize)) : 1;
  return (
    <Stack>
      <ApproachesTabs />
      <PageHeader title={t("all")} subtitle={t("count", { count: all.data?.total ?? 0 })} />
      <Group align="flex-end">
        <TextInput
          label={t("list.search")}
          value={get("q")}
          onChange={(e) => update("q", e.currentTarget.value)}
        />
        <Select
          label={t("list.status")}
          value={get("status")}
          onChange={(v) => update("status", v)}
          data={[
            { value: "", label: t("list.all") },
            ...["new", "in_review", "closed"].map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          w={140}
        />
        <Select
          label={t("list.risk")}
          value={get("risk")}
          onChange={(v) => update("risk", v)}
          data={[
            { value: "", label: t("list.all") },
            ...["high", "medium", "low"].map((s) => ({ value: s, label: t(`risk.${s}`) })),
          ]}
          w={120}
        />
        <Select
          label={t("list.channel")}
          value={get("channel")}
          onChange={(v) => update("channel", v)}
          data={[
            { value: "", label: t("list.all") },
            ...(q.data?.channels ?? []).map((c) => ({ value: c.id, label: bi(c.label) })),
          ]}
          w={240}
        />
      </Group>
      <ErrorAlert error={all.error} />
      <ReportsTable page={all.data} office />
      {pages > 1 ? (
        <Pagination total={pages} value={page} onChange={(p) => update("page", String(p))} />
      ) : null}
    </Stack>
  );
}
