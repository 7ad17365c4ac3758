import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RedFlagChips } from "../../app/components/RedFlag";
import { bi } from "../../app/format";
import { useRelatedCases } from "./api";

/**
 * "This resembles …": the published cases that share red flags with what just fired. Any module
 * (reviews, people, insider, screening) can drop it next to its red flags:
 * `<RelatedCases flags={["A1", "R-LIST-HIT"]} />`. Renders nothing when no case matches.
 */
export function RelatedCases({
  flags,
  limit = 3,
  title,
}: {
  flags: string[];
  limit?: number;
  title?: string;
}) {
  const { t } = useTranslation("cases");
  const related = useRelatedCases(flags, limit);
  const items = related.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="related-cases">
      <Title order={5} mb="xs">
        {title ?? t("related.title")}
      </Title>
      <Stack gap="sm">
        {items.map((c) => (
          <Stack key={c.id} gap={2}>
            <Anchor component={Link} to={`/cases/${c.slug}`} fw={600}>
              {bi(c.title)}
            </Anchor>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {bi(c.summary)}
            </Text>
            <Group gap={4}>
              <Text size="xs" c="dimmed">
                {t("related.shared")}
              </Text>
              <RedFlagChips ids={c.sharedFlags} size="xs" color="indigo" />
            </Group>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
