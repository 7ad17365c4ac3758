import { Badge, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { formatDateTime } from "../../app/format";
import { type RoleRequest, useAccessActions, useRoleRequests } from "./api";

const STATUS_COLOR: Record<RoleRequest["status"], string> = {
  pending: "yellow",
  approved: "green",
  refused: "red",
  withdrawn: "gray",
};

/** Admin › Role requests: administrators' changes of their own roles, approved by another administrator. */
export function RoleRequestsTab() {
  const { t, i18n } = useTranslation("access");
  const { user, roleInfo } = useAuth();
  const requests = useRoleRequests();
  const actions = useAccessActions();
  const [comments, setComments] = useState<Record<string, string>>({});
  const roleLabel = (id: string) => {
    const r = roleInfo.find((x) => x.id === id);
    return r ? (i18n.language === "en" ? r.en : r.ja) : id;
  };
  const items = requests.data?.items ?? [];
  return (
    <Stack>
      <Text c="dimmed">{t("requests.subtitle")}</Text>
      <ErrorAlert error={requests.error ?? actions.decide.error} />
      {items.length === 0 ? <Text>{t("requests.empty")}</Text> : null}
      {items.length > 0 ? (
        <Table striped data-testid="role-requests">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("requests.user")}</Table.Th>
              <Table.Th>{t("requests.change")}</Table.Th>
              <Table.Th>{t("requests.reason")}</Table.Th>
              <Table.Th>{t("requests.status")}</Table.Th>
              <Table.Th>{t("requests.created")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => {
              const own = r.userId === user?.id;
              return (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.username}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {r.added.length ? (
                        <Text size="sm">
                          {t("requests.added")}: {r.added.map(roleLabel).join("、")}
                        </Text>
                      ) : null}
                      {r.removed.length ? (
                        <Text size="sm">
                          {t("requests.removed")}: {r.removed.map(roleLabel).join("、")}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.reason}</Text>
                    {r.decisionComment ? (
                      <Text size="xs" c="dimmed">
                        {r.decidedBy}: {r.decisionComment}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[r.status]}>{t(`requests.${r.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(r.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {r.status === "pending" ? (
                      <Group gap="xs" wrap="nowrap">
                        <TextInput
                          size="xs"
                          placeholder={t("requests.comment")}
                          aria-label={t("requests.comment")}
                          value={comments[r.id] ?? ""}
                          onChange={(e) => setComments({ ...comments, [r.id]: e.currentTarget.value })}
                        />
                        {own ? null : (
                          <Button
                            size="xs"
                            onClick={() =>
                              actions.decide.mutate({
                                id: r.id,
                                decision: "approve",
                                comment: comments[r.id] ?? "",
                              })
                            }
                          >
                            {t("requests.approve")}
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() =>
                            actions.decide.mutate({
                              id: r.id,
                              decision: "refuse",
                              comment: comments[r.id] ?? "",
                            })
                          }
                        >
                          {own ? t("requests.withdraw") : t("requests.refuse")}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
