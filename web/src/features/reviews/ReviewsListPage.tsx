import {
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RedFlagChips } from "../../app/components/RedFlag";
import { bi, formatDateTime } from "../../app/format";
import { useReference, useReviews } from "./api";
import { RiskBadge, StatusBadge } from "./badges";

/** My applications, my inbox (the stage my role acts on), or everything (officers and auditors). */
export function ReviewsListPage() {
  const { t } = useTranslation("reviews");
  const { hasRole } = useAuth();
  const officer = hasRole("unit_officer", "secretariat", "approver", "auditor", "admin");
  // Scope, status and page live in the URL, so a link (e.g. from the office dashboard) opens the
  // filtered list: /reviews?scope=all&status=unit_review.
  const [params, setParams] = useSearchParams();
  const defaultScope = hasRole("unit_officer", "secretariat", "approver") ? "inbox" : "mine";
  const scope = params.get("scope") ?? defaultScope;
  const status = params.get("status");
  const page = Number(params.get("page") ?? "1") || 1;
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const setScope = (v: string) => update({ scope: v });
  const setStatus = (v: string | null) => update({ status: v });
  const setPage = (p: number) => update({ page: String(p) });
  const ref = useReference();
  const list = useReviews({ scope, status: status ?? undefined, page });
  const typeLabel = (type: string) =>
    bi(ref.data?.questionnaires.find((q) => q.type === type)?.label) || type;

  return (
    <Stack>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          hasRole("applicant", "unit_officer", "secretariat", "approver", "admin") ? (
            <Button component={Link} to="/reviews/new">
              {t("new")}
            </Button>
          ) : null
        }
      />
      <Tabs value={scope} onChange={(v) => setScope(v ?? "mine")}>
        <Tabs.List>
          <Tabs.Tab value="mine">{t("scopes.mine")}</Tabs.Tab>
          {hasRole("unit_officer", "secretariat", "approver") ? (
            <Tabs.Tab value="inbox">{t("scopes.inbox")}</Tabs.Tab>
          ) : null}
          {officer ? <Tabs.Tab value="all">{t("scopes.all")}</Tabs.Tab> : null}
        </Tabs.List>
      </Tabs>
      <Group>
        <Select
          aria-label={t("status")}
          placeholder={t("allStatuses")}
          clearable
          data={(ref.data?.states ?? []).map((s) => ({ value: s.value, label: bi(s.label) }))}
          value={status}
          onChange={(v) => setStatus(v)}
          w={260}
        />
        {list.data ? <Text c="dimmed">{t("count", { count: list.data.total })}</Text> : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <Loader />
      ) : (
        <Table striped highlightOnHover data-testid="reviews-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("refNo")}</Table.Th>
              <Table.Th>{t("titleField")}</Table.Th>
              <Table.Th>{t("activity")}</Table.Th>
              <Table.Th>{t("applicant")}</Table.Th>
              <Table.Th>{t("status")}</Table.Th>
              <Table.Th>{t("risk")}</Table.Th>
              <Table.Th>{t("updated")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{r.refNo}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/reviews/${r.id}`}>
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{typeLabel(r.activityType)}</Table.Td>
                <Table.Td>{r.applicantName}</Table.Td>
                <Table.Td>
                  <StatusBadge
                    status={r.status}
                    label={bi(ref.data?.states.find((s) => s.value === r.status)?.label)}
                  />
                </Table.Td>
                <Table.Td>
                  {r.riskLevel ? <RiskBadge level={r.riskLevel} /> : null}
                  {r.flags.length ? (
                    <Box mt={4}>
                      <RedFlagChips ids={r.flags} size="xs" />
                    </Box>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDateTime(r.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t("empty")}</Text> : null}
      {list.data && list.data.total > list.data.pageSize ? (
        <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} />
      ) : null}
    </Stack>
  );
}
