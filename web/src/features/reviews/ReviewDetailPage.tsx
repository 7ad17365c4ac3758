import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { SampleBadge, useListLabel } from "../../app/components/ListLabels";
import { PageHeader } from "../../app/components/PageHeader";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { SeparationNotice } from "../access/SeparationNotice";
import { AftercarePanel } from "./AftercarePanel";
import {
  type Counterparty,
  type Hit,
  type Reference,
  type Review,
  useDecideHit,
  useReference,
  useReview,
  useScreenCounterparties,
  useTransition,
} from "./api";
import { RiskBadge, StatusBadge } from "./badges";
import { ClassificationPanel } from "./ClassificationPanel";
import { useAssignableUsers } from "./exportApi";
import { HireWatchlistPanel } from "./HireWatchlistPanel";
import { IdentityChecksPanel } from "./IdentityChecksPanel";
import { LicencePanel } from "./LicencePanel";
import { RiskPanel } from "./RiskPanel";
import { TransactionCheckPanel } from "./TransactionCheckPanel";

/** One review: the application, counterparties with screening, 該非判定, 取引審査, risk, history and actions. */
export function ReviewDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation("reviews");
  const ref = useReference();
  const review = useReview(id);
  if (review.isLoading || ref.isLoading) return <Loader />;
  if (review.error || !review.data || !ref.data) return <ErrorAlert error={review.error ?? ref.error} />;
  const r = review.data;
  const reference = ref.data;
  // Each role sees the part it must act on first, right under the actions (issue 14 §1): the unit
  // officer's 該非判定 at 部局確認, the secretariat's 取引審査 at its stage; the rest follows below.
  const myPart: "classification" | "transaction" | null = r.permissions.check
    ? "transaction"
    : r.permissions.classify && r.status !== "draft" && r.status !== "returned"
      ? "classification"
      : null;
  const classification = <ClassificationPanel review={r} reference={reference} />;
  const transaction =
    r.permissions.check || r.transactionCheck ? (
      <TransactionCheckPanel review={r} reference={reference} />
    ) : null;
  // Hiring: the identity checklist is the secretariat's (or unit officer's) own work, so it comes up
  // with their part while they can record it; everyone else finds it below.
  const identityChecksMine =
    r.identityChecks !== null && r.identityChecks !== undefined && r.permissions.identityCheck === true;
  const identityChecks = r.identityChecks ? <IdentityChecksPanel review={r} /> : null;
  return (
    <Stack>
      <PageHeader
        title={
          <Group gap="xs">
            <span>{r.title}</span>
            <StatusBadge status={r.status} label={bi(r.statusLabel)} />
            <RiskBadge level={r.assessment.level} />
          </Group>
        }
        subtitle={`${r.refNo} · ${bi(r.activityLabel)} · ${r.applicant.name}`}
        actions={
          r.permissions.edit ? (
            <Button component={Link} to={`/reviews/${r.id}/edit`} variant="default">
              {t("edit")}
            </Button>
          ) : null
        }
      />
      {r.conditions || r.decisionComment ? (
        <Alert color={r.status === "rejected" ? "red" : "green"} title={t("decision")}>
          {r.conditions ? (
            <Text size="sm" data-testid="review-conditions">
              {t("conditions")}: {r.conditions}
            </Text>
          ) : null}
          {r.decisionComment ? <Text size="sm">{r.decisionComment}</Text> : null}
          {r.retentionUntil ? (
            <Text size="xs" c="dimmed">
              {t("retentionUntil")}: {formatDate(r.retentionUntil)}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <SeparationNotice separation={r.separationOfDuties} />
      <ActionBar review={r} reference={reference} />
      {myPart ? (
        <Stack gap={4} data-testid="my-part">
          <Text size="sm" fw={600} c="indigo">
            {t("myPart")}
          </Text>
          {myPart === "classification" ? classification : transaction}
          {identityChecksMine ? identityChecks : null}
        </Stack>
      ) : identityChecksMine ? (
        <Stack gap={4} data-testid="my-part">
          <Text size="sm" fw={600} c="indigo">
            {t("myPart")}
          </Text>
          {identityChecks}
        </Stack>
      ) : null}
      {r.activityType === "hiring_contracting" ? <HireWatchlistPanel review={r} /> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack>
          <Overview review={r} reference={reference} />
          <Counterparties review={r} reference={reference} />
        </Stack>
        <Stack>
          <RiskPanel review={r} />
          <Routing review={r} />
          <History review={r} reference={reference} />
          <Forms review={r} reference={reference} />
        </Stack>
      </SimpleGrid>
      {identityChecksMine ? null : identityChecks}
      {myPart === "classification" ? null : classification}
      {myPart === "transaction" ? null : transaction}
      <LicencePanel review={r} reference={reference} />
      <AftercarePanel review={r} reference={reference} />
    </Stack>
  );
}

function ActionBar({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  const te = useTranslation("export").t;
  const transition = useTransition();
  const [action, setAction] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const due30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  type ConditionRow = { text: string; ownerUserId: string | null; dueOn: string | null };
  const blankCondition = (): ConditionRow => ({ text: "", ownerUserId: r.applicant.userId, dueOn: due30 });
  const [rows, setRows] = useState<ConditionRow[]>([blankCondition()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const users = useAssignableUsers(r.actions.includes("approve_with_conditions"));
  if (r.actions.length === 0) return null;
  const conditions = rows
    .map((c) => c.text.trim())
    .filter(Boolean)
    .join("\n");
  const label = (a: string) => bi(reference.actions.find((x) => x.value === a)?.label) || a;
  const needsText = (a: string) => a !== "submit";
  const run = async (a: string) => {
    setErrors({});
    try {
      const items = rows.filter((c) => c.text.trim());
      await transition.mutateAsync({
        id: r.id,
        action: a,
        comment: comment || undefined,
        conditions: a === "approve_with_conditions" ? conditions : undefined,
        ...(a === "approve_with_conditions" && items.length > 0 ? { conditionItems: items } : {}),
        version: r.version,
      });
      notifications.show({ color: "green", message: t("done", { action: label(a) }) });
      setAction(null);
      setComment("");
      setRows([blankCondition()]);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const danger = (a: string) => a === "reject" || a === "withdraw";
  return (
    <Paper withBorder p="sm">
      <Group>
        <Text fw={600}>{t("actions")}</Text>
        {r.actions.map((a) => (
          <Button
            key={a}
            color={danger(a) ? "red" : a === "return" || a === "send_back" ? "orange" : undefined}
            variant={
              a.startsWith("approve") ||
              a === "submit" ||
              a === "forward" ||
              a === "complete_check" ||
              a === "clear"
                ? "filled"
                : "light"
            }
            onClick={() => (a === "submit" ? run(a) : setAction(a))}
            loading={transition.isPending && action === a}
          >
            {label(a)}
          </Button>
        ))}
      </Group>
      {!action ? <ErrorAlert error={transition.error} /> : null}
      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? label(action) : ""}>
        <Stack>
          <ErrorAlert error={transition.error} />
          {action === "approve_with_conditions" ? (
            <Stack gap="xs" data-testid="condition-rows">
              {rows.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <Paper withBorder p="xs" key={i}>
                  <Textarea
                    label={i === 0 ? t("conditionsField") : `${t("conditionsField")} (${i + 1})`}
                    withAsterisk={i === 0}
                    autosize
                    minRows={2}
                    value={c.text}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      setRows(rows.map((x, k) => (k === i ? { ...x, text } : x)));
                    }}
                    error={i === 0 ? errors.conditions : errors[`conditionItems.${i}.text`]}
                  />
                  <SimpleGrid cols={2} mt={4}>
                    <Select
                      label={te("after.owner")}
                      searchable
                      data={(users.data?.items ?? [])
                        .concat(
                          users.data?.items.some((u) => u.id === r.applicant.userId)
                            ? []
                            : [{ id: r.applicant.userId, displayName: r.applicant.name, roles: [] }],
                        )
                        .map((u) => ({ value: u.id, label: u.displayName }))}
                      value={c.ownerUserId}
                      onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, ownerUserId: v } : x)))}
                      error={errors[`conditionItems.${i}.ownerUserId`]}
                    />
                    <TextInput
                      type="date"
                      label={te("after.due")}
                      value={c.dueOn ?? ""}
                      onChange={(e) => {
                        const dueOn = e.currentTarget.value || null;
                        setRows(rows.map((x, k) => (k === i ? { ...x, dueOn } : x)));
                      }}
                      error={errors[`conditionItems.${i}.dueOn`]}
                    />
                  </SimpleGrid>
                </Paper>
              ))}
              <Group>
                <Button size="xs" variant="subtle" onClick={() => setRows([...rows, blankCondition()])}>
                  {te("after.addCondition")}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {te("after.conditionsHelp")}
              </Text>
            </Stack>
          ) : null}
          {action && needsText(action) ? (
            <Textarea
              label={t("comment")}
              withAsterisk={["return", "send_back", "reject"].includes(action)}
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={errors.comment}
            />
          ) : null}
          <Group>
            <Button
              color={action && danger(action) ? "red" : undefined}
              onClick={() => action && run(action)}
              loading={transition.isPending}
            >
              {t("confirm")}
            </Button>
            <Button variant="default" onClick={() => setAction(null)}>
              {t("cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Overview({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  const q = reference.questionnaires.find((x) => x.type === r.activityType);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t("overview")}
      </Title>
      <Table>
        <Table.Tbody>
          <Row label={t("unit")} value={r.unit ?? "—"} />
          <Row label={t("topic")} value={r.details.topic} />
          <Row label={t("dataInvolved")} value={r.details.dataInvolved} />
          <Row
            label={t("period")}
            value={`${formatDate(r.details.startDate)} 〜 ${formatDate(r.details.endDate)}`}
          />
          <Row label={t("purpose")} value={r.details.purpose} />
        </Table.Tbody>
      </Table>
      <Title order={5} mt="md" mb="xs">
        {t("answers")}
      </Title>
      <Table data-testid="answers-table">
        <Table.Tbody>
          {(q?.questions ?? []).map((question) => {
            const v = r.answers[question.id];
            const shown =
              v === undefined || v === null || v === ""
                ? t("unanswered")
                : question.kind === "yesno"
                  ? v
                    ? t("yes")
                    : t("no")
                  : question.kind === "select"
                    ? bi(question.options?.find((o) => o.value === v)?.label) || String(v)
                    : String(v);
            return (
              <Table.Tr key={question.id}>
                <Table.Td>
                  <Text size="sm">{bi(question.label)}</Text>
                </Table.Td>
                <Table.Td w={160}>
                  <Text
                    size="sm"
                    fw={v === true && question.flag ? 700 : 400}
                    c={v === true && question.flag ? "red" : undefined}
                  >
                    {shown}
                  </Text>
                  {r.notes[question.id] ? (
                    <Text size="xs" c="dimmed">
                      {r.notes[question.id]}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td w={160}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {value || "—"}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Counterparties({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  const screen = useScreenCounterparties();
  return (
    <Paper withBorder p="md" data-testid="counterparties">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("counterparties")}</Title>
        {r.permissions.screen ? (
          <Button
            size="xs"
            variant="light"
            loading={screen.isPending}
            onClick={() => screen.mutate({ id: r.id })}
          >
            {t("screenAll")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={screen.error} />
      <Stack gap="sm">
        {r.counterparties.map((c) => (
          <CounterpartyCard key={c.id} review={r} c={c} reference={reference} />
        ))}
      </Stack>
    </Paper>
  );
}

function CounterpartyCard({
  review,
  c,
  reference,
}: {
  review: Review;
  c: Counterparty;
  reference: Reference;
}) {
  const { t } = useTranslation("reviews");
  const live = c.screening?.hits.filter((h) => h.match) ?? [];
  return (
    <Paper withBorder p="sm" data-testid={`counterparty-${c.partyId}`}>
      <Group justify="space-between">
        <Anchor component={Link} to={`/parties/${c.partyId}`} fw={600}>
          {c.name}
        </Anchor>
        <Badge variant="light">
          {bi(reference.counterpartyRoles.find((o) => o.value === c.role)?.label) || c.role}
        </Badge>
      </Group>
      <Group gap="xs" mt={4}>
        <Text size="sm" c="dimmed">
          {t("screening")}:
        </Text>
        {c.screening === null ? (
          <Badge color="gray" variant="outline">
            {t("notScreened")}
          </Badge>
        ) : live.length === 0 ? (
          <Badge color="green" variant="light">
            {t("noHits")}
          </Badge>
        ) : null}
        {c.openHits > 0 ? <Badge color="orange">{t("openHits", { count: c.openHits })}</Badge> : null}
        {c.confirmedHits > 0 ? (
          <Badge color="red">{t("confirmedHits", { count: c.confirmedHits })}</Badge>
        ) : null}
        {c.screenedAt ? (
          <Text size="xs" c="dimmed">
            {formatDateTime(c.screenedAt)}
          </Text>
        ) : null}
      </Group>
      {live.length > 0 ? (
        <List size="sm" mt={4}>
          {live.map((h) => (
            <List.Item key={`${h.source}-${h.name}-${h.entityId ?? ""}`}>
              <HitLine review={review} partyId={c.partyId} hit={h} />
            </List.Item>
          ))}
        </List>
      ) : null}
      {c.person ? (
        <Group gap="xs" mt={4}>
          <Text size="sm" c="dimmed">
            {t("person")}:
          </Text>
          {c.person.tokutei.active ? (
            <Badge color="red" data-testid="tokutei-badge">
              {t("tokuteiActive", {
                types: c.person.tokutei.types.map((x) => ["", "①", "②", "③"][Number(x)]).join(""),
              })}
            </Badge>
          ) : null}
          {c.person.residency ? <Badge variant="light">{t(`residency.${c.person.residency}`)}</Badge> : null}
          {c.person.declarationOverdue ? <Badge color="orange">{t("overdue")}</Badge> : null}
          <Anchor component={Link} to={`/people/${c.person.personId}`} size="sm">
            →
          </Anchor>
        </Group>
      ) : null}
    </Paper>
  );
}

function HitLine({ review, partyId, hit }: { review: Review; partyId: string; hit: Hit }) {
  const { t } = useTranslation("reviews");
  const decide = useDecideHit();
  const [rationale, setRationale] = useState("");
  const state = hit.decision ?? "open";
  const listLabel = useListLabel();
  return (
    <Stack gap={2}>
      <Text size="sm">
        {listLabel(hit.source)}: {hit.name} ({hit.score.toFixed(2)}) <SampleBadge source={hit.source} />{" "}
        {hit.programs.length ? `[${hit.programs.join(", ")}]` : ""} — <b>{t(`decisions.${state}`)}</b>
      </Text>
      {hit.decision === null && hit.entityId && review.permissions.screen ? (
        <Group gap="xs">
          <Textarea
            aria-label={t("decisionRationale")}
            placeholder={t("decisionRationale")}
            size="xs"
            autosize
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          {(["false_positive", "true_match"] as const).map((status) => (
            <Button
              key={status}
              size="xs"
              variant="light"
              color={status === "true_match" ? "red" : "gray"}
              loading={decide.isPending}
              disabled={!rationale.trim()}
              onClick={() =>
                decide.mutate({ partyId, entityId: hit.entityId!, status, rationale, reviewId: review.id })
              }
            >
              {status === "true_match" ? t("decideMatch") : t("decideFalse")}
            </Button>
          ))}
        </Group>
      ) : null}
      <ErrorAlert error={decide.error} />
    </Stack>
  );
}

function Routing({ review: r }: { review: Review }) {
  const { t } = useTranslation("reviews");
  return (
    <Paper withBorder p="md" data-testid="routing">
      <Title order={4} mb="xs">
        {t("routing")}
      </Title>
      <Badge color={r.routing.track === "full" ? "violet" : "teal"} mb="xs">
        {t(`track.${r.routing.track}`)}
      </Badge>
      <List size="sm">
        {r.routing.reasons.map((reason) => (
          <List.Item key={reason.en}>{bi(reason)}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

function History({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  return (
    <Paper withBorder p="md" data-testid="review-history">
      <Title order={4} mb="xs">
        {t("history")}
      </Title>
      {r.events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noHistory")}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {r.events.map((e) => (
            <Timeline.Item
              key={`${e.at}-${e.action}`}
              title={bi(reference.actions.find((a) => a.value === e.action)?.label) || e.action}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)} · {e.actor} →{" "}
                {bi(reference.states.find((s) => s.value === e.to)?.label)}
              </Text>
              {e.comment ? <Text size="sm">{e.comment}</Text> : null}
              {e.conditions ? (
                <Text size="sm">
                  {t("conditions")}: {e.conditions}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

function Forms({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t("forms")}
      </Title>
      <Stack gap={4}>
        {reference.forms.map((f) => (
          <Group key={f.value} gap="xs">
            <Text size="sm" w={140}>
              {bi(f.label).replace(/ \(.*\)$/, "")}
            </Text>
            <Anchor href={`/api/reviews/${r.id}/forms/${f.value}?lang=ja`} target="_blank" size="sm">
              日本語 PDF
            </Anchor>
            <Anchor href={`/api/reviews/${r.id}/forms/${f.value}?lang=en`} target="_blank" size="sm">
              English PDF
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
