import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi } from "../../app/format";
import { useReference } from "../reviews/api";
import {
  type InspectionAnswer,
  useExportReference,
  useInspection,
  useSaveInspection,
  useStatistics,
} from "./api";

/** 年度 (April–March) of today. */
function currentFiscalYear(): number {
  const d = new Date();
  return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
}

/**
 * The yearly self-inspection: the checklist with answers and evidence (text and files), completion,
 * and the year's review statistics as CSV or PDF.
 */
export function SelfInspectionTab() {
  const { t } = useTranslation("export");
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || currentFiscalYear();
  const inspection = useInspection(year);
  const stats = useStatistics(year);
  const save = useSaveInspection(year);
  const { hasRole } = useAuth();
  const editor = hasRole("secretariat", "admin");
  const [answers, setAnswers] = useState<Record<string, InspectionAnswer>>({});
  const [file, setFile] = useState<Record<string, File | null>>({});
  const reviewsRef = useReference();
  const exportRef = useExportReference();
  useEffect(() => {
    if (inspection.data) setAnswers(inspection.data.answers);
  }, [inspection.data]);
  if (inspection.isLoading) return <Loader />;
  if (!inspection.data) return <ErrorAlert error={inspection.error} />;
  const v = inspection.data;
  const completed = v.status === "completed";
  const years = [...new Set([currentFiscalYear(), year, ...v.years.map((y) => y.fiscalYear)])].sort(
    (a, b) => b - a,
  );
  const set = (id: string, patch: Partial<InspectionAnswer>) =>
    setAnswers({ ...answers, [id]: { answer: "yes", note: "", evidence: "", ...answers[id], ...patch } });
  let section = "";
  const label = {
    activity: (k: string) => bi(reviewsRef.data?.questionnaires.find((q) => q.type === k)?.label) || k,
    outcome: (k: string) => bi(reviewsRef.data?.states.find((s) => s.value === k)?.label) || k,
    determination: (k: string) =>
      bi(exportRef.data?.results.find((s) => s.value === k)?.label) ||
      t(`stats.determination.${k}`, { defaultValue: k }),
  };
  return (
    <Stack data-testid="self-inspection">
      <Group align="flex-end">
        <Select
          label={t("inspection.year")}
          w={160}
          allowDeselect={false}
          data={years.map((y) => ({ value: String(y), label: t("inspection.fy", { year: y }) }))}
          value={String(year)}
          onChange={(y) => setParams({ year: y ?? String(currentFiscalYear()) })}
        />
        <Badge size="lg" color={completed ? "green" : "orange"}>
          {completed ? t("inspection.completed") : t("inspection.open")}
        </Badge>
        <Anchor href={`/api/export/self-inspections/${year}/statistics?format=csv&lang=ja`} size="sm">
          CSV（日本語）
        </Anchor>
        <Anchor href={`/api/export/self-inspections/${year}/statistics?format=csv&lang=en`} size="sm">
          CSV (English)
        </Anchor>
        <Anchor
          href={`/api/export/self-inspections/${year}/statistics?format=pdf&lang=ja`}
          target="_blank"
          size="sm"
        >
          日本語 PDF
        </Anchor>
        <Anchor
          href={`/api/export/self-inspections/${year}/statistics?format=pdf&lang=en`}
          target="_blank"
          size="sm"
        >
          English PDF
        </Anchor>
      </Group>
      <Alert color="yellow">{t("inspection.disclaimer")}</Alert>
      <Paper withBorder p="md" data-testid="statistics">
        <Title order={5} mb="xs">
          {t("stats.title")}
        </Title>
        {stats.data ? (
          <SimpleGrid cols={{ base: 1, md: 4 }}>
            <StatList title={t("stats.byActivity")} data={stats.data.byActivity} label={label.activity} />
            <StatList
              title={t("stats.byDetermination")}
              data={stats.data.byDetermination}
              label={label.determination}
            />
            <StatList title={t("stats.byOutcome")} data={stats.data.byOutcome} label={label.outcome} />
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t("stats.turnaround")}
              </Text>
              <Text size="sm">
                {t("stats.turnaroundText", {
                  n: stats.data.turnaround.decided,
                  mean: stats.data.turnaround.meanDays ?? "—",
                  median: stats.data.turnaround.medianDays ?? "—",
                  p90: stats.data.turnaround.p90Days ?? "—",
                })}
              </Text>
              <Text size="sm" fw={600} mt="xs">
                {t("stats.licences")}
              </Text>
              {stats.data.licences.map((l) => (
                <Text size="sm" key={l.ref}>
                  {l.ref}: {t("licences.useCount", { n: l.uses })}
                </Text>
              ))}
            </Stack>
          </SimpleGrid>
        ) : (
          <ErrorAlert error={stats.error} />
        )}
      </Paper>
      <ErrorAlert error={save.error} />
      <Table>
        <Table.Tbody>
          {v.questions.map((q) => {
            const head = bi(q.section) !== section ? bi(q.section) : null;
            if (head) section = head;
            const a = answers[q.id];
            const files = v.evidenceFiles.filter((f) => f.questionId === q.id);
            const missing = v.missing.some((m) => m === q.id || m.startsWith(`${q.id}.`));
            return [
              head ? (
                <Table.Tr key={`${q.id}-head`}>
                  <Table.Td colSpan={2}>
                    <Text fw={700}>{head}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null,
              <Table.Tr key={q.id} data-testid={`question-${q.id}`}>
                <Table.Td w="45%">
                  <Text size="sm">{bi(q.text)}</Text>
                  <Text size="xs" c="dimmed">
                    {q.citations.map((c) => bi(c)).join("; ")}
                  </Text>
                  {missing && !completed ? (
                    <Badge size="xs" color="orange">
                      {t("inspection.missing")}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <SegmentedControl
                      size="xs"
                      disabled={!editor || completed}
                      data={(["yes", "no", "na"] as const).map((x) => ({
                        value: x,
                        label: t(`inspection.answer.${x}`),
                      }))}
                      value={a?.answer ?? ""}
                      onChange={(x) => set(q.id, { answer: x as InspectionAnswer["answer"] })}
                    />
                    <TextInput
                      size="xs"
                      placeholder={t("inspection.evidence")}
                      aria-label={t("inspection.evidence")}
                      disabled={!editor || completed}
                      value={a?.evidence ?? ""}
                      onChange={(e) => set(q.id, { evidence: e.currentTarget.value })}
                    />
                    <TextInput
                      size="xs"
                      placeholder={t("inspection.note")}
                      aria-label={t("inspection.note")}
                      disabled={!editor || completed}
                      value={a?.note ?? ""}
                      onChange={(e) => set(q.id, { note: e.currentTarget.value })}
                    />
                    {files.map((f) => (
                      <Anchor
                        key={f.id}
                        size="xs"
                        href={`/api/export/self-inspections/${year}/evidence/${f.id}`}
                      >
                        📎 {f.fileName}
                      </Anchor>
                    ))}
                    {editor && !completed ? (
                      <Group gap="xs">
                        <FileInput
                          size="xs"
                          w={200}
                          placeholder={t("inspection.file")}
                          value={file[q.id] ?? null}
                          onChange={(f) => setFile({ ...file, [q.id]: f })}
                        />
                        <Button
                          size="compact-xs"
                          variant="light"
                          disabled={!file[q.id]}
                          onClick={() =>
                            file[q.id] &&
                            save.mutate(
                              { file: file[q.id]!, question: q.id },
                              { onSuccess: () => setFile({ ...file, [q.id]: null }) },
                            )
                          }
                        >
                          {t("inspection.attach")}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>,
            ];
          })}
        </Table.Tbody>
      </Table>
      {editor && !completed ? (
        <Group>
          <Button
            variant="light"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { answers },
                { onSuccess: () => notifications.show({ color: "green", message: t("inspection.saved") }) },
              )
            }
          >
            {t("inspection.save")}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { answers },
                {
                  onSuccess: () =>
                    save.mutate("complete", {
                      onSuccess: () => notifications.show({ color: "green", message: t("inspection.done") }),
                    }),
                },
              )
            }
          >
            {t("inspection.complete")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function StatList({
  title,
  data,
  label,
}: {
  title: string;
  data: Record<string, number>;
  label: (k: string) => string;
}) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {Object.entries(data).map(([k, n]) => (
        <Text size="sm" key={k}>
          {label(k)}: {n}
        </Text>
      ))}
      {Object.keys(data).length === 0 ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : null}
    </Stack>
  );
}
