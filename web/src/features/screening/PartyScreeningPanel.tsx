import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { formatDateTime } from "../../app/format";
import {
  type Decision,
  type PartyHit,
  useDecide,
  usePartyDecisions,
  usePartyRuns,
  usePartyScreening,
  useScreenParty,
} from "./api";
import { EntryDrawer, HitCard, useSourceLabel } from "./HitCard";
import { HIT_DECIDERS, SCREENING_OFFICERS } from "./roles";

type Pending = { hit: PartyHit; status: Decision["status"] };

/**
 * Screening on a party's page: screen it now, its latest hits with explanations, decide on each hit
 * (true match / false positive with a rationale, remembered for this party and list entry), and the
 * history of decisions and runs. Render it only for SCREENING_READERS.
 */
export function PartyScreeningPanel({ partyId, archived }: { partyId: string; archived: boolean }) {
  const { t } = useTranslation("screening");
  const { hasRole } = useAuth();
  const latest = usePartyScreening(partyId);
  const decisions = usePartyDecisions(partyId);
  const runs = usePartyRuns(partyId);
  const screen = useScreenParty();
  const decide = useDecide();
  const sourceLabel = useSourceLabel();
  const [entityId, setEntityId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [rationale, setRationale] = useState("");
  const result = latest.data?.result ?? null;
  const canDecide = hasRole(...HIT_DECIDERS);

  const openDecision = (hit: PartyHit, status: Decision["status"]) => {
    decide.reset();
    setRationale("");
    setPending({ hit, status });
  };

  return (
    <Paper withBorder p="md" id="screening" data-testid="party-screening">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("party.title")}</Title>
        {hasRole(...SCREENING_OFFICERS) && !archived ? (
          <Button loading={screen.isPending} onClick={() => screen.mutate(partyId)}>
            {t("party.screenNow")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={screen.error ?? latest.error} />
      {latest.isLoading ? <Loader size="sm" /> : null}
      {latest.data && !result ? <Text c="dimmed">{t("party.never")}</Text> : null}
      {result ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="party-screening-summary">
            {t("party.summary", {
              at: formatDateTime(result.screenedAt),
              by: result.actorLabel,
              trigger: t(`party.triggers.${result.trigger}`),
              hits: result.hits.length,
              open: result.openHitCount,
              confirmed: result.confirmedHitCount,
            })}
          </Text>
          {result.hits.length === 0 ? <Alert color="green">{t("party.noHits")}</Alert> : null}
          {result.hits.map((hit, i) => (
            <HitCard
              key={hit.entityId}
              hit={hit}
              rank={i + 1}
              onOpenEntry={setEntityId}
              extra={
                <Group justify="space-between" align="flex-end" data-testid="hit-decision">
                  <DecisionState hit={hit} />
                  {canDecide ? (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => openDecision(hit, "true_match")}
                      >
                        {t("decision.trueMatch")}
                      </Button>
                      <Button
                        size="xs"
                        color="green"
                        variant="light"
                        onClick={() => openDecision(hit, "false_positive")}
                      >
                        {t("decision.falsePositive")}
                      </Button>
                    </Group>
                  ) : null}
                </Group>
              }
            />
          ))}
        </Stack>
      ) : null}

      <Title order={5} mt="lg" mb="xs">
        {t("decision.history")}
      </Title>
      {(decisions.data?.items.length ?? 0) === 0 ? (
        <Text size="sm" c="dimmed">
          {t("decision.none")}
        </Text>
      ) : (
        <Table fz="sm" data-testid="decision-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("decision.at")}</Table.Th>
              <Table.Th>{t("decision.entry")}</Table.Th>
              <Table.Th>{t("decision.status")}</Table.Th>
              <Table.Th>{t("decision.rationale")}</Table.Th>
              <Table.Th>{t("decision.by")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decisions.data?.items.map((d) => (
              <Table.Tr key={d.id} c={d.current ? undefined : "dimmed"}>
                <Table.Td>{formatDateTime(d.decidedAt)}</Table.Td>
                <Table.Td>
                  {d.entityName}
                  <Text size="xs" c="dimmed">
                    {sourceLabel(d.source)} {d.sourceId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={d.status === "true_match" ? "red" : "green"} variant="light">
                    {t(`decision.statuses.${d.status}`)}
                  </Badge>
                  {!d.current ? (
                    <Text size="xs" c="dimmed">
                      {t("decision.replaced")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "pre-wrap" }}>{d.rationale}</Table.Td>
                <Table.Td>{d.decidedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {(runs.data?.items.length ?? 0) > 0 ? (
        <>
          <Title order={5} mt="lg" mb="xs">
            {t("party.runs")}
          </Title>
          <Table fz="sm" data-testid="screening-runs">
            <Table.Tbody>
              {runs.data?.items.map((r) => (
                <Table.Tr key={r.runId}>
                  <Table.Td>{formatDateTime(r.screenedAt)}</Table.Td>
                  <Table.Td>{t(`party.triggers.${r.trigger}`)}</Table.Td>
                  <Table.Td>{r.actorLabel}</Table.Td>
                  <Table.Td>
                    {t("party.runCounts", { hits: r.hitCount, matches: r.matchCount, open: r.openCount })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}

      <EntryDrawer entityId={entityId} onClose={() => setEntityId(null)} />
      <Modal
        opened={!!pending}
        onClose={() => setPending(null)}
        title={pending ? t(`decision.titles.${pending.status}`) : ""}
      >
        {pending ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              decide.mutate(
                {
                  partyId,
                  entityId: pending.hit.entityId,
                  status: pending.status,
                  rationale: rationale.trim(),
                },
                { onSuccess: () => setPending(null) },
              );
            }}
          >
            <Stack>
              <Text size="sm">
                {t("decision.about", { name: pending.hit.name, list: sourceLabel(pending.hit.source) })}
              </Text>
              <SegmentedControl
                value={pending.status}
                onChange={(v) => setPending({ ...pending, status: v as Decision["status"] })}
                data={[
                  { value: "true_match", label: t("decision.statuses.true_match") },
                  { value: "false_positive", label: t("decision.statuses.false_positive") },
                ]}
              />
              <Textarea
                label={t("decision.rationale")}
                description={t("decision.rationaleHint")}
                value={rationale}
                onChange={(e) => setRationale(e.currentTarget.value)}
                autosize
                minRows={3}
                required
                data-autofocus
              />
              <ErrorAlert error={decide.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setPending(null)}>
                  {t("decision.cancel")}
                </Button>
                <Button type="submit" loading={decide.isPending} disabled={rationale.trim() === ""}>
                  {t("decision.save")}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
    </Paper>
  );
}

/** The hit's current decision (or that it awaits one), and a note when the entry changed since. */
function DecisionState({ hit }: { hit: PartyHit }) {
  const { t } = useTranslation("screening");
  if (hit.decision) {
    return (
      <Stack gap={2}>
        <Group gap="xs">
          <Badge
            color={hit.decision.status === "true_match" ? "red" : "green"}
            data-testid="hit-decision-status"
          >
            {t(`decision.statuses.${hit.decision.status}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("decision.decided", {
              by: hit.decision.decidedBy,
              at: formatDateTime(hit.decision.decidedAt),
            })}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {hit.decision.rationale}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={hit.match ? "orange" : "gray"} variant="light" data-testid="hit-decision-status">
          {hit.match ? t("decision.open") : t("decision.belowThreshold")}
        </Badge>
        {hit.isNew ? (
          <Badge color="orange" size="sm">
            {t("party.new")}
          </Badge>
        ) : null}
      </Group>
      {hit.previousDecision ? (
        <Text size="xs" c="dimmed">
          {t("decision.entryChanged", {
            status: t(`decision.statuses.${hit.previousDecision.status}`),
            at: formatDateTime(hit.previousDecision.decidedAt),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
