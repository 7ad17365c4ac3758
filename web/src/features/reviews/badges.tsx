import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLORS: Record<string, string> = {
  draft: "gray",
  unit_review: "blue",
  secretariat_review: "indigo",
  approval: "violet",
  returned: "orange",
  cleared: "teal",
  approved: "green",
  approved_with_conditions: "lime",
  rejected: "red",
  withdrawn: "gray",
};

/** A review's state as a coloured badge. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge
      color={STATUS_COLORS[status] ?? "gray"}
      variant="light"
      data-testid="review-status"
      styles={{
        root: { height: "auto", maxWidth: "none" },
        label: { whiteSpace: "normal", overflow: "visible" },
      }}
    >
      {label || status}
    </Badge>
  );
}

/** Low / medium / high as a coloured badge. */
export function RiskBadge({ level }: { level: string }) {
  const { t } = useTranslation("reviews");
  const color = level === "high" ? "red" : level === "medium" ? "orange" : "green";
  return (
    <Badge color={color} data-testid="risk-level">
      {t("risk")}: {t(`levels.${level}`)}
    </Badge>
  );
}
