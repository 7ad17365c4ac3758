import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/types";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import type { Review } from "./api";

type HireWatchlist = ApiResponse<"/api/reviews/{id}/watchlist">;

/**
 * An approved hire's account on the insider-risk watchlist (issue 15 §4): the security office enters
 * the account once IT has created it; a high-risk hire's open follow-up task is closed by it.
 */
export function HireWatchlistPanel({ review: r }: { review: Review }) {
  const { t } = useTranslation("hirewatchlist");
  const qc = useQueryClient();
  const state = useQuery({
    queryKey: ["reviews", r.id, "watchlist"],
    queryFn: () => api.get<HireWatchlist>(`/api/reviews/${r.id}/watchlist`),
  });
  const [account, setAccount] = useState("");
  const [list, setList] = useState<string | null>(
    r.assessment.level === "high" ? "remote_identity" : "contractor",
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: { account: string; list: string }) =>
      api.post<HireWatchlist>(`/api/reviews/${r.id}/watchlist`, body),
    onSuccess: (data) => {
      qc.setQueryData(["reviews", r.id, "watchlist"], data);
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const w = state.data;
  if (!w?.eligible) return null;
  const submit = async () => {
    setErrors({});
    try {
      await add.mutateAsync({ account, list: list ?? "" });
      notifications.show({ color: "green", message: t("added", { account: account.trim() }) });
      setAccount("");
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Paper withBorder p="md" data-testid="hire-watchlist">
      <Stack gap="xs">
        <Title order={4}>{t("title")}</Title>
        <Text size="sm" c="dimmed">
          {t("intro")}
        </Text>
        {w.taskOpen ? <Alert color="orange">{t("taskOpen")}</Alert> : null}
        <Text size="sm" fw={600}>
          {t("entries")}
        </Text>
        {w.entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("none")}
          </Text>
        ) : (
          <Table data-testid="hire-watchlist-entries">
            <Table.Tbody>
              {w.entries.map((e) => (
                <Table.Tr key={`${e.account}-${e.list}`}>
                  <Table.Td>{e.account}</Table.Td>
                  <Table.Td>{bi(e.listLabel)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t("by", { name: e.addedBy, at: formatDateTime(e.addedAt) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {w.mayAdd ? (
          <Group align="flex-end">
            <TextInput
              label={t("account")}
              description={t("accountHelp")}
              value={account}
              onChange={(e) => setAccount(e.currentTarget.value)}
              error={errors.account}
              w={260}
            />
            <Select
              label={t("list")}
              allowDeselect={false}
              data={w.lists.map((l) => ({ value: l.value, label: bi(l.label) }))}
              value={list}
              onChange={setList}
              error={errors.list}
              w={280}
            />
            <Button loading={add.isPending} onClick={submit}>
              {t("add")}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t("readOnly")}
          </Text>
        )}
        <ErrorAlert error={add.error && Object.keys(errors).length === 0 ? add.error : null} />
      </Stack>
    </Paper>
  );
}
