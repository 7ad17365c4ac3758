import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ApiResponse } from "../../api/types";
import { api, qs } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { ReviewPicker, ReviewRef } from "../../app/components/ReviewPicker";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { RelatedCases } from "../cases/RelatedCases";
import {
  type LinkReason,
  type Report,
  useAssignees,
  useQuestionnaire,
  useReport,
  useReportAction,
} from "./api";
import { ApproachesTabs, RiskPanel, StatusBadge } from "./components";
import { PartyLinkingNotice } from "./PartyLinkingNotice";

/** Words a link reason ("same profile URL: linkedin.com/in/…"). */
export function ReasonText({ reason }: { reason: LinkReason }) {
  const { t } = useTranslation("approaches");
  const label =
    reason.kind === "text"
      ? reason.similarity === undefined
        ? t("reasons.textShared")
        : t("reasons.text", { similarity: Math.round(reason.similarity * 100) / 100 })
      : t(`reasons.${reason.kind}`);
  const why = reason.detail ? bi(reason.detail) : undefined;
  return (
    <Text span size="sm" title={why}>
      {label}
      {reason.value ? (
        <Text span c="dimmed" size="sm">
          {" "}
          ({reason.value})
        </Text>
      ) : null}
      {why && !reason.value ? (
        <Text span c="dimmed" size="sm">
          {" "}
          ({why})
        </Text>
      ) : null}
    </Text>
  );
}

