import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { SampleBadge } from "../../app/components/ListLabels";
import { bi, countryName, formatDate, formatDateTime } from "../../app/format";
import { type CrossScriptStep, type Explanation, type Hit, useListEntry, useListSources } from "./api";

/** The list's name in the UI language (its id when the list is unknown to this server). */
export function useSourceLabel(): (source: string) => string {
  const sources = useListSources();
  return (source) => {
    const found = sources.data?.items.find((s) => s.id === source);
    return found ? bi(found.label) : source;
  };
}

/** A score as a coloured badge: red at or above the threshold, grey below. */
export function ScoreBadge({ score, match }: { score: number; match: boolean }) {
  return (
    <Badge
      color={match ? "red" : "gray"}
      variant={match ? "filled" : "light"}
      size="lg"
      data-testid="hit-score"
    >
      {score.toFixed(2)}
    </Badge>
  );
}

/**
 * How the query's characters reached the list name across scripts: each step as
 * "浪潮 → langchao ~ langchao (pinyin)", in the UI language.
 */
export function CrossScriptView({ steps }: { steps: CrossScriptStep[] | undefined }) {
  const { t } = useTranslation("screening");
  if (!steps || steps.length === 0) return null;
  return (
    <Group gap={4} data-testid="cross-script">
      <Text size="xs" c="dimmed">
        {t("explanation.crossScript")}
      </Text>
      {steps.map((s) => (
        <Badge
          key={`${s.from}-${s.to}-${s.list}`}
          variant="outline"
          color="indigo"
          size="sm"
          tt="none"
          data-testid="cross-script-step"
        >
          {t("explanation.step", { from: s.from, to: s.to, list: s.list, how: bi(s.how) })}
        </Badge>
      ))}
    </Group>
  );
}

