import { Badge, Group, List, Paper, SegmentedControl, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { useAuth } from "../../app/auth";
import { bi } from "../../app/format";
import { type Assessment, OFFICE_READERS, type ReportStatus, type RiskLevel } from "./api";

const LEVEL_COLOR: Record<RiskLevel, string> = { low: "green", medium: "yellow", high: "red" };

/** Risk level as a coloured badge, in the UI language. */
export function RiskBadge({
  level,
  size = "md",
  short = false,
}: {
  level: RiskLevel;
  size?: "sm" | "md" | "lg" | "xl";
  /** Only the level word (for narrow table cells). */
  short?: boolean;
}) {
  const { t } = useTranslation("approaches");
  return (
    <Badge color={LEVEL_COLOR[level]} size={size} tt="none" data-testid="risk-level">
      {short ? t(`risk.${level}`) : t("risk.level", { level: t(`risk.${level}`) })}
    </Badge>
  );
}

/** Report status as a badge. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation("approaches");
  const color = { draft: "gray", new: "blue", in_review: "orange", closed: "teal" }[status];
  return (
    <Badge color={color} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The assessment: level, one-line summary, the reasons and what to do now. */
export function RiskPanel({ assessment }: { assessment: Assessment | null }) {
  const { t } = useTranslation("approaches");
  if (!assessment) {
    return (
      <Paper withBorder p="md">
        <Title order={4}>{t("risk.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("risk.empty")}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" data-testid="risk-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t("risk.title")}</Title>
          <RiskBadge level={assessment.level} size="lg" />
        </Group>
        <Text>{bi(assessment.summary)}</Text>
        {assessment.reasons.length > 0 ? (
          <div>
            <Text fw={600} size="sm">
              {t("risk.reasons")}
            </Text>
            <List size="sm" spacing={2} data-testid="risk-reasons">
              {assessment.reasons.map((r) => (
                <List.Item key={r.id}>
                  <Tooltip label={r.id} withArrow disabled={!r.id.startsWith("A")}>
                    <span data-flag-id={r.id}>{bi(r.text)}</span>
                  </Tooltip>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        <div>
          <Text fw={600} size="sm">
            {t("risk.advice")}
          </Text>
          <List size="sm" spacing={2} type="ordered" data-testid="risk-advice">
            {assessment.advice.map((a) => (
              <List.Item key={a.en}>{bi(a)}</List.Item>
            ))}
          </List>
        </div>
      </Stack>
    </Paper>
  );
}

/** Tabs between the module's pages; the office sees all reports, patterns and trends. */
export function ApproachesTabs() {
  const { t } = useTranslation("approaches");
  const { hasRole } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  if (!hasRole(...OFFICE_READERS)) return null;
  // The office's queue comes first; its own reports live under /approaches/mine.
  const tabs = [
    { value: "/approaches/all", label: t("all") },
    { value: "/approaches/mine", label: t("mine") },
    { value: "/approaches/clusters", label: t("clusters") },
    { value: "/approaches/trends", label: t("trends") },
  ];
  const current = tabs.map((x) => x.value).find((v) => location.pathname.startsWith(v)) ?? "/approaches/mine";
  return (
    <SegmentedControl
      value={current}
      onChange={(v) => navigate(v)}
      data={tabs}
      aria-label={t("title")}
      mb="md"
    />
  );
}
