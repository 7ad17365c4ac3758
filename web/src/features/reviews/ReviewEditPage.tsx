import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import {
  type Question,
  type Questionnaire,
  type Reference,
  type Review,
  type ReviewForm,
  useReference,
  useReview,
  useSaveReview,
  useTransition,
} from "./api";
import { discardDraft, loadDraft, useAutosave } from "./autosave";
import { PartyPicker } from "./PartyPicker";

const emptyForm = (): ReviewForm => ({
  title: "",
  unit: "",
  details: { topic: "", dataInvolved: "", startDate: "", endDate: "", purpose: "" },
  answers: {},
  notes: {},
  counterparties: [],
  topicTags: { jp: [], us: [] },
});

function fromReview(r: Review): ReviewForm {
  return {
    title: r.title,
    unit: r.unit ?? "",
    details: { ...r.details, startDate: r.details.startDate ?? "", endDate: r.details.endDate ?? "" },
    answers: r.answers,
    notes: r.notes,
    counterparties: r.counterparties.map((c) => ({ partyId: c.partyId, role: c.role, name: c.name })),
    topicTags: r.topicTags,
  };
}

/** New application (choose the activity first) or edit one that is a draft or was returned. */
export function ReviewEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation("reviews");
  const ref = useReference();
  const review = useReview(id);
  if (ref.isLoading || (id && review.isLoading)) return <Loader />;
  if (ref.error || !ref.data) return <ErrorAlert error={ref.error} />;
  if (id && (review.error || !review.data)) return <ErrorAlert error={review.error} />;
  const type = review.data?.activityType ?? params.get("type");
  const questionnaire = ref.data.questionnaires.find((q) => q.type === type);
  if (!questionnaire) return <ChooseType reference={ref.data} />;
  if (review.data && !review.data.permissions.edit) return <Alert color="yellow">{t("notEditable")}</Alert>;
  return (
    <ApplicationForm
      key={id ?? type}
      reference={ref.data}
      questionnaire={questionnaire}
      review={review.data}
    />
  );
}