/** Why a hit scored what it did: which query name met which list name, and each feature's share. */
export function ExplanationView({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation("screening");
  return (
    <Stack gap={4} data-testid="hit-explanation">
      <Text size="sm">{bi(explanation.summary)}</Text>
      <Text size="xs" c="dimmed">
        {t("explanation.names", { query: explanation.queryName, matched: explanation.matchedName })}
      </Text>
      <CrossScriptView steps={explanation.crossScript} />
      <Table withRowBorders={false} verticalSpacing={2} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("explanation.feature")}</Table.Th>
            <Table.Th ta="right">{t("explanation.contribution")}</Table.Th>
            <Table.Th>{t("explanation.detail")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {explanation.features.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{bi(f.label)}</Table.Td>
              <Table.Td
                ta="right"
                c={f.contribution < 0 ? "red" : undefined}
                style={{ whiteSpace: "nowrap" }}
              >
                {f.contribution >= 0 ? "+" : ""}
                {f.contribution.toFixed(2)}
              </Table.Td>
              <Table.Td>{f.detail ? bi(f.detail) : ""}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One ranked hit: score, list name, list, programmes, explanation, and a way to the full entry. */
export function HitCard({
  hit,
  rank,
  onOpenEntry,
  extra,
}: {
  hit: Hit;
  rank: number;
  onOpenEntry: (entityId: string) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation("screening");
  const sourceLabel = useSourceLabel();
  return (
    <Paper withBorder p="sm" data-testid="hit">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Text c="dimmed" fw={600} w={24}>
              {rank}.
            </Text>
            <ScoreBadge score={hit.score} match={hit.match} />
            <Stack gap={2}>
              <Anchor component="button" type="button" fw={600} onClick={() => onOpenEntry(hit.entityId)}>
                {hit.name}
              </Anchor>
              <Group gap={6}>
                <Badge variant="light">{sourceLabel(hit.source)}</Badge>
                <SampleBadge source={hit.source} />
                <Text size="xs" c="dimmed">
                  {hit.sourceId}
                </Text>
                <Badge variant="outline" size="sm">
                  {t(`schemas.${hit.schema}`)}
                </Badge>
                {hit.programs.map((p) => (
                  <Badge key={p} variant="outline" color="orange" size="sm">
                    {p}
                  </Badge>
                ))}
                {hit.countries.map((c) => (
                  <Text key={c} size="xs" c="dimmed">
                    {countryName(c)}
                  </Text>
                ))}
              </Group>
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {hit.match ? (
              <Badge color="red">{t("possibleMatch")}</Badge>
            ) : (
              <Badge color="gray">{t("belowThreshold")}</Badge>
            )}
            <Button size="xs" variant="default" onClick={() => onOpenEntry(hit.entityId)}>
              {t("entry.open")}
            </Button>
          </Group>
        </Group>
        <ExplanationView explanation={hit.explanation} />
        {extra}
      </Stack>
    </Paper>
  );
}

/** A drawer with the full list entry (every name, country, date, identifier, remark) behind a hit. */
export function EntryDrawer({ entityId, onClose }: { entityId: string | null; onClose: () => void }) {
  const { t } = useTranslation("screening");
  const entry = useListEntry(entityId);
  const sourceLabel = useSourceLabel();
  const e = entry.data;
  return (
    <Drawer
      opened={!!entityId}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Title order={4}>{t("entry.title")}</Title>}
      closeButtonProps={{ "aria-label": t("entry.close") }}
    >
      {entry.isLoading ? <Loader /> : null}
      <ErrorAlert error={entry.error} />
      {e ? (
        <Stack gap="sm" data-testid="list-entry">
          <Title order={3}>{e.names[0]?.name}</Title>
          <Group gap={6}>
            <Badge variant="light">{sourceLabel(e.source)}</Badge>
            <Badge variant="outline">{t(`schemas.${e.schema}`)}</Badge>
          </Group>
          <Field label={t("entry.sourceId")}>{e.sourceId}</Field>
          <Field label={t("entry.snapshot")}>
            {t("entry.snapshotValue", {
              version: e.snapshot.version,
              date: formatDateTime(e.snapshot.activatedAt ?? e.snapshot.startedAt),
            })}
          </Field>
          {e.listedOn ? <Field label={t("entry.listedOn")}>{formatDate(e.listedOn)}</Field> : null}
          {e.programs.length ? <Field label={t("entry.programs")}>{e.programs.join(", ")}</Field> : null}
          {e.countries.length ? (
            <Field label={t("entry.countries")}>
              {e.countries.map((c) => `${countryName(c)} (${c})`).join(", ")}
            </Field>
          ) : null}
          {e.birthDates.length ? (
            <Field label={t("entry.birthDates")}>{e.birthDates.join(", ")}</Field>
          ) : null}
          <div>
            <Text size="sm" c="dimmed" mb={4}>
              {t("entry.names")}
            </Text>
            <Table fz="sm">
              <Table.Tbody>
                {e.names.map((n) => (
                  <Table.Tr key={`${n.kind}-${n.name}`}>
                    <Table.Td>{n.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" size="sm">
                        {t(`nameKinds.${n.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {n.lang ?? ""}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {e.identifiers.length ? (
            <Field label={t("entry.identifiers")}>
              {e.identifiers.map((i) => `${i.scheme}: ${i.value}`).join(" / ")}
            </Field>
          ) : null}
          {e.addresses?.length ? (
            <Field label={t("entry.addresses")}>
              <Stack gap={2}>
                {e.addresses.map((a) => (
                  <Text key={a} size="sm">
                    {a}
                  </Text>
                ))}
              </Stack>
            </Field>
          ) : null}
          {e.remarks ? (
            <Field label={t("entry.remarks")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {e.remarks}
              </Text>
            </Field>
          ) : null}
          {e.details && Object.keys(e.details).length ? (
            <Field label={t("entry.details")}>
              <Stack gap={2}>
                {Object.entries(e.details).map(([k, v]) => (
                  <Text key={k} size="sm">
                    {k}: {Array.isArray(v) ? v.join(", ") : v}
                  </Text>
                ))}
              </Stack>
            </Field>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ fontSize: "var(--mantine-font-size-sm)" }}>{children}</div>
    </Group>
  );
}
