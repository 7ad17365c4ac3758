import {
  ActionIcon,
  Button,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { bi } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { CASE_CHANNELS, type CaseContent, type CaseView, useCase, useFlags, useSaveCase } from "./api";
import { useChannelLabel } from "./CasesPage";

type Values = { slug: string; status: "draft" | "published"; content: CaseContent };

const empty: CaseContent = {
  title: { ja: "", en: "" },
  period: "",
  channels: [],
  sector: { ja: "", en: "" },
  summary: { ja: "", en: "" },
  timeline: [],
  method: [],
  redFlags: [],
  countermeasures: [],
  outcome: { ja: "", en: "" },
  sources: [],
};

/** Add or edit a case (admins). Every change is audited on the server. */
export function CaseEditPage() {
  const { slug } = useParams();
  const one = useCase(slug);
  if (slug && one.isLoading) return <Loader />;
  if (slug && (one.error || !one.data)) return <ErrorAlert error={one.error} />;
  return (
    <RequireRole roles={["admin"]}>
      <CaseForm existing={one.data} />
    </RequireRole>
  );
}

function BiFields({
  form,
  path,
  label,
  multiline,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's form paths are strings into the values.
  form: any;
  path: string;
  label: string;
  multiline?: boolean;
}) {
  const Input = multiline ? Textarea : TextInput;
  return (
    <Group grow align="flex-start">
      <Input
        label={`${label}（日本語）`}
        autosize={multiline}
        minRows={2}
        {...form.getInputProps(`${path}.ja`)}
      />
      <Input
        label={`${label} (English)`}
        autosize={multiline}
        minRows={2}
        {...form.getInputProps(`${path}.en`)}
      />
    </Group>
  );
}

function CaseForm({ existing }: { existing?: CaseView }) {
  const { t } = useTranslation("cases");
  const navigate = useNavigate();
  const save = useSaveCase();
  const flags = useFlags();
  const channel = useChannelLabel();
  const form = useForm<Values>({
    initialValues: existing
      ? { slug: existing.slug, status: existing.status, content: existing.content }
      : { slug: "", status: "draft", content: empty },
  });
  const v = form.getValues();

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ id: existing?.id, version: existing?.version, input: values });
      notifications.show({ color: "green", message: t("saved") });
      navigate(`/cases/${saved.slug}`);
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });

  const list = (key: "method" | "countermeasures", label: string) => (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {label}
      </Title>
      <Stack gap="xs">
        {v.content[key].map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their inputs are controlled by the form
          <Group key={`${key}-${i}`} align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <BiFields form={form} path={`content.${key}.${i}`} label={`${label} ${i + 1}`} multiline />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("remove")}
              onClick={() => form.removeListItem(`content.${key}`, i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          onClick={() => form.insertListItem(`content.${key}`, { ja: "", en: "" })}
        >
          ＋ {label}
        </Button>
        {form.errors[`content.${key}`] ? (
          <Text c="red" size="sm">
            {form.errors[`content.${key}`]}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );

  return (
    <form onSubmit={submit}>
      <Stack>
        <PageHeader
          title={existing ? t("editTitle", { title: bi(existing.content.title) }) : t("newTitle")}
        />
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput
                label={t("form.slug")}
                description={t("form.slugHelp")}
                {...form.getInputProps("slug")}
              />
              <TextInput
                label={t("form.period")}
                placeholder="2018–2020"
                {...form.getInputProps("content.period")}
              />
              <div>
                <Text size="sm" fw={500}>
                  {t("form.status")}
                </Text>
                <SegmentedControl
                  value={v.status}
                  onChange={(s) => form.setFieldValue("status", s as "draft" | "published")}
                  data={[
                    { value: "draft", label: t("draft") },
                    { value: "published", label: t("published") },
                  ]}
                />
              </div>
            </Group>
            <BiFields form={form} path="content.title" label={t("form.title")} />
            <BiFields form={form} path="content.sector" label={t("form.sector")} />
            <MultiSelect
              label={t("form.channels")}
              data={CASE_CHANNELS.map((c) => ({ value: c, label: channel(c) }))}
              {...form.getInputProps("content.channels")}
            />
            <BiFields form={form} path="content.summary" label={t("form.summary")} multiline />
            <MultiSelect
              label={t("redFlags")}
              searchable
              data={(flags.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.id} ${bi(f.title)}` }))}
              {...form.getInputProps("content.redFlags")}
              error={
                form.errors["content.redFlags"] ??
                Object.entries(form.errors).find(([k]) => k.startsWith("content.redFlags."))?.[1]
              }
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {t("timeline")}
          </Title>
          <Stack gap="xs">
            {v.content.timeline.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their inputs are controlled by the form
              <Group key={`tl-${i}`} align="flex-end" wrap="nowrap">
                <TextInput
                  w={140}
                  label={t("form.date")}
                  {...form.getInputProps(`content.timeline.${i}.date`)}
                />
                <div style={{ flex: 1 }}>
                  <BiFields
                    form={form}
                    path={`content.timeline.${i}.text`}
                    label={t("form.event")}
                    multiline
                  />
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("remove")}
                  onClick={() => form.removeListItem("content.timeline", i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem("content.timeline", { date: "", text: { ja: "", en: "" } })}
            >
              ＋ {t("form.event")}
            </Button>
          </Stack>
        </Paper>

        {list("method", t("method"))}
        {list("countermeasures", t("countermeasures"))}

        <Paper withBorder p="md">
          <BiFields form={form} path="content.outcome" label={t("outcome")} multiline />
        </Paper>

        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {t("sources")}
          </Title>
          <Stack gap="xs">
            {v.content.sources.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; their inputs are controlled by the form
              <Group key={`src-${i}`} align="flex-end" grow>
                <TextInput
                  label={t("form.publisher")}
                  {...form.getInputProps(`content.sources.${i}.publisher`)}
                />
                <TextInput
                  label={t("form.date")}
                  placeholder="2021-04-20"
                  {...form.getInputProps(`content.sources.${i}.date`)}
                />
                <TextInput
                  label={t("form.sourceTitle")}
                  {...form.getInputProps(`content.sources.${i}.title`)}
                />
                <TextInput label="URL" {...form.getInputProps(`content.sources.${i}.url`)} />
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem("content.sources", i)}
                >
                  {t("remove")}
                </Button>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                form.insertListItem("content.sources", { publisher: "", date: "", title: "", url: "" })
              }
            >
              ＋ {t("sources")}
            </Button>
            {form.errors["content.sources"] ? (
              <Text c="red" size="sm">
                {form.errors["content.sources"]}
              </Text>
            ) : null}
          </Stack>
        </Paper>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("save")}
          </Button>
          <Button variant="default" onClick={() => navigate(-1)}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
