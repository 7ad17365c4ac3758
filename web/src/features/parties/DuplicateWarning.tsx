import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { bi, countryName, formatDate } from "../../app/format";
import { type DuplicateCandidate, type DuplicateSuggestion, useDuplicateCheck } from "./api";

/**
 * Warns while a party is entered that it may already be in the directory (names compared in any
 * script by the screening engine, identifiers compared exactly), with the reasons; offers to use the
 * existing record instead.
 */
export function DuplicateWarning({
  candidate,
  onUse,
  onCount,
}: {
  candidate: DuplicateCandidate;
  onUse?: (party: DuplicateSuggestion["party"]) => void;
  /** Told how many likely duplicates are shown (0 when none). */
  onCount?: (count: number) => void;
}) {
  const { t } = useTranslation("partyrecords");
  const [debounced] = useDebouncedValue(candidate, 350);
  const check = useDuplicateCheck(debounced);
  const items = check.data?.items ?? [];
  useEffect(() => onCount?.(items.length), [items.length, onCount]);
  if (items.length === 0) return null;
  return (
    <Alert color="yellow" title={t("duplicatesTitle")} data-testid="duplicate-warning">
      <Stack gap="xs">
        <Text size="sm">{t("duplicatesHelp")}</Text>
        {items.map((d) => (
          <DuplicateRow key={d.partyId} d={d} onUse={onUse} />
        ))}
      </Stack>
    </Alert>
  );
}

/** One likely duplicate: its names and facts, why it was suggested, and what one can do with it. */
export function DuplicateRow({
  d,
  onUse,
  action,
}: {
  d: DuplicateSuggestion;
  onUse?: ((party: DuplicateSuggestion["party"]) => void) | undefined;
  action?: React.ReactNode;
}) {
  const { t } = useTranslation("partyrecords");
  const facts = [
    d.party.country ? countryName(d.party.country) : null,
    d.party.birthDate ? t("bornOn", { date: formatDate(d.party.birthDate) }) : null,
  ].filter(Boolean);
  return (
    <Stack gap={2} data-testid="duplicate-row">
      <Group gap="xs">
        <Anchor component={Link} to={`/parties/${d.party.id}`} target="_blank" fw={600}>
          {d.party.primaryName}
        </Anchor>
        {d.sameIdentifier ? (
          <Badge color="red" variant="light">
            {t("sameIdentifier")}
          </Badge>
        ) : (
          <Badge color="yellow" variant="light">
            {t("similarity", { score: `${Math.round(d.score * 100)}%` })}
          </Badge>
        )}
        {facts.length ? (
          <Text size="sm" c="dimmed">
            {facts.join(" · ")}
          </Text>
        ) : null}
        {onUse ? (
          <Button size="compact-sm" variant="light" onClick={() => onUse(d.party)}>
            {t("useExisting")}
          </Button>
        ) : null}
        {action}
      </Group>
      {d.party.names.length > 1 ? (
        <Text size="xs" c="dimmed">
          {d.party.names.join(" / ")}
        </Text>
      ) : null}
      <List size="xs" spacing={0}>
        {d.reasons.map((r) => (
          <List.Item key={r.en}>{bi(r)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
