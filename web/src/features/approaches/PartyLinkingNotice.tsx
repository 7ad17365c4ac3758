import { Alert, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../app/format";
import type { Report } from "./api";

type PartyLinking = NonNullable<NonNullable<Report["office"]>["partyLinking"]>;

/**
 * Says where the automatic linking and screening of a report's named parties stands: it runs in the
 * background after submission (issue 11 §6), so the office must see when it has not happened yet.
 */
export function PartyLinkingNotice({ linking }: { linking: PartyLinking | null }) {
  const { t } = useTranslation("approachjobs");
  if (!linking) return null;
  if (linking.status === "done") {
    return (
      <Text size="xs" c="dimmed" data-testid="party-linking-done">
        {t("done", { at: formatDateTime(linking.finishedAt ?? linking.queuedAt) })}
      </Text>
    );
  }
  if (linking.status === "failed") {
    return (
      <Alert color="red" variant="light" p="xs" data-testid="party-linking-failed">
        <Text size="sm">{t("failed", { attempts: linking.attempts, error: linking.lastError ?? "" })}</Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="yellow"
      variant="light"
      p="xs"
      icon={<Loader size="xs" />}
      data-testid="party-linking-pending"
    >
      <Text size="sm">{t("pending")}</Text>
      {linking.attempts > 0 ? (
        <Text size="xs" c="dimmed">
          {t("retrying", {
            attempts: linking.attempts,
            next: linking.nextAttemptAt ? formatDateTime(linking.nextAttemptAt) : "—",
            error: linking.lastError ?? "",
          })}
        </Text>
      ) : null}
    </Alert>
  );
}