function ChooseType({ reference }: { reference: Reference }) {
  const { t } = useTranslation("reviews");
  return (
    <Stack>
      <PageHeader title={t("chooseType")} subtitle={t("chooseTypeHelp")} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {reference.questionnaires.map((q) => (
          <Card
            key={q.type}
            withBorder
            component={Link}
            to={`/reviews/new?type=${q.type}`}
            data-testid={`type-${q.type}`}
          >
            <Text fw={600}>{bi(q.label)}</Text>
            <Text size="sm" c="dimmed">
              {q.roles
                .map((r) => bi(reference.counterpartyRoles.find((o) => o.value === r)?.label))
                .join(" / ")}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ApplicationForm({
  reference,
  questionnaire,
  review,
}: {
  reference: Reference;
  questionnaire: Questionnaire;
  review?: Review | undefined;
}) {
  const { t } = useTranslation("reviews");
  const navigate = useNavigate();
  const save = useSaveReview();
  const transition = useTransition();
  const form = useForm<ReviewForm>({ initialValues: review ? fromReview(review) : emptyForm() });
  const draftKey = review ? `review-${review.id}` : `new-${questionnaire.type}`;
  const userId = useAuth().user?.id ?? "anonymous";
  const autosavedAt = useAutosave(userId, draftKey, form.values, form.isDirty());
  const [draft, setDraft] = useState<{ payload: ReviewForm; savedAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [role, setRole] = useState<string>(questionnaire.roles[0] ?? "other");
  // The saved application behind this form (set after the first save of a new one).
  const [current, setCurrent] = useState<Review | undefined>(review);

  useEffect(() => {
    void loadDraft<ReviewForm>(userId, draftKey).then((d) => {
      if (d && (!review || d.savedAt > review.updatedAt)) setDraft(d);
    });
  }, [userId, draftKey, review]);

  async function persist(values: ReviewForm): Promise<Review> {
    const body = {
      ...values,
      unit: values.unit || null,
      details: {
        ...values.details,
        startDate: values.details.startDate || null,
        endDate: values.details.endDate || null,
      },
    };
    const saved = await save.mutateAsync({
      id: current?.id,
      version: current?.version,
      activityType: questionnaire.type,
      form: body,
    });
    setCurrent(saved);
    form.resetDirty(values);
    await discardDraft(userId, draftKey);
    return saved;
  }

  async function onSave(submit: boolean) {
    setError(null);
    form.clearErrors();
    try {
      let saved = await persist(form.values);
      if (submit) {
        // The application is saved either way; a refused submission shows what is missing here.
        saved = await transition.mutateAsync({ id: saved.id, action: "submit" });
        notifications.show({ color: "green", message: t("submitted") });
      } else {
        notifications.show({ color: "green", message: t("saved") });
      }
      navigate(`/reviews/${saved.id}`);
    } catch (e) {
      setError(e);
      form.setErrors(fieldErrors(e));
    }
  }

  // This activity's own roles first (a hire's contractor, payee and intermediary), then the rest.
  const ownRole = (v: string) => ((questionnaire.roles as readonly string[]).includes(v) ? 0 : 1);
  const roleOptions = [...reference.counterpartyRoles]
    .sort((a, b) => ownRole(a.value) - ownRole(b.value))
    .map((o) => ({ value: o.value, label: bi(o.label) }));

  return (
    <Stack maw={960}>
      <PageHeader
        title={
          current
            ? t("editTitle", { refNo: current.refNo })
            : t("newTitle", { type: bi(questionnaire.label) })
        }
        subtitle={
          autosavedAt ? t("autosaved", { time: formatDateTime(autosavedAt) }) : bi(questionnaire.label)
        }
      />
      {draft ? (
        <Alert
          color="yellow"
          title={t("draftFound", { time: formatDateTime(draft.savedAt) })}
          data-testid="draft-found"
        >
          <Text size="sm" mb="xs">
            {t("draftFoundBody")}
          </Text>
          <Group>
            <Button
              size="xs"
              onClick={() => {
                form.setValues(draft.payload);
                form.resetDirty(review ? fromReview(review) : emptyForm());
                setDraft(null);
              }}
            >
              {t("restore")}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                void discardDraft(userId, draftKey);
                setDraft(null);
              }}
            >
              {t("discard")}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("details")}
        </Title>
        <Stack>
          <TextInput label={t("titleField")} required {...form.getInputProps("title")} />
          <TextInput label={t("unit")} {...form.getInputProps("unit")} />
          <Textarea
            label={t("topic")}
            description={t("topicHelp")}
            required
            autosize
            minRows={2}
            {...form.getInputProps("details.topic")}
          />
          <Textarea
            label={t("dataInvolved")}
            autosize
            minRows={2}
            {...form.getInputProps("details.dataInvolved")}
          />
          <Group grow>
            <DateField label={t("startDate")} required {...form.getInputProps("details.startDate")} />
            <DateField label={t("endDate")} {...form.getInputProps("details.endDate")} />
          </Group>
          <Textarea
            label={t("purpose")}
            required
            autosize
            minRows={2}
            {...form.getInputProps("details.purpose")}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4}>{t("counterparties")}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("counterpartiesHelp")}
        </Text>
        <Table data-testid="counterparties-table">
          <Table.Tbody>
            {form.values.counterparties.map((c, i) => (
              <Table.Tr key={`${c.partyId}-${c.role}`}>
                <Table.Td>{c.name ?? c.partyId}</Table.Td>
                <Table.Td w={260}>
                  <Select
                    aria-label={t("role")}
                    data={roleOptions}
                    allowDeselect={false}
                    {...form.getInputProps(`counterparties.${i}.role`)}
                  />
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("remove")}
                    onClick={() => form.removeListItem("counterparties", i)}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {form.values.counterparties.length === 0 ? (
          <Text size="sm" c={form.errors.counterparties ? "red" : "dimmed"}>
            {form.errors.counterparties ?? t("noCounterparties")}
          </Text>
        ) : null}
        <Group align="flex-end" mt="sm" wrap="nowrap">
          <Select
            label={t("role")}
            w={260}
            data={roleOptions}
            value={role}
            onChange={(v) => setRole(v ?? "other")}
            allowDeselect={false}
          />
          <div style={{ flex: 1 }}>
            <PartyPicker
              onPick={(p) => {
                if (!form.values.counterparties.some((c) => c.partyId === p.id && c.role === role))
                  form.insertListItem("counterparties", { partyId: p.id, role, name: p.name });
              }}
            />
          </div>
        </Group>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("questions")}
        </Title>
        <Stack>
          {questionnaire.questions.map((q) => (
            <QuestionField key={q.id} question={q} form={form} />
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("topicTags")}
        </Title>
        <MultiSelect
          label={t("jpTags")}
          data={reference.jpCriticalAreas.map((a) => ({ value: a.id, label: bi(a.label) }))}
          searchable
          {...form.getInputProps("topicTags.jp")}
        />
        <MultiSelect
          mt="sm"
          label={t("usTags")}
          data={reference.usCetAreas.map((a) => ({ value: a.id, label: bi(a.label) }))}
          searchable
          {...form.getInputProps("topicTags.us")}
        />
      </Paper>

      <Group>
        <Button onClick={() => onSave(true)} loading={transition.isPending}>
          {t("submit")}
        </Button>
        <Button variant="default" onClick={() => onSave(false)} loading={save.isPending}>
          {t("saveDraft")}
        </Button>
        <Button variant="subtle" onClick={() => navigate(current ? `/reviews/${current.id}` : "/reviews")}>
          {t("cancel")}
        </Button>
      </Group>
    </Stack>
  );
}

type FormApi = ReturnType<typeof useForm<ReviewForm>>;

function QuestionField({ question: q, form }: { question: Question; form: FormApi }) {
  const { t } = useTranslation("reviews");
  const value = form.values.answers[q.id];
  const error = form.errors[`answers.${q.id}`];
  const setValue = (v: string | number | boolean | null) => form.setFieldValue(`answers.${q.id}`, v);
  const label = bi(q.label);
  const description = q.help ? bi(q.help) : undefined;
  switch (q.kind) {
    case "yesno":
      return (
        <Stack gap={4}>
          <Radio.Group
            label={label}
            description={description}
            withAsterisk={q.required}
            value={value === true ? "yes" : value === false ? "no" : ""}
            onChange={(v) => setValue(v === "yes")}
            error={error}
            data-testid={`q-${q.id}`}
          >
            <Group mt={4}>
              <Radio value="yes" label={t("yes")} />
              <Radio value="no" label={t("no")} />
            </Group>
          </Radio.Group>
          {value === true && q.flag ? (
            <Textarea
              label={t("evidence")}
              placeholder={t("evidencePlaceholder")}
              withAsterisk
              autosize
              minRows={2}
              ml="md"
              {...form.getInputProps(`notes.${q.id}`)}
            />
          ) : null}
        </Stack>
      );
    case "select":
      return (
        <Select
          label={label}
          description={description}
          withAsterisk={q.required}
          data={(q.options ?? []).map((o) => ({ value: o.value, label: bi(o.label) }))}
          value={typeof value === "string" ? value : null}
          onChange={(v) => setValue(v)}
          error={error}
        />
      );
    case "number":
      return (
        <NumberInput
          label={label}
          description={description}
          withAsterisk={q.required}
          min={q.min}
          max={q.max}
          thousandSeparator=","
          value={typeof value === "number" ? value : ""}
          onChange={(v) => setValue(typeof v === "number" ? v : null)}
          error={error}
        />
      );
    case "textarea":
      return (
        <Textarea
          label={label}
          description={description}
          withAsterisk={q.required}
          autosize
          minRows={2}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
        />
      );
    default:
      return (
        <TextInput
          type={q.kind === "date" ? "date" : "text"}
          label={label}
          description={description}
          withAsterisk={q.required}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
        />
      );
  }
}