/** One report: what was reported, the assessment, related cases, and for the office the triage panel. */
export function ReportDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation("approaches");
  const report = useReport(id);
  const questionnaire = useQuestionnaire();
  if (report.isLoading) return <Loader />;
  if (report.error || !report.data) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const q = questionnaire.data;
  const label = (list: { id: string; label: { ja: string; en: string } }[] | undefined, id: string) =>
    bi(list?.find((x) => x.id === id)?.label) || id;
  const flags = [...r.assessment.firedFlags, ...(r.office?.screeningFlags ?? [])];

  return (
    <Stack>
      <ApproachesTabs />
      <PageHeader
        title={
          <Group gap="sm">
            {r.reference}
            <StatusBadge status={r.status} />
          </Group>
        }
        subtitle={label(q?.channels, r.channel)}
        actions={
          r.status === "draft" && r.mine ? (
            <Button component={Link} to={`/approaches/${r.id}/edit`}>
              {t("detail.edit")}
            </Button>
          ) : null
        }
      />
      {r.mine && r.status !== "draft" ? (
        <Alert color="green" data-testid="report-received">
          {t("detail.received")}
        </Alert>
      ) : null}
      {r.status === "draft" ? <Alert color="yellow">{t("detail.draftNotice")}</Alert> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t("detail.facts")}
              </Title>
              <Table variant="vertical" withRowBorders={false}>
                <Table.Tbody>
                  <Row label={t("detail.reporter")} value={r.reporter.displayName} />
                  <Row label={t("detail.department")} value={r.reporter.department} />
                  <Row label={t("detail.submittedAt")} value={formatDateTime(r.submittedAt)} />
                  <Row label={t("form.occurredOn")} value={formatDate(r.occurredOn)} />
                  <Row label={t("form.senderName")} value={r.sender.name} />
                  <Row label={t("form.organisation")} value={r.sender.organisation} />
                  <Row label={t("form.profileUrl")} value={r.sender.profileUrl} />
                  <Row label={t("form.email")} value={r.sender.email} />
                  <Row label={t("form.phone")} value={r.sender.phone} />
                  <Row
                    label={t("form.offered")}
                    value={[...r.offered.map((o) => label(q?.offered, o)), r.offeredOther]
                      .filter(Boolean)
                      .join("、")}
                  />
                  <Row
                    label={t("form.asked")}
                    value={[...r.asked.map((o) => label(q?.asked, o)), r.askedOther]
                      .filter(Boolean)
                      .join("、")}
                  />
                </Table.Tbody>
              </Table>
              {r.messageText ? (
                <>
                  <Text fw={600} size="sm" mt="sm">
                    {t("form.messageText")}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {r.messageText}
                  </Text>
                </>
              ) : null}
              {r.description ? (
                <>
                  <Text fw={600} size="sm" mt="sm">
                    {t("form.description")}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {r.description}
                  </Text>
                </>
              ) : null}
              <Text fw={600} size="sm" mt="sm">
                {t("form.attachments")}
              </Text>
              {r.attachments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("detail.noAttachments")}
                </Text>
              ) : (
                <Stack gap={2}>
                  {r.attachments.map((a) => (
                    <Group key={a.id} gap="xs">
                      <Anchor href={`/api/approaches/${r.id}/attachments/${a.id}`} target="_blank" size="sm">
                        {a.fileName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {Math.ceil(a.sizeBytes / 1024)} KB · SHA-256 {a.sha256.slice(0, 12)}…
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
            {r.office ? <OfficePanel report={r} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <RiskPanel assessment={r.assessment} />
            <RelatedCases flags={flags} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td style={{ wordBreak: "break-word" }}>{value}</Table.Td>
    </Table.Tr>
  );
}

/** Triage, cluster, parties and screening, reviews, notes and the PDF export. */
function OfficePanel({ report }: { report: Report }) {
  const { t } = useTranslation("approaches");
  const office = report.office!;
  const canTriage = office.canTriage;
  const questionnaire = useQuestionnaire();
  const assignees = useAssignees(canTriage);
  const action = useReportAction();
  const [status, setStatus] = useState<string>(report.status);
  const [assigneeId, setAssigneeId] = useState<string | null>(office.assignee?.id ?? null);
  const [outcome, setOutcome] = useState<string | null>(office.outcome);
  const [outcomeNote, setOutcomeNote] = useState(office.outcomeNote ?? "");
  const [note, setNote] = useState("");
  const [reviewId, setReviewId] = useState<string | null>(null);
  const [pseudonymise, setPseudonymise] = useState(true);
  const [partyQuery, setPartyQuery] = useState("");
  const [partyRole, setPartyRole] = useState<"sender" | "organisation">("organisation");
  const [debouncedParty] = useDebouncedValue(partyQuery, 250);
  const parties = useQuery({
    queryKey: ["parties", "pick", debouncedParty],
    queryFn: () =>
      api.get<ApiResponse<"/api/parties">>(`/api/parties${qs({ q: debouncedParty, pageSize: 8 })}`),
    enabled: canTriage && debouncedParty.trim().length >= 2,
  });
  const errors = fieldErrors(action.error);
  const run = (path: string, body?: unknown, method: "post" | "delete" = "post") =>
    action.mutateAsync({ id: report.id, method, path, body }).then(() => {
      notifications.show({ color: "green", message: t("office.saved") });
    });

  return (
    <Paper withBorder p="md" data-testid="office-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t("office.title")}</Title>
          {!canTriage ? <Badge color="gray">{t("office.readOnly")}</Badge> : null}
        </Group>
        <ErrorAlert error={action.error} />

        <Group grow align="flex-start">
          <Select
            label={t("office.status")}
            value={status}
            onChange={(v) => v && setStatus(v)}
            disabled={!canTriage}
            allowDeselect={false}
            data={["new", "in_review", "closed"].map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <Select
            label={t("office.assignee")}
            value={assigneeId}
            onChange={setAssigneeId}
            disabled={!canTriage}
            clearable
            placeholder={t("office.unassigned")}
            error={errors.assigneeId}
            data={(assignees.data?.items ?? [])
              .map((u) => ({ value: u.id, label: u.displayName }))
              .concat(
                office.assignee && !(assignees.data?.items ?? []).some((u) => u.id === office.assignee!.id)
                  ? [{ value: office.assignee.id, label: office.assignee.displayName }]
                  : [],
              )}
          />
          <Select
            label={t("office.outcome")}
            value={outcome}
            onChange={setOutcome}
            disabled={!canTriage}
            clearable
            error={errors.outcome}
            data={(questionnaire.data?.outcomes ?? []).map((o) => ({ value: o.id, label: bi(o.label) }))}
          />
        </Group>
        <Textarea
          label={t("office.outcomeNote")}
          value={outcomeNote}
          onChange={(e) => setOutcomeNote(e.currentTarget.value)}
          disabled={!canTriage}
          autosize
          minRows={2}
        />
        {canTriage ? (
          <Group>
            <Button
              loading={action.isPending}
              onClick={() =>
                void run("/triage", {
                  version: report.version,
                  status,
                  assigneeId,
                  outcome,
                  outcomeNote: outcomeNote || null,
                })
              }
            >
              {t("office.save")}
            </Button>
          </Group>
        ) : null}

        <div data-testid="cluster-panel">
          <Title order={5}>{t("office.cluster")}</Title>
          {office.cluster ? (
            <Group gap="sm">
              <Text size="sm">
                {t("office.clusterText", {
                  people: office.cluster.reporterCount,
                  reports: office.cluster.reportCount,
                })}
              </Text>
              <Anchor component={Link} to={`/approaches/clusters/${office.cluster.id}`} size="sm">
                {t("office.openCluster")}
              </Anchor>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t("office.noLinks")}
            </Text>
          )}
          {office.links.length > 0 ? (
            <Stack gap={2} mt={4}>
              {office.links.map((l) => (
                <Group key={l.reportId} gap="xs">
                  <Anchor component={Link} to={`/approaches/${l.reportId}`} size="sm">
                    {l.reference}
                  </Anchor>
                  {l.reasons.map((reason) => (
                    <Badge key={reason.kind} variant="light" size="sm" tt="none">
                      <ReasonText reason={reason} />
                    </Badge>
                  ))}
                </Group>
              ))}
            </Stack>
          ) : null}
        </div>

        <div>
          <Title order={5}>{t("office.parties")}</Title>
          <PartyLinkingNotice linking={office.partyLinking} />
          {office.parties.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("office.noParties")}
            </Text>
          ) : (
            <Stack gap={4}>
              {office.parties.map((p) => (
                <Group key={p.partyId} gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/parties/${p.partyId}`} size="sm">
                    {p.name}
                  </Anchor>
                  <Badge size="xs" variant="outline">
                    {t(`office.roles.${p.role}`)}
                  </Badge>
                  <Text
                    size="xs"
                    c={p.screening?.openHitCount || p.screening?.confirmedHitCount ? "red" : "dimmed"}
                  >
                    {p.screening?.status === "screened"
                      ? t("office.screened", {
                          open: p.screening.openHitCount,
                          confirmed: p.screening.confirmedHitCount,
                        })
                      : bi(p.screening?.message)}
                  </Text>
                  {canTriage ? (
                    <Anchor
                      size="xs"
                      component="button"
                      onClick={() => void run(`/parties/${p.partyId}`, undefined, "delete")}
                    >
                      {t("office.unlink")}
                    </Anchor>
                  ) : null}
                </Group>
              ))}
            </Stack>
          )}
          {canTriage ? (
            <Group mt="xs" align="flex-end">
              <Button size="xs" variant="light" onClick={() => void run("/screen")}>
                {t("office.screenAgain")}
              </Button>
              <TextInput
                size="xs"
                label={t("office.linkParty")}
                placeholder={t("office.partySearch")}
                value={partyQuery}
                onChange={(e) => setPartyQuery(e.currentTarget.value)}
              />
              <Select
                size="xs"
                w={110}
                label={t("office.role")}
                value={partyRole}
                allowDeselect={false}
                onChange={(v) => v && setPartyRole(v as "sender" | "organisation")}
                data={[
                  { value: "sender", label: t("office.roles.sender") },
                  { value: "organisation", label: t("office.roles.organisation") },
                ]}
              />
            </Group>
          ) : null}
          {canTriage && (parties.data?.items ?? []).length > 0 ? (
            <Stack gap={2} mt={4}>
              {parties.data!.items.map((p) => (
                <Group key={p.id} gap="xs">
                  <Text size="sm">{p.primaryName}</Text>
                  <Anchor
                    size="xs"
                    component="button"
                    onClick={() => {
                      setPartyQuery("");
                      void run("/parties", { partyId: p.id, role: partyRole });
                    }}
                  >
                    {t("office.link")}
                  </Anchor>
                </Group>
              ))}
            </Stack>
          ) : null}
        </div>

        <div>
          <Title order={5}>{t("office.reviews")}</Title>
          <Stack gap={2}>
            {office.reviewIds.map((rid) => (
              <Group key={rid} gap="xs">
                <ReviewRef id={rid} />
                {canTriage ? (
                  <Anchor
                    size="xs"
                    component="button"
                    onClick={() => void run(`/reviews/${rid}`, undefined, "delete")}
                  >
                    {t("office.unlink")}
                  </Anchor>
                ) : null}
              </Group>
            ))}
          </Stack>
          {canTriage ? (
            <Group mt="xs" align="flex-end">
              <ReviewPicker
                size="xs"
                w={420}
                label={t("office.reviewId")}
                value={reviewId}
                onChange={setReviewId}
                exclude={office.reviewIds}
                error={errors.reviewId}
              />
              <Button
                size="xs"
                variant="light"
                disabled={!reviewId}
                onClick={() =>
                  reviewId ? void run("/reviews", { reviewId }).then(() => setReviewId(null)) : undefined
                }
              >
                {t("office.addReview")}
              </Button>
            </Group>
          ) : null}
        </div>

        <div>
          <Title order={5}>{t("office.notes")}</Title>
          <Stack gap={4}>
            {office.notes.map((n) => (
              <Paper key={n.id} bg="gray.0" p="xs">
                <Text size="xs" c="dimmed">
                  {n.authorName} · {formatDateTime(n.createdAt)}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {n.text}
                </Text>
              </Paper>
            ))}
          </Stack>
          {canTriage ? (
            <Group mt="xs" align="flex-end">
              <Textarea
                style={{ flex: 1 }}
                aria-label={t("office.addNote")}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={1}
              />
              <Button
                size="xs"
                variant="light"
                disabled={!note.trim()}
                onClick={() => void run("/notes", { text: note }).then(() => setNote(""))}
              >
                {t("office.addNote")}
              </Button>
            </Group>
          ) : null}
        </div>

        {canTriage ? (
          <Group align="center">
            <Title order={5}>{t("office.export")}</Title>
            <Checkbox
              label={t("office.pseudonymise")}
              checked={pseudonymise}
              onChange={(e) => setPseudonymise(e.currentTarget.checked)}
            />
            <Button
              component="a"
              variant="outline"
              href={`/api/approaches/${report.id}/pdf${qs({ pseudonymise: pseudonymise ? "true" : "false" })}`}
              download={`${report.reference}.pdf`}
            >
              {t("office.downloadPdf")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
