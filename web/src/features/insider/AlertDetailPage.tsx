import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from "@mantine/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { RequireRole } from "../../app/components/RequireRole";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { RelatedCases } from "../cases/RelatedCases";
import {
  type AlertDetail,
  type AlertStatus,
  type Evidence,
  type Identity,
  INSIDER_READ,
  INSIDER_REVEAL,
  INSIDER_WORK,
  SEVERITY_COLOR,
  STATUS_COLOR,
  STATUSES,
  useAlert,
  useAlertSeries,
  useRevealAlert,
  useTriage,
} from "./api";
import { EChart, type EChartOption } from "./EChart";

/** One alert: why it scored (indicator weights + anomaly), the evidence, the person against peers, triage, reveal. */
export function AlertDetailPage() {
  return (
    <RequireRole roles={[...INSIDER_READ]}>
      <AlertDetailView />
    </RequireRole>
  );
}

function AlertDetailView() {
  const { id } = useParams();
  const { t } = useTranslation("insider");
  const alert = useAlert(id);
  const [revealed, setRevealed] = useState<{ identity: Identity; evidence: Evidence[] } | null>(null);
  if (alert.error) return <ErrorAlert error={alert.error} />;
  if (!alert.data) return <Loader />;
  const a = alert.data;
  return (
    <Stack>
      <Anchor component={Link} to="/insider" size="sm">
        ← {t("detail.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>{t("detail.title", { pseudonym: revealed?.identity.name ?? a.pseudonym })}</Title>
          <Group gap="xs">
            <Badge color={SEVERITY_COLOR[a.severity]} size="lg">
              {t(`severity.${a.severity}`)}
            </Badge>
            <Badge variant="outline" color={STATUS_COLOR[a.status]} size="lg" data-testid="alert-status">
              {t(`status.${a.status}`)}
            </Badge>
            <Text c="dimmed" size="sm">
              <Anchor component={Link} to={`/insider/subjects/${a.subjectId}`} ff="monospace">
                {a.pseudonym}
              </Anchor>
              {" · "}
              {[a.role, a.department].filter(Boolean).join(" · ")}
              {" · "}
              {formatDate(a.firstDay)}
              {a.lastDay !== a.firstDay ? ` – ${formatDate(a.lastDay)}` : ""}
            </Text>
          </Group>
          <Group gap={4}>
            {a.caseLabels.map((c) => (
              <Badge key={c.case} variant="light">
                {t("alerts.caseBadge", { n: c.case })}: {bi(c.label)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Paper withBorder p="sm" miw={140}>
          <Text size="sm" c="dimmed">
            {t("detail.riskScore")}
          </Text>
          <Text size="2rem" fw={700} data-testid="alert-score">
            {a.score.toFixed(1)}
          </Text>
        </Paper>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ScoreBreakdown alert={a} />
        <Stack>
          <TriagePanel alert={a} />
          <RevealPanel alert={a} revealed={revealed} onRevealed={setRevealed} />
        </Stack>
      </SimpleGrid>
      {/* "This resembles …": published cases sharing the detectors' red flags (renders nothing if none). */}
      <RelatedCases flags={a.redFlags} limit={3} title={t("detail.resembles")} />
      <SeriesPanel id={a.id} />
      <EvidenceTimeline alert={a} evidence={revealed?.evidence ?? a.evidence} revealed={!!revealed} />
      <HistoryPanel alert={a} />
    </Stack>
  );
}

/** The explainable score: each indicator's weight (after triage feedback) plus the anomaly part. */
function ScoreBreakdown({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation("insider");
  const indicatorSum = alert.indicators.reduce((s, i) => s + i.weight, 0);
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {t("detail.whyTitle")}
      </Title>
      <Table data-testid="score-breakdown">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("detail.indicator")}</Table.Th>
            <Table.Th>{t("detail.days")}</Table.Th>
            <Table.Th ta="right">{t("detail.weight")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...alert.indicators]
            .sort((x, y) => y.weight - x.weight)
            .map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Tooltip label={bi(i.explanation)} multiline w={360} withArrow>
                    <Text size="sm" span>
                      {bi(i.label)}{" "}
                      <Text span c="dimmed" size="xs" ff="monospace">
                        {i.id}
                      </Text>
                    </Text>
                  </Tooltip>
                  <Text size="xs" c="dimmed">
                    {bi(i.explanation)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t("detail.dayCount", { count: i.count })}
                    <br />
                    <Text span size="xs" c="dimmed">
                      {formatDate(i.firstDay)}
                      {i.lastDay !== i.firstDay ? ` – ${formatDate(i.lastDay)}` : ""}
                    </Text>
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fw={600}>+{i.weight.toFixed(1)}</Text>
                  {i.weight !== i.baseWeight ? (
                    <Text size="xs" c="dimmed">
                      {t("detail.feedbackAdjusted", { base: i.baseWeight })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          <Table.Tr>
            <Table.Td>
              <Text size="sm">{t("detail.anomalyPart")}</Text>
              <Text size="xs" c="dimmed">
                {t("detail.anomalyExplain")}
              </Text>
            </Table.Td>
            <Table.Td />
            <Table.Td ta="right">
              <Text fw={600}>+{alert.anomaly.toFixed(1)}</Text>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>
              <Text fw={700}>{t("detail.total")}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {t("detail.totalExplain", {
                  indicators: indicatorSum.toFixed(1),
                  anomaly: alert.anomaly.toFixed(1),
                })}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text fw={700}>{alert.score.toFixed(1)}</Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** New → reviewing → confirmed / non-issue; a decision needs a note. Decisions feed back into scoring. */
function TriagePanel({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation("insider");
  const { hasRole } = useAuth();
  const triage = useTriage(alert.id);
  const [status, setStatus] = useState<AlertStatus>(alert.status);
  const [note, setNote] = useState(alert.triageNote ?? "");
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setStatus(alert.status);
    setNote(alert.triageNote ?? "");
  }, [alert.status, alert.triageNote]);
  const canWork = hasRole(...INSIDER_WORK);
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {t("triage.title")}
      </Title>
      {canWork ? (
        <Stack gap="xs">
          <SegmentedControl
            value={status}
            onChange={(v) => {
              setStatus(v as AlertStatus);
              setSaved(false);
            }}
            data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            aria-label={t("triage.status")}
          />
          <Textarea
            label={t("triage.note")}
            description={t("triage.noteHelp")}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setSaved(false);
            }}
            autosize
            minRows={2}
            error={fieldErrors(triage.error).note}
          />
          <ErrorAlert error={triage.error} />
          <Group>
            <Button
              loading={triage.isPending}
              onClick={() =>
                triage.mutate(
                  { status, note: note.trim() || null, version: alert.version },
                  { onSuccess: () => setSaved(true) },
                )
              }
            >
              {t("triage.save")}
            </Button>
            {saved ? (
              <Text c="green" size="sm" role="status">
                {t("triage.saved")}
              </Text>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t("triage.feedback")}
          </Text>
        </Stack>
      ) : (
        <Text size="sm">
          {t(`status.${alert.status}`)}
          {alert.triageNote ? ` — ${alert.triageNote}` : ""}
        </Text>
      )}
    </Paper>
  );
}

/** Reveal who is behind the pseudonym: only for permitted roles, with a written reason, audited. */
function RevealPanel({
  alert,
  revealed,
  onRevealed,
}: {
  alert: AlertDetail;
  revealed: { identity: Identity; evidence: Evidence[] } | null;
  onRevealed: (r: { identity: Identity; evidence: Evidence[] }) => void;
}) {
  const { t } = useTranslation("insider");
  const { hasRole } = useAuth();
  const reveal = useRevealAlert(alert.id);
  const [reason, setReason] = useState("");
  return (
    <Paper withBorder p="sm" data-testid="reveal-panel">
      <Title order={4} mb="xs">
        {t("reveal.title")}
      </Title>
      {revealed ? (
        <Stack gap={4} data-testid="revealed-identity">
          <Text fw={700}>{revealed.identity.name ?? revealed.identity.subjectKey}</Text>
          <Text size="sm">
            {t("reveal.account")}: <Code>{revealed.identity.subjectKey}</Code>
            {revealed.identity.email ? ` · ${revealed.identity.email}` : ""}
          </Text>
          <Text size="sm">
            {[revealed.identity.role, revealed.identity.department, revealed.identity.team]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {revealed.identity.projects.length ? (
            <Text size="sm">
              {t("reveal.projects")}: {revealed.identity.projects.join(", ")}
            </Text>
          ) : null}
          {revealed.identity.supervisor ? (
            <Text size="sm">
              {t("reveal.supervisor")}:{" "}
              {revealed.identity.supervisor.name ?? revealed.identity.supervisor.pseudonym}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t("reveal.audited")}
          </Text>
        </Stack>
      ) : hasRole(...INSIDER_REVEAL) ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t("reveal.explain")}
          </Text>
          <Textarea
            label={t("reveal.reason")}
            placeholder={t("reveal.reasonPlaceholder")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            error={fieldErrors(reveal.error).reason}
          />
          <ErrorAlert error={reveal.error} />
          <Group>
            <Button
              color="red"
              variant="light"
              loading={reveal.isPending}
              disabled={reason.trim().length === 0}
              onClick={() => reveal.mutate(reason, { onSuccess: onRevealed })}
            >
              {t("reveal.button")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="gray" data-testid="reveal-not-permitted">
          {t("reveal.notPermitted")}
        </Alert>
      )}
    </Paper>
  );
}

/** The person's daily values of one feature against their own baseline and their peers, and the daily score. */
function SeriesPanel({ id }: { id: string }) {
  const { t } = useTranslation("insider");
  const series = useAlertSeries(id);
  const s = series.data;
  // Default: the feature where the person departs most from their baseline on alerted days.
  // The series are per feature (in the order of `features`), each a value per day.
  const defaultFeature = useMemo(() => {
    if (!s || s.features.length === 0) return 0;
    let best = 0;
    let bestGap = -1;
    s.features.forEach((_, pos) => {
      let gap = 0;
      s.days.forEach((_, d) => {
        if (!s.alerted[d]) return;
        gap = Math.max(gap, (s.user[pos]?.[d] ?? 0) - (s.baseline[pos]?.[d] ?? 0));
      });
      if (gap > bestGap) {
        bestGap = gap;
        best = pos;
      }
    });
    return best;
  }, [s]);
  const [feature, setFeature] = useState<number | null>(null);
  const selected = feature ?? defaultFeature;
  const option = useMemo<EChartOption | null>(() => {
    if (!s) return null;
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: [
        { left: 48, right: 16, top: 32, height: "45%" },
        { left: 48, right: 16, top: "68%", height: "20%" },
      ],
      xAxis: [
        { type: "category", data: s.days, gridIndex: 0, axisLabel: { show: false } },
        { type: "category", data: s.days, gridIndex: 1 },
      ],
      yAxis: [
        { type: "value", gridIndex: 0 },
        { type: "value", gridIndex: 1, name: t("series.score") },
      ],
      series: [
        {
          name: t("series.person"),
          type: "line",
          data: s.user[selected] ?? [],
        },
        {
          name: t("series.baseline"),
          type: "line",
          lineStyle: { type: "dashed" },
          data: s.baseline[selected] ?? [],
        },
        {
          name: t("series.peers"),
          type: "line",
          lineStyle: { type: "dotted" },
          data: s.peers[selected] ?? [],
        },
        {
          name: t("series.score"),
          type: "bar",
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: s.scores.map((v, d) => ({
            value: v,
            itemStyle: { color: s.alerted[d] ? "#e03131" : "#adb5bd" },
          })),
        },
      ],
    };
  }, [s, selected, t]);
  if (series.error) return <ErrorAlert error={series.error} />;
  if (!s || !option) return null;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{t("series.title")}</Title>
        <Select
          aria-label={t("series.feature")}
          value={String(selected)}
          onChange={(v) => v !== null && setFeature(Number(v))}
          data={s.features.map((f, pos) => ({ value: String(pos), label: bi(f.label) }))}
          w={320}
          allowDeselect={false}
          searchable
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t("series.explain", {
          peers: [s.peerGroup.role, s.peerGroup.department].filter(Boolean).join(" · ") || "—",
        })}
      </Text>
      <EChart option={option} height={340} label={t("series.title")} />
    </Paper>
  );
}

/** The raw events that made the alert, in time order, each pointing at its source file and line. */
function EvidenceTimeline({
  alert,
  evidence,
  revealed,
}: {
  alert: AlertDetail;
  evidence: Evidence[];
  revealed: boolean;
}) {
  const { t } = useTranslation("insider");
  const labels = new Map(alert.indicators.map((i) => [i.id, bi(i.label)]));
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Title order={4}>{t("evidence.title", { count: evidence.length })}</Title>
        {revealed ? (
          <Badge color="red">{t("evidence.unmasked")}</Badge>
        ) : (
          <Badge variant="light">{t("evidence.masked")}</Badge>
        )}
      </Group>
      <Table striped data-testid="evidence-timeline" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("evidence.at")}</Table.Th>
            <Table.Th>{t("evidence.activity")}</Table.Th>
            <Table.Th>{t("evidence.host")}</Table.Th>
            <Table.Th>{t("evidence.object")}</Table.Th>
            <Table.Th>{t("evidence.indicators")}</Table.Th>
            <Table.Th>{t("evidence.source")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evidence.map((e) => (
            <Table.Tr key={`${e.seq}-${e.source.file}-${e.source.line}`}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatEventTime(e.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t(`kind.${e.kind}`, { defaultValue: e.kind })} ·{" "}
                  {t(`action.${e.action}`, { defaultValue: e.action })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.host}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`hostContext.${e.hostContext}`, { defaultValue: e.hostContext })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: "break-all" }}>
                  {e.object}
                </Text>
                {e.recipients.length ? (
                  <Text size="xs">
                    {t("evidence.to")}: {e.recipients.join(", ")}
                  </Text>
                ) : null}
                {e.attachments.length ? (
                  <Text size="xs">
                    {t("evidence.attachments")}: {e.attachments.join(", ")}
                  </Text>
                ) : null}
                {e.bytes > 0 ? (
                  <Text size="xs" c="dimmed">
                    {formatBytes(e.bytes)}
                  </Text>
                ) : null}
                {e.assetId ? (
                  <Badge size="xs" color="red" variant="light">
                    {t("evidence.confidentialAsset", { id: e.assetId })}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {e.indicators.map((id) => (
                    <Badge key={id} size="xs" variant="outline" title={id}>
                      {labels.get(id) ?? id}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {e.source.file}:{e.source.line}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function HistoryPanel({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation("insider");
  if (alert.history.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {t("history.title")}
      </Title>
      <Table data-testid="alert-history">
        <Table.Tbody>
          {alert.history.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(h.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{h.actorLabel}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`history.actions.${h.action}`, { defaultValue: h.action })}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {historyDetail(h.after, t)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function historyDetail(after: unknown, t: (key: string) => string): string {
  if (!after || typeof after !== "object") return "";
  const a = after as { status?: string; note?: string | null };
  if (a.status) return `${t(`status.${a.status}`)}${a.note ? ` — ${a.note}` : ""}`;
  return "";
}

/** Event times are local wall-clock times of the logs (no zone): show them as written. */
function formatEventTime(at: string): string {
  return at.replace("T", " ").replace(/(\.\d+)?Z?$/, "");
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}
