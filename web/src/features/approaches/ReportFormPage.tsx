import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { api } from "../../app/api";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { RelatedCases } from "../cases/RelatedCases";
import {
  type Answer,
  type Assessment,
  assess,
  type Report,
  type ReportInput,
  uploadAttachments,
  useQuestionnaire,
  useReport,
  useReportAction,
  useSaveReport,
} from "./api";
import { RiskPanel } from "./components";

type FormValues = {
  channel: string;
  channelOther: string;
  occurredOn: string;
  name: string;
  organisation: string;
  profileUrl: string;
  email: string;
  phone: string;
  offered: string[];
  offeredOther: string;
  asked: string[];
  askedOther: string;
  messageText: string;
  description: string;
  answers: Record<string, Answer | "">;
};

function toForm(r?: Report): FormValues {
  return {
    channel: r?.channel ?? "professional_network",
    channelOther: r?.channelOther ?? "",
    occurredOn: r?.occurredOn ?? "",
    name: r?.sender.name ?? "",
    organisation: r?.sender.organisation ?? "",
    profileUrl: r?.sender.profileUrl ?? "",
    email: r?.sender.email ?? "",
    phone: r?.sender.phone ?? "",
    offered: r?.offered ?? [],
    offeredOther: r?.offeredOther ?? "",
    asked: r?.asked ?? [],
    askedOther: r?.askedOther ?? "",
    messageText: r?.messageText ?? "",
    description: r?.description ?? "",
    answers: { ...(r?.answers ?? {}) },
  };
}

function answered(values: FormValues): Record<string, Answer> {
  return Object.fromEntries(Object.entries(values.answers).filter(([, v]) => v !== "")) as Record<
    string,
    Answer
  >;
}

function toInput(v: FormValues): ReportInput {
  const n = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    // The select offers only the questionnaire's channels; the server validates the value again.
    channel: v.channel as ReportInput["channel"],
    channelOther: v.channel === "other" ? n(v.channelOther) : null,
    occurredOn: n(v.occurredOn),
    sender: {
      name: n(v.name),
      organisation: n(v.organisation),
      profileUrl: n(v.profileUrl),
      email: n(v.email),
      phone: n(v.phone),
    },
    offered: v.offered as NonNullable<ReportInput["offered"]>,
    offeredOther: n(v.offeredOther),
    asked: v.asked as NonNullable<ReportInput["asked"]>,
    askedOther: n(v.askedOther),
    messageText: n(v.messageText),
    description: n(v.description),
    answers: answered(v),
  };
}

/** Form paths from the server (sender.email) mapped to this form's flat field names. */
function formErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    out[path.replace(/^sender\.name$/, "name").replace(/^sender\./, "")] = message;
  }
  return out;
}

/** New report, or the reporter's draft (`/approaches/:id/edit`). */
export function ReportFormPage() {
  const { id } = useParams();
  const report = useReport(id);
  const questionnaire = useQuestionnaire();
  if ((id && report.isLoading) || questionnaire.isLoading) return <Loader />;
  if (id && (report.error || !report.data)) return <ErrorAlert error={report.error} />;
  if (questionnaire.error || !questionnaire.data) return <ErrorAlert error={questionnaire.error} />;
  return <ReportForm key={report.data?.id ?? "new"} report={report.data} />;
}

