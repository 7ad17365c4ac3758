import { Badge, Group, List, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { bi } from "../../app/format";
import { RelatedCases } from "../cases/RelatedCases";
import type { Review } from "./api";
import { RiskBadge } from "./badges";

/**
 * The risk assessment with its reasons and every red flag: title (id in the tooltip), question,
 * evidence, source, and the
 * published cases that share the flag ("this resembles …", from the case library).
 */
export function RiskPanel({ review: r }: { review: Review }) {
  const { t } = useTranslation("reviews");
  const th = useTranslation("hiring").t;
  const a = r.assessment;
  return (
    <Paper withBorder p="md" data-testid="risk-panel">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("assessment")}</Title>
        <RiskBadge level={a.level} />
      </Group>
      <Text size="sm" c="dimmed">
        {t("topicLevel", { level: t(`levels.${a.topic.level}`) })} ×{" "}
        {t("partnerLevel", { level: t(`levels.${a.partner.level}`) })}
      </Text>
      <List size="sm" mt="xs">
        {a.topic.reasons.map((reason) => (
          <List.Item key={reason.en}>{bi(reason)}</List.Item>
        ))}
      </List>
      {a.hiring ? (
        <div data-testid="hiring-risk">
          <Text size="sm" fw={600} mt="xs">
            {th("riskTitle", { level: t(`levels.${a.hiring.level}`) })}
          </Text>
          <List size="sm">
            {a.hiring.reasons.map((reason) => (
              <List.Item key={reason.en}>{bi(reason)}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
      <Title order={5} mt="md" mb="xs">
        {t("flags")}
      </Title>
      {a.flags.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noFlags")}
        </Text>
      ) : (
        <Stack gap="xs">
          {a.flags.map((f) => (
            <Paper
              key={`${f.id}-${f.counterpartyId ?? ""}-${f.evidence.en}`}
              withBorder
              p="xs"
              data-testid={`flag-${f.id}`}
            >
              <Group gap="xs">
                <Tooltip label={f.id} withArrow>
                  <Text fw={600} size="sm" data-flag-id={f.id}>
                    {bi(f.title)}
                  </Text>
                </Tooltip>
                <Badge variant="light" color={f.severity === "high" ? "red" : "orange"}>
                  {t(`severity.${f.severity}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t("flagQuestion")}: {bi(f.question)}
              </Text>
              <Text size="sm">
                {t("flagEvidence")}: {bi(f.evidence)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("flagSource")}: {bi(f.sourceLabel) || f.source}
              </Text>
              <RelatedCases flags={[f.id]} limit={2} title={t("resembles")} />
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
