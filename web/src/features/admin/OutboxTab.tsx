import { Badge, Loader, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { formatDateTime } from "../../app/format";
import { useOutbox } from "./api";

/** Admin › E-mail: what notifications were queued and whether they were delivered. */
export function OutboxTab() {
  const { t } = useTranslation("admin");
  const outbox = useOutbox();
  if (outbox.isLoading) return <Loader />;
  return (
    <Stack>
      <Text c="dimmed">{t("outbox.subtitle")}</Text>
      <ErrorAlert error={outbox.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("outbox.created")}</Table.Th>
            <Table.Th>{t("outbox.to")}</Table.Th>
            <Table.Th>{t("outbox.subject")}</Table.Th>
            <Table.Th>{t("outbox.state")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(outbox.data?.items ?? []).map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
              <Table.Td>{m.toAddress}</Table.Td>
              <Table.Td>{m.subject}</Table.Td>
              <Table.Td>
                {m.sentAt ? (
                  <Badge color="green">{t("outbox.sent", { at: formatDateTime(m.sentAt) })}</Badge>
                ) : m.lastError ? (
                  <Badge color="red" title={m.lastError}>
                    {t("outbox.failed", { attempts: m.attempts })}
                  </Badge>
                ) : (
                  <Badge color="gray">{t("outbox.pending")}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