function ReportForm({ report }: { report?: Report }) {
  const { t } = useTranslation("approaches");
  const navigate = useNavigate();
  const questionnaire = useQuestionnaire().data!;
  const save = useSaveReport();
  const action = useReportAction();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({ initialValues: toForm(report) });
  const [files, setFiles] = useState<File[]>([]);
  const location = useLocation();
  // A refused attachment on a new report moves to the saved draft's URL; the message comes along.
  const refused = (location.state as { refused?: string } | null)?.refused;
  const [error, setError] = useState<unknown>(refused ? new Error(refused) : null);
  const [busy, setBusy] = useState(false);
  const [assessment, setAssessment] = useState<Assessment | null>(report?.assessment ?? null);
  const [current, setCurrent] = useState<Report | undefined>(report);

  const v = form.getValues();
  const [debounced] = useDebouncedValue(
    JSON.stringify({ channel: v.channel, offered: v.offered, asked: v.asked, answers: answered(v) }),
    250,
  );
  useEffect(() => {
    let cancelled = false;
    assess(JSON.parse(debounced))
      .then((a) => {
        if (!cancelled) setAssessment(a);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [debounced]);

  /** Saves the draft, attaches pending files, and (when asked) sends the report. */
  async function persist(send: boolean) {
    setError(null);
    form.clearErrors();
    setBusy(true);
    let saved: Report | undefined;
    try {
      saved = await save.mutateAsync({
        id: current?.id,
        version: current?.version,
        input: toInput(form.getValues()),
      });
      setCurrent(saved);
      if (files.length > 0) {
        try {
          saved = await uploadAttachments(saved.id, files);
          queryClient.setQueryData(["approaches", "report", saved.id], saved);
          setCurrent(saved);
          setFiles([]);
        } catch (e) {
          // The draft is saved; only the files were refused. Stay on the draft with the message.
          setError(e);
          if (!report) {
            navigate(`/approaches/${saved.id}/edit`, {
              replace: true,
              state: { refused: e instanceof Error ? e.message : String(e) },
            });
          }
          return;
        }
      }
      if (send) {
        const sent = await api.post<Report>(`/api/approaches/${saved.id}/submit`, { version: saved.version });
        queryClient.setQueryData(["approaches", "report", sent.id], sent);
        void queryClient.invalidateQueries({ queryKey: ["approaches", "mine"] });
        void queryClient.invalidateQueries({ queryKey: ["tasks"] });
        notifications.show({ color: "green", message: t("form.submitted") });
        navigate(`/approaches/${sent.id}`);
      } else {
        notifications.show({ color: "green", message: t("form.savedDraft") });
        if (!report) navigate(`/approaches/${saved.id}/edit`, { replace: true });
      }
    } catch (e) {
      setError(e);
      form.setErrors(formErrors(e));
    } finally {
      setBusy(false);
    }
  }

  const maxMb = Math.round((questionnaire.attachmentMaxBytes / 1024 / 1024) * 10) / 10;
  const fired = assessment?.firedFlags ?? [];

  return (
    <Stack>
      <PageHeader
        title={current ? t("form.editTitle", { reference: current.reference }) : t("form.title")}
        subtitle={t("form.intro")}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form
            // "new" until the route is the saved draft's (a refused attachment moves there)
            data-testid="report-form"
            data-form-for={report ? "draft" : "new"}
            onSubmit={(e) => {
              e.preventDefault();
              void persist(true);
            }}
          >
            <Stack>
              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("form.where")}
                </Title>
                <Group grow align="flex-start">
                  <Select
                    label={t("form.channel")}
                    data={questionnaire.channels.map((c) => ({ value: c.id, label: bi(c.label) }))}
                    allowDeselect={false}
                    {...form.getInputProps("channel")}
                  />
                  <DateField label={t("form.occurredOn")} {...form.getInputProps("occurredOn")} />
                </Group>
                {v.channel === "other" ? (
                  <TextInput mt="sm" label={t("form.channelOther")} {...form.getInputProps("channelOther")} />
                ) : null}
              </Paper>

              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("form.who")}
                </Title>
                <Stack gap="xs">
                  <Group grow align="flex-start">
                    <TextInput label={t("form.senderName")} {...form.getInputProps("name")} />
                    <TextInput label={t("form.organisation")} {...form.getInputProps("organisation")} />
                  </Group>
                  <TextInput
                    label={t("form.profileUrl")}
                    placeholder="https://www.linkedin.com/in/…"
                    {...form.getInputProps("profileUrl")}
                  />
                  <Group grow align="flex-start">
                    <TextInput label={t("form.email")} {...form.getInputProps("email")} />
                    <TextInput label={t("form.phone")} {...form.getInputProps("phone")} />
                  </Group>
                </Stack>
              </Paper>

              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("form.whatOffered")}
                </Title>
                <Checkbox.Group label={t("form.offered")} {...form.getInputProps("offered")}>
                  <Group mt={4} gap="md">
                    {questionnaire.offered.map((o) => (
                      <Checkbox key={o.id} value={o.id} label={bi(o.label)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                {v.offered.includes("other") ? (
                  <TextInput mt="xs" label={t("form.offeredOther")} {...form.getInputProps("offeredOther")} />
                ) : null}
                <Checkbox.Group mt="md" label={t("form.asked")} {...form.getInputProps("asked")}>
                  <Group mt={4} gap="md">
                    {questionnaire.asked.map((o) => (
                      <Checkbox key={o.id} value={o.id} label={bi(o.label)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                {v.asked.includes("other") ? (
                  <TextInput mt="xs" label={t("form.askedOther")} {...form.getInputProps("askedOther")} />
                ) : null}
              </Paper>

              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("form.checklist")}
                </Title>
                <Stack gap="md">
                  {questionnaire.questions.map((q) => (
                    <Group key={q.flagId} justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                      <div style={{ flex: 1 }}>
                        <Text size="sm" id={`q-${q.flagId}`}>
                          <Text span c="dimmed" size="xs" mr={6}>
                            {q.flagId}
                          </Text>
                          {bi(q.question)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {bi(q.example)}
                        </Text>
                      </div>
                      <SegmentedControl
                        size="xs"
                        aria-labelledby={`q-${q.flagId}`}
                        data-testid={`answer-${q.flagId}`}
                        value={v.answers[q.flagId] ?? ""}
                        onChange={(value) => form.setFieldValue(`answers.${q.flagId}`, value as Answer)}
                        data={[
                          { value: "yes", label: t("form.yes") },
                          { value: "no", label: t("form.no") },
                          { value: "unsure", label: t("form.unsure") },
                        ]}
                      />
                    </Group>
                  ))}
                </Stack>
              </Paper>

              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("form.content")}
                </Title>
                <Textarea
                  label={t("form.messageText")}
                  description={t("form.messageTextHelp")}
                  autosize
                  minRows={4}
                  maxRows={14}
                  {...form.getInputProps("messageText")}
                />
                <Textarea
                  mt="sm"
                  label={t("form.description")}
                  autosize
                  minRows={3}
                  maxRows={10}
                  {...form.getInputProps("description")}
                />
              </Paper>

              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("form.attachments")}
                </Title>
                <FileInput
                  multiple
                  clearable
                  label={t("form.chooseFiles")}
                  description={t("form.attachmentsHelp", { size: maxMb })}
                  value={files}
                  onChange={setFiles}
                  accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,message/rfc822,.eml,.txt"
                />
                {current && current.attachments.length > 0 ? (
                  <Stack gap={4} mt="sm">
                    {current.attachments.map((a) => (
                      <Group key={a.id} gap="xs">
                        <Text size="sm">{a.fileName}</Text>
                        <Text size="xs" c="dimmed">
                          {Math.ceil(a.sizeBytes / 1024)} KB
                        </Text>
                        <Anchor
                          size="xs"
                          component="button"
                          type="button"
                          onClick={async () => {
                            const r = await action.mutateAsync({
                              id: current.id,
                              method: "delete",
                              path: `/attachments/${a.id}`,
                            });
                            setCurrent(r);
                          }}
                        >
                          {t("form.remove")}
                        </Anchor>
                      </Group>
                    ))}
                  </Stack>
                ) : null}
              </Paper>

              {error ? (
                <Stack gap="xs">
                  <ErrorAlert error={error} />
                  {current ? (
                    <Alert color="blue" data-testid="kept-as-draft">
                      {t("form.keptAsDraft")}
                    </Alert>
                  ) : null}
                </Stack>
              ) : null}

              <Group>
                <Button type="submit" loading={busy} color="red">
                  {t("form.submit")}
                </Button>
                <Button variant="default" loading={busy} onClick={() => void persist(false)}>
                  {t("form.saveDraft")}
                </Button>
                {current ? (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() =>
                      modals.openConfirmModal({
                        title: t("form.discard"),
                        children: <Text size="sm">{t("form.discardConfirm")}</Text>,
                        labels: { confirm: t("form.discard"), cancel: "×" },
                        confirmProps: { color: "red" },
                        onConfirm: async () => {
                          await api.delete(`/api/approaches/${current.id}`);
                          navigate("/approaches/mine");
                        },
                      })
                    }
                  >
                    {t("form.discard")}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack style={{ position: "sticky", top: 72 }}>
            <RiskPanel assessment={assessment} />
            <RelatedCases flags={fired} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
