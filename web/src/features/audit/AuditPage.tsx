import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Code,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/types";
import { api, qs } from "../../app/api";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { bi, formatDateTime, startOfDayIso } from "../../app/format";

/** The day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

type AuditList = ApiResponse<"/api/audit">;
type VerifyResult = ApiResponse<"/api/audit/verify">;

/** The audit log for auditors and admins: filter, inspect before/after, verify the chain, export CSV. */
export function AuditPage() {
  return (
    <RequireRole roles={["auditor", "admin"]}>
      <AuditLog />
    </RequireRole>
  );
}

function AuditLog() {
  const { t } = useTranslation("audit");
  const [action, setAction] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  // Set by clicking an entity in the log (never typed: nobody knows a UUID by heart).
  const [entity, setEntity] = useState<{ type: string; id: string; name: string } | null>(null);
  const [text, setText] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [open, setOpen] = useState<number | null>(null);
  const [debouncedText] = useDebouncedValue(text, 300);
  const filter = {
    action: action ?? "",
    entityType: entity?.type ?? entityType ?? "",
    entityId: entity?.id ?? "",
    text: debouncedText,
    // Whole days in the organisation's time zone: "to" includes that day.
    from: from ? startOfDayIso(from) : "",
    to: to ? startOfDayIso(nextDay(to)) : "",
  };
  const actions = useQuery({
    queryKey: ["audit", "actions"],
    queryFn: () => api.get<ApiResponse<"/api/audit/actions">>("/api/audit/actions"),
  });
  const log = useInfiniteQuery({
    queryKey: ["audit", filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<AuditList>(`/api/audit${qs({ ...filter, limit: 50, beforeId: pageParam })}`),
    getNextPageParam: (last) =>
      last.items.length === 50 ? last.items[last.items.length - 1]!.id : undefined,
  });
  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>("/api/audit/verify") });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const total = log.data?.pages[0]?.total ?? 0;
  const exportHref = `/api/audit/export.csv${qs(filter)}`;

  return (
    <Stack>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <Button variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>
              {t("verify")}
            </Button>
            <Button component="a" href={exportHref} variant="light">
              {t("exportCsv")}
            </Button>
          </>
        }
      />
      <ErrorAlert error={verify.error} />
      {verify.data ? (
        verify.data.ok ? (
          <Alert color="green" title={t("intactTitle")} data-testid="verify-result">
            {t("intact", { count: verify.data.checked, head: verify.data.headHash.slice(0, 16) })}
            {verify.data.notes?.map((n) => (
              <Text size="sm" key={n.en}>
                {bi(n)}
              </Text>
            ))}
          </Alert>
        ) : (
          <Alert color="red" title={t("brokenTitle")} data-testid="verify-result">
            {t("broken", { id: verify.data.broken?.id, reason: t(`reasons.${verify.data.broken?.reason}`) })}
            {(verify.data.problems ?? []).map((p) => (
              <Text size="sm" key={`${p.reason}-${p.id}`}>
                {bi(p.messages)}
              </Text>
            ))}
            {verify.data.notes?.map((n) => (
              <Text size="sm" c="dimmed" key={n.en}>
                {bi(n)}
              </Text>
            ))}
          </Alert>
        )
      ) : null}
      <Paper withBorder p="sm">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("action")}
            data={(actions.data?.items ?? []).map((a) => ({
              value: a,
              label: bi(actions.data?.labels[a]) || a,
            }))}
            value={action}
            onChange={setAction}
            clearable
            searchable
            w={280}
          />
          <Select
            label={t("entityType")}
            data={(actions.data?.entityTypes ?? []).map((e) => ({ value: e.id, label: bi(e.label) }))}
            value={entity?.type ?? entityType}
            onChange={(v) => {
              setEntity(null);
              setEntityType(v);
            }}
            clearable
            searchable
            w={220}
          />
          <TextInput
            label={t("text")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={200}
          />
          <DateField label={t("from")} value={from} onChange={setFrom} w={170} />
          <DateField label={t("to")} value={to} onChange={setTo} w={170} />
        </Group>
        {entity ? (
          <Group gap="xs" mt="xs">
            <Text size="sm">{t("onlyEntity")}</Text>
            <Badge
              variant="light"
              tt="none"
              rightSection={
                <CloseButton size="xs" aria-label={t("clearEntity")} onClick={() => setEntity(null)} />
              }
              data-testid="entity-filter"
            >
              {entity.name}
            </Badge>
          </Group>
        ) : null}
      </Paper>
      <ErrorAlert error={log.error} />
      <Text size="sm" c="dimmed">
        {t("count", { count: total })}
      </Text>
      <Table striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t("at")}</Table.Th>
            <Table.Th>{t("actor")}</Table.Th>
            <Table.Th>{t("action")}</Table.Th>
            <Table.Th>{t("entity")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Fragment key={r.id}>
              <Table.Tr>
                <Table.Td>{r.id}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>
                  <Tooltip label={r.actorId ? `${r.actorLabel} · ${r.actorId}` : r.actorLabel} withArrow>
                    <Text size="sm" data-testid="audit-actor">
                      {bi(r.actorName)}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={r.action} withArrow>
                    <Text size="sm" data-testid="audit-action" data-code={r.action}>
                      {bi(r.actionLabel)}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Tooltip
                    label={r.entityId ? `${r.entityType} · ${r.entityId}` : r.entityType}
                    withArrow
                    multiline
                    maw={420}
                  >
                    <Text size="sm" data-testid="audit-entity">
                      <Text span c="dimmed" size="sm">
                        {bi(r.entityLabel)}
                      </Text>
                      {r.entityId ? (
                        <>
                          {" "}
                          <Anchor
                            size="sm"
                            component="button"
                            type="button"
                            ta="start"
                            onClick={() =>
                              setEntity({
                                type: r.entityType,
                                id: r.entityId!,
                                name: `${bi(r.entityLabel)} ${bi(r.entityName) || r.entityId!.slice(0, 8)}`,
                              })
                            }
                          >
                            {bi(r.entityName) || `${r.entityId.slice(0, 8)}…`}
                          </Anchor>
                        </>
                      ) : null}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Anchor
                    size="sm"
                    component="button"
                    type="button"
                    onClick={() => setOpen(open === r.id ? null : r.id)}
                  >
                    {open === r.id ? t("hide") : t("show")}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
              {open === r.id ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Group align="flex-start" grow>
                      <Stack gap={2}>
                        <Text size="xs" fw={600}>
                          {t("before")}
                        </Text>
                        <Code block>{JSON.stringify(r.before, null, 2)}</Code>
                      </Stack>
                      <Stack gap={2}>
                        <Text size="xs" fw={600}>
                          {t("after")}
                        </Text>
                        <Code block>{JSON.stringify(r.after, null, 2)}</Code>
                      </Stack>
                    </Group>
                    {r.context ? (
                      <Code block mt="xs">
                        {JSON.stringify(r.context)}
                      </Code>
                    ) : null}
                    <Text size="xs" c="dimmed" mt="xs">
                      SHA-256 {r.hash}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {log.isFetching ? <Loader size="sm" /> : null}
      {log.hasNextPage ? (
        <Button variant="default" onClick={() => void log.fetchNextPage()} w="fit-content">
          {t("more")}
        </Button>
      ) : null}
    </Stack>
  );
}
